-- title: Figures that disagree
-- description: Pairs of casualty figures for the same place and category, from different articles published at most :days days apart, whose counts differ; the earlier figure first.
-- param: days = 7 : How many days apart the two articles may be.
--
-- Figures that are part of another (the children among the dead) are not a
-- rival toll; figures without a place or an article date cannot be matched.
--
-- Comparing every figure with every other at its place would be quadratic
-- for a place in the news every day. Instead: number the figures in (place,
-- category, date) order (g); a window finds, for each, the first number
-- still within :days days before it (lo); `earlier` walks from g - 1 down to
-- lo. The work grows with the pairs inside the window, not with the square of
-- a place's figures, and every join is an equality on g.
WITH dated AS MATERIALIZED (
    SELECT f.id, f.location_id, f.category, f.count, f.qualifier, f.article_id,
           a.published_on, julianday(a.published_on) AS day,
           row_number() OVER (ORDER BY f.location_id, f.category,
                                       julianday(a.published_on), f.id) AS g
    FROM casualty_figures f
    JOIN articles a ON a.id = f.article_id
    WHERE f.location_id IS NOT NULL AND f.part_of_id IS NULL
      AND julianday(a.published_on) IS NOT NULL
),
windowed AS MATERIALIZED (
    SELECT d.*, min(g) OVER (PARTITION BY location_id, category ORDER BY day
                             RANGE BETWEEN :days PRECEDING AND CURRENT ROW) AS lo
    FROM dated d
),
earlier(g, k, lo) AS (
    SELECT g, g - 1, lo FROM windowed WHERE lo < g
    UNION ALL
    SELECT g, k - 1, lo FROM earlier WHERE k > lo
)
SELECT f1.category, l.name AS place,
       f1.published_on AS date_1, f1.count AS count_1, f1.qualifier AS qualifier_1,
       f2.published_on AS date_2, f2.count AS count_2, f2.qualifier AS qualifier_2,
       CAST(f2.day - f1.day AS INTEGER) AS days_apart,
       f1.article_id AS article_id_1, coalesce(a1.title, a1.source_path) AS article_1,
       f2.article_id AS article_id_2, coalesce(a2.title, a2.source_path) AS article_2
FROM earlier e
JOIN windowed f2 ON f2.g = e.g
JOIN windowed f1 ON f1.g = e.k
JOIN locations l ON l.id = f1.location_id
JOIN articles a1 ON a1.id = f1.article_id
JOIN articles a2 ON a2.id = f2.article_id
WHERE f1.count <> f2.count AND f1.article_id <> f2.article_id
ORDER BY f1.category, l.name, f1.day, f2.day, f1.id, f2.id;
