-- title: Outlets and what each contributed
-- description: Each outlet (NULL when neither the record nor the text named one) with its articles, their date range, and the statements, casualty figures, actor and place mentions found in them.
--
-- The counts are running totals (outlet_counts, one row per outlet); the
-- first and last dates are the two ends of the outlet's (outlet, published_on)
-- index range.
SELECT nullif(c.outlet, '') AS outlet, c.articles,
       (SELECT min(published_on) FROM articles WHERE outlet IS nullif(c.outlet, '')) AS first_article,
       (SELECT max(published_on) FROM articles WHERE outlet IS nullif(c.outlet, '')) AS last_article,
       c.statements, c.casualty_figures, c.actor_mentions, c.place_mentions
FROM outlet_counts c
WHERE c.articles > 0
ORDER BY c.articles DESC, c.outlet = '', c.outlet;
