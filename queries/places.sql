-- title: Places by mentions
-- description: Named places with kind, country and coordinates, most mentioned first (latitude/longitude plot on a map in Datasette).
-- param: limit = 50 : How many places to list.
SELECT l.name, l.kind, l.country_code, l.latitude, l.longitude,
       count(*) AS mentions, count(DISTINCT m.article_id) AS articles
FROM location_mentions m
JOIN locations l ON l.id = m.location_id
GROUP BY l.id
ORDER BY mentions DESC, l.name
LIMIT :limit;
