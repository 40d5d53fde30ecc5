-- newsfacts schema, version 5: a large import may build the query indexes after loading.
--
-- Updating an index row by row costs a b-tree descent per fact, and indexes keyed by
-- actor, speaker, place or category take their inserts all over the tree: past a cache's
-- worth of database, most of them read and rewrite a page. Building an index with CREATE
-- INDEX sorts once and writes each page once, several times faster for a large load
-- (db/indexes.rs). An import that does so records each index it drops here, in the same
-- transaction as the drop, and deletes the row in the same transaction as the rebuild:
-- a row here is an index that is missing, and the next import builds it again even when
-- the one that dropped it was killed.
CREATE TABLE deferred_indexes (
    name  TEXT PRIMARY KEY,
    sql   TEXT NOT NULL  -- the CREATE INDEX statement, as sqlite_schema had it
);
