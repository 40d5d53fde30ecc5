-- title: Figures that disagree
-- description: Pairs of casualty figures for the same place and category, from different articles published at most :days days apart, whose counts differ; newest pairs first, the earlier figure of each pair on the left.
-- param: days = 7 : How many days apart the two articles may be.
-- param: limit = 100 : How many pairs to list.
--
-- Figures that are part of another (the children among the dead) are not a
-- rival toll; figures without a place or an article date cannot be matched.
-- It walks articles newest first (articles_published_on); for each of their
-- figures, the earlier rivals are one range of the (location_id, category,
-- published_on) index. It stops after :limit pairs, so the cost grows with
-- the answer, not with the corpus.
SELECT f1.category, l.name AS place,
       f1.published_on AS date_1, f1.count AS count_1, f1.qualifier AS qualifier_1,
       f2.published_on AS date_2, f2.count AS count_2, f2.qualifier AS qualifier_2,
       CAST(julianday(f2.published_on) - julianday(f1.published_on) AS INTEGER) AS days_apart,
       f1.article_id AS article_id_1, coalesce(a1.title, a1.source_path) AS article_1,
       f2.article_id AS article_id_2, coalesce(a2.title, a2.source_path) AS article_2
FROM articles a2
CROSS JOIN casualty_figures f2 ON f2.article_id = a2.id
JOIN casualty_figures f1
  ON f1.location_id = f2.location_id AND f1.category = f2.category
 AND f1.published_on BETWEEN date(f2.published_on, '-' || :days || ' days') AND f2.published_on
 AND (f1.published_on < f2.published_on OR f1.id < f2.id)
JOIN articles a1 ON a1.id = f1.article_id
JOIN locations l ON l.id = f1.location_id
WHERE f2.location_id IS NOT NULL AND f2.part_of_id IS NULL
  AND f1.part_of_id IS NULL AND f1.count <> f2.count AND f1.article_id <> f2.article_id
ORDER BY a2.published_on DESC, a2.id DESC, f2.id, f1.published_on DESC, f1.id
LIMIT :limit;
