-- title: Places by mentions
-- description: Named places with kind, country, coordinates and GeoNames id, most mentioned first (Datasette plots latitude/longitude on a map with datasette-cluster-map).
-- param: limit = 50 : How many places to list.
--
-- The counts are running totals (location_counts, one row per place), so
-- the cost grows with the number of places, not of mentions.
SELECT l.name, l.kind, l.country_code, l.latitude, l.longitude, l.geonames_id,
       c.mentions, c.articles
FROM location_counts c
JOIN locations l ON l.id = c.location_id
WHERE c.mentions > 0
ORDER BY c.mentions DESC, l.name
LIMIT :limit;
