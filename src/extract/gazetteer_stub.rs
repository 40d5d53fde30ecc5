//! Temporary stand-in until the GeoNames gazetteer lands.
use std::collections::HashMap;
use std::sync::OnceLock;
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PlaceId(u32);
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Admin,
    Region,
    City,
    Site,
}
impl PlaceKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Admin => "admin",
            PlaceKind::Region => "region",
            PlaceKind::City => "city",
            PlaceKind::Site => "site",
        }
    }
}
pub struct Place {
    pub geonames_id: Option<i64>,
    pub name: String,
    pub kind: PlaceKind,
    pub country_code: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub population: u64,
}
pub struct Gazetteer {
    places: Vec<Place>,
    index: HashMap<String, Vec<PlaceId>>,
}
pub fn fold_key(s: &str) -> String {
    s.to_lowercase().replace(['.', '\''], "")
}
impl Gazetteer {
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            let rows = [
                ("Israel", "IL", 31.5, 34.75, PlaceKind::Country),
                ("Iran", "IR", 32.0, 53.0, PlaceKind::Country),
                ("Lebanon", "LB", 33.85, 35.86, PlaceKind::Country),
                ("Tel Aviv", "IL", 32.08, 34.78, PlaceKind::City),
                ("Gaza Strip", "PS", 31.42, 34.36, PlaceKind::Region),
            ];
            let mut places = Vec::new();
            let mut index: HashMap<String, Vec<PlaceId>> = HashMap::new();
            for (i, (n, cc, la, lo, k)) in rows.into_iter().enumerate() {
                places.push(Place {
                    geonames_id: Some(i as i64),
                    name: n.into(),
                    kind: k,
                    country_code: Some(cc.into()),
                    latitude: Some(la),
                    longitude: Some(lo),
                    population: 0,
                });
                index
                    .entry(fold_key(n))
                    .or_default()
                    .push(PlaceId(i as u32));
            }
            Gazetteer { places, index }
        })
    }
    pub fn lookup(&self, key: &str) -> &[PlaceId] {
        self.index.get(key).map_or(&[], |v| v.as_slice())
    }
    pub fn place(&self, id: PlaceId) -> &Place {
        &self.places[id.0 as usize]
    }
    pub fn best(&self, key: &str, _ctx: &[&str]) -> Option<PlaceId> {
        self.lookup(&fold_key(key)).first().copied()
    }
}
