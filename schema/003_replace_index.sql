-- newsfacts schema, version 3: deleting an article (import --replace) stays fast.
-- Deleting a casualty figure makes SQLite look for figures that are part of it
-- (part_of_id, ON DELETE CASCADE); without an index that is a scan of the whole
-- table per deleted figure, which made re-importing 500 articles into a 10,000-article
-- database take 44 s instead of 0.6 s. Partial: only figures that are part of another
-- are indexed, and the lookup (part_of_id = ?) implies NOT NULL.
CREATE INDEX casualty_figures_part_of ON casualty_figures(part_of_id) WHERE part_of_id IS NOT NULL;
