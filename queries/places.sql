-- title: Places by mentions
-- description: Named places with kind, country, coordinates and GeoNames id, most mentioned first (Datasette plots latitude/longitude on a map with datasette-cluster-map).
-- param: limit = 50 : How many places to list.
--
-- Counting every mention is one pass over the covering
-- (location_id, article_id) index.
SELECT l.name, l.kind, l.country_code, l.latitude, l.longitude, l.geonames_id,
       count(*) AS mentions, count(DISTINCT m.article_id) AS articles
FROM location_mentions m
JOIN locations l ON l.id = m.location_id
GROUP BY m.location_id
ORDER BY mentions DESC, l.name
LIMIT :limit;
