"""Deterministic synthetic news corpus for the newsfacts benchmark.

Every article is built from templates written for this project (nothing is
copied from a real article): wire-style paragraphs with casualty figures,
direct and reported quotes, titled officials, ministries, agencies and
places, so that extraction does the same kind of work as on real news.
The same (count, seed) always gives byte-identical files.

Files are .txt (one article each, most with the ` date YYYY-MM-DD` marker the
importer reads), 1,000 per sub-folder so no folder gets huge.

Fact density is tuned to resemble wire copy (per KB of text, about 3-4 actor
mentions, 4 statements and 2 casualty figures, as extracted from the dev
corpus at the time of writing): most paragraphs carry one fact sentence
padded with background sentences.
"""

import os
import random

FIRST = """Amara Ana Omar Layla Tomas Ines Kofi Mei Dmitri Fatima Ibrahim Sofia Rahul Chen Yusuf
Elena Samir Nadia Jonas Aisha Mateo Hana Kwame Irina Farid Leila Pablo Zainab Arjun Olga Hassan
Marta Tariq Noura Viktor Grace Karim Salma Diego Yara Emeka Lucia Rami Anya Jamal Sara Bilal Maya
Nikolai Amina Felipe Rania Kenji Dalia Mustafa Clara Idris Huda Andrei Noor""".split()

LAST = """Okonjo Ruiz Haddad Mansour Petrov Nakamura Abdi Kovacs Mensah Rahimi Castillo Novak
Suleiman Lindqvist Barzani Odhiambo Moreau Tanaka Quraishi Alvarez Kowalski Ndiaye Farouk Ivanova
Mendes Baptiste Oyelaran Sato Rahman Hakimi Volkov Ferreira Adeyemi Karimi Santos Bakr Jansen
Morales Nasser Obi Wang Kaplan Salazar Darwish Eriksen Mwangi Rostami Youssef Bianchi Chaudhry
Aziz Delgado Hussein Lopes Marchetti Osei Saleh Tran Vargas Zidane Brenner Kamau Qasim Reyes""".split()

# (country, adjective, a few of its cities)
COUNTRIES = [
    ("Syria", "Syrian", ["Damascus", "Aleppo", "Homs", "Idlib", "Tartus"]),
    ("Lebanon", "Lebanese", ["Beirut", "Tyre", "Sidon", "Tripoli", "Baalbek"]),
    ("Israel", "Israeli", ["Tel Aviv", "Haifa", "Jerusalem", "Ashkelon", "Sderot"]),
    ("Iran", "Iranian", ["Tehran", "Isfahan", "Tabriz", "Shiraz", "Mashhad"]),
    ("Iraq", "Iraqi", ["Baghdad", "Mosul", "Basra", "Erbil", "Kirkuk"]),
    ("Yemen", "Yemeni", ["Sanaa", "Aden", "Hodeidah", "Taiz", "Marib"]),
    ("Sudan", "Sudanese", ["Khartoum", "Omdurman", "El Fasher", "Port Sudan", "Nyala"]),
    ("Ukraine", "Ukrainian", ["Kyiv", "Kharkiv", "Odesa", "Dnipro", "Zaporizhzhia"]),
    ("Russia", "Russian", ["Moscow", "Belgorod", "Kursk", "Rostov", "Bryansk"]),
    ("Nigeria", "Nigerian", ["Abuja", "Lagos", "Maiduguri", "Kano", "Jos"]),
    ("Mali", "Malian", ["Bamako", "Gao", "Timbuktu", "Mopti", "Kidal"]),
    ("Somalia", "Somali", ["Mogadishu", "Kismayo", "Baidoa", "Beledweyne", "Garowe"]),
    ("Ethiopia", "Ethiopian", ["Addis Ababa", "Mekelle", "Gondar", "Bahir Dar", "Dire Dawa"]),
    ("Afghanistan", "Afghan", ["Kabul", "Kandahar", "Herat", "Jalalabad", "Kunduz"]),
    ("Pakistan", "Pakistani", ["Islamabad", "Peshawar", "Quetta", "Karachi", "Lahore"]),
    ("Myanmar", "Myanmar", ["Yangon", "Mandalay", "Sittwe", "Lashio", "Myitkyina"]),
    ("Colombia", "Colombian", ["Bogota", "Cali", "Medellin", "Cucuta", "Pasto"]),
    ("Mexico", "Mexican", ["Culiacan", "Tijuana", "Acapulco", "Guadalajara", "Monterrey"]),
    ("Haiti", "Haitian", ["Port-au-Prince", "Cap-Haitien", "Gonaives", "Les Cayes", "Jacmel"]),
    ("Democratic Republic of Congo", "Congolese", ["Kinshasa", "Goma", "Bukavu", "Beni", "Bunia"]),
    ("Libya", "Libyan", ["Tripoli", "Benghazi", "Misrata", "Sirte", "Derna"]),
    ("Turkey", "Turkish", ["Ankara", "Istanbul", "Gaziantep", "Diyarbakir", "Hatay"]),
    ("Egypt", "Egyptian", ["Cairo", "Alexandria", "El Arish", "Rafah", "Ismailia"]),
    ("Philippines", "Philippine", ["Manila", "Marawi", "Cotabato", "Zamboanga", "Davao"]),
]

MINISTRIES = ["Health Ministry", "Interior Ministry", "Defence Ministry", "Foreign Ministry",
              "Ministry of Health", "Ministry of Interior", "Civil Defence", "Red Crescent"]

AGENCIES = ["United Nations", "World Health Organization", "UNICEF", "World Food Programme",
            "International Committee of the Red Cross", "Doctors Without Borders",
            "Amnesty International", "Human Rights Watch", "UN refugee agency",
            "International Organization for Migration", "African Union", "European Union"]

TITLES = ["Foreign Minister", "Interior Minister", "Defence Minister", "Health Minister",
          "Prime Minister", "President", "Governor", "Mayor", "General", "Colonel",
          "police chief", "army spokesman", "government spokeswoman", "provincial governor"]

VERBS = ["said", "told reporters", "said on", "told a news conference", "warned", "added",
         "said in a statement", "told state television", "stressed", "announced"]

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
SMALL = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "a dozen", "dozens", "hundreds"]
WEAPONS = ["an air strike", "a drone strike", "a car bomb", "artillery shelling", "a missile",
           "a roadside bomb", "rocket fire", "a suicide bomber", "heavy shelling", "gunmen"]
TARGETS = ["a market", "a residential building", "a school used as a shelter", "a hospital",
           "a bus station", "a checkpoint", "a mosque", "a refugee camp", "a wedding party",
           "a fuel depot", "a police station", "a crowded street"]
VICTIMS = ["people", "civilians", "children", "soldiers", "police officers", "aid workers",
           "fighters", "women and children", "migrants", "journalists", "medics"]
QUALIFIED = ["at least", "more than", "nearly", "about", "up to", "around", "over", ""]
ISSUES = ["the ceasefire would hold", "aid convoys would be allowed through the crossing",
          "talks would resume next week", "the attack was a violation of international law",
          "the government would not negotiate under fire", "reinforcements had been sent",
          "the death toll was likely to rise", "hospitals were running out of fuel",
          "the border would stay closed", "those responsible would be held to account",
          "the evacuation of the wounded had begun", "the power grid had been hit again",
          "more than half of the displaced were children", "the militants had withdrawn"]
QUOTES = ["We are still searching the rubble for survivors",
          "There is no safe place left for families in this city",
          "Our teams cannot reach the wounded while the shelling continues",
          "This is a clear breach of the agreement we signed",
          "We will not allow this to happen again",
          "The hospitals are overwhelmed and we need help now",
          "Every hour of delay costs lives",
          "We call on all sides to stop the fighting immediately",
          "The situation on the ground is catastrophic",
          "We have lost contact with several of our staff"]
FILLER = [
    "Talks between the two sides stalled in {month} after a dispute over the release of prisoners and the withdrawal of troops from border areas.",
    "Prices of bread and fuel in {city} have more than doubled since the start of the year, and long queues formed outside bakeries in the early morning.",
    "The region around {city} has seen repeated outbreaks of violence over the past decade, with armed groups competing for control of trade routes and mines.",
    "Mobile phone and internet services were cut in several districts of {city}, making it difficult to verify reports from the area independently.",
    "Diplomats expect a new round of negotiations to open in the coming weeks, although neither side has confirmed the date or the venue.",
    "Heavy rain flooded several camps for displaced families outside {city}, where tents offer little protection and clean water is scarce.",
    "The parliament in {capital} is expected to vote on an extension of the state of emergency later in {month}.",
    "Funding for the humanitarian response in {country} covers less than a third of what is needed this year.",
    "Schools in {city} have been closed for weeks, and many of them now serve as shelters for families who fled the fighting further east.",
    "Satellite images taken in {month} showed large areas of farmland near {city} left unplanted for a second season.",
    "The road between {city} and {capital} reopened briefly on {day} before traffic was halted again at a checkpoint.",
    "Residents described long nights without electricity, with generators running only a few hours a day because of the shortage of diesel.",
    "The currency has lost much of its value against the dollar, and salaries of public employees in {country} have gone unpaid for months.",
    "Footage shared online showed thick smoke rising over the outskirts of {city}, but it could not be independently verified.",
    "Local traders in {city} said deliveries of flour, cooking oil and medicine had slowed to a trickle since the crossings were closed.",
    "The dispute over {city} dates back decades and has defeated several earlier attempts at mediation by neighbouring states.",
    "Analysts in {capital} said the coming weeks would show whether the latest arrangement can survive pressure from hardliners on both sides.",
    "Officials from the {agency} met {person} in {capital} on {day} to discuss access for aid convoys.",
    "{person}, who heads the {agency} office in {city}, has described the situation as the worst in years.",
    "The {ministry} and the {agency} have given different figures in the past, and the gap has widened in recent weeks.",
    "A delegation led by {person} and {person2} arrived in {capital} on {day} for meetings with the {ministry}.",
    "Engineers were trying to repair a water pumping station on the edge of {city} that had been out of service since {month}.",
]


def person(r):
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def few(r, before_noun=True):
    """A small number in words ("seven", "dozens of")."""
    word = r.choice(SMALL)
    return f"{word} of" if before_noun and word in ("dozens", "hundreds") else word


def count(r):
    scale = r.choice([1, 1, 10, 100, 1000])
    n = r.randint(2, 99) * scale + r.randint(0, scale - 1)
    return f"{n:,}"


def casualty_lead(r, country, adj, city):
    return (f"{count(r)} {r.choice(VICTIMS)} were killed and {r.choice(QUALIFIED)} {count(r)} "
            f"wounded when {r.choice(WEAPONS)} hit {r.choice(TARGETS)} in {city} on "
            f"{r.choice(DAYS)}, the {adj} {r.choice(MINISTRIES)} said.").replace("  ", " ")


def direct_quote(r, country, adj, city):
    return (f"\u201c{r.choice(QUOTES)},\u201d {r.choice(TITLES)} {person(r)} "
            f"{r.choice(['told reporters', 'said', 'told a news conference'])} in {city}.")


def reported(r, country, adj, city):
    return (f"{adj} {r.choice(TITLES)} {person(r)} said on {r.choice(DAYS)} that "
            f"{r.choice(ISSUES)}, and that {r.choice(ISSUES)}.")


def agency(r, country, adj, city):
    return (f"The {r.choice(AGENCIES)} said in a statement that {r.choice(QUALIFIED)} "
            f"{count(r)} people had been displaced from {city} and nearby villages since "
            f"{r.randint(1, 28)} {r.choice(MONTHS)}.").replace("  ", " ")


def detained(r, country, adj, city):
    return (f"Police in {city} detained {few(r)} people overnight, and "
            f"{few(r)} others remain missing, a spokesperson for the "
            f"{r.choice(MINISTRIES)} of {country} said.")


def follow_up(r, country, adj, city):
    return (f"{r.choice(LAST)} added that {r.choice(ISSUES)}. \u201c{r.choice(QUOTES)},\u201d "
            f"{r.choice(['she', 'he'])} said.")


def toll(r, country, adj, city):
    return (f"The overall death toll in {country} has risen to {r.choice(QUALIFIED)} "
            f"{count(r)} since {r.choice(MONTHS)}, including {count(r)} {r.choice(VICTIMS)}, "
            f"according to figures from the {r.choice(AGENCIES)}.").replace("  ", " ")


def hostages(r, country, adj, city):
    return (f"Gunmen seized {few(r)} {r.choice(VICTIMS)} near {r.choice(TARGETS)[2:]} "
            f"outside {city}, and {few(r, False)} of them are still held hostage, "
            f"{r.choice(TITLES)} {person(r)} {r.choice(VERBS)}.")


def filler(r, country, adj, city):
    return r.choice(FILLER).format(city=city, capital=CAPITAL[country], country=country,
                                   month=r.choice(MONTHS), day=r.choice(DAYS),
                                   agency=r.choice(AGENCIES), ministry=r.choice(MINISTRIES),
                                   person=person(r), person2=person(r))


CAPITAL = {name: cities[0] for name, _, cities in COUNTRIES}

FACTS = [casualty_lead, direct_quote, reported, agency, detained, follow_up, toll, hostages]


def paragraph(r, country, adj, city):
    """A fact sentence most of the time, padded with background, as in wire copy."""
    parts = [r.choice(FACTS)(r, country, adj, city)] if r.random() < 0.75 else []
    for _ in range(r.choice([1, 1, 2, 2, 3])):
        parts.append(filler(r, country, adj, city))
    r.shuffle(parts)
    return " ".join(parts)


def article(r, target_bytes):
    country, adj, cities = r.choice(COUNTRIES)
    city = r.choice(cities)
    date = f"{r.randint(2019, 2025)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
    weapon = r.choice(WEAPONS).split(" ", 1)[-1] if r.random() < 0.5 else r.choice(WEAPONS)
    title = (f"{weapon[0].upper()}{weapon[1:]} in {city} kills "
             f"{few(r, False)}, {r.choice(['ministry says', 'officials say', 'medics say'])}")
    paragraphs = [casualty_lead(r, country, adj, city)]
    size = len(title) + len(paragraphs[0])
    while size < target_bytes:
        if r.random() < 0.3:  # news moves between places within one story
            city = r.choice(cities)
        p = paragraph(r, country, adj, city)
        paragraphs.append(p)
        size += len(p) + 2
    marker = f" date {date} " if r.random() < 0.9 else ""
    return marker + title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def generate(folder, count_, seed=7, size=6000):
    """Writes `count_` articles under `folder` (skips work if already there)."""
    stamp = folder.rstrip("/") + ".complete"  # outside, so no loader sees it
    if os.path.exists(stamp):
        return
    r = random.Random(seed)
    for i in range(count_):
        shard = os.path.join(folder, f"{i // 1000:04d}")
        if i % 1000 == 0:
            os.makedirs(shard, exist_ok=True)
        jitter = r.randint(-800, 800)
        with open(os.path.join(shard, f"{i:07d}.txt"), "w", encoding="utf-8") as f:
            f.write(article(r, size + jitter))
    with open(stamp, "w") as f:
        f.write(f"{count_} articles, seed {seed}\n")


if __name__ == "__main__":
    import sys
    r = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
    print(article(r, 6000))
