// Proximity queries (candidates within a distance) use the point index on the centroid.
CREATE POINT INDEX municipality_centroid IF NOT EXISTS FOR (m:Municipality) ON (m.centroid);
// Name search normalises umlauts and suffixes into searchName; a text index serves CONTAINS on it.
CREATE TEXT INDEX municipality_search_name IF NOT EXISTS FOR (m:Municipality) ON (m.searchName);
CREATE INDEX municipality_state IF NOT EXISTS FOR (m:Municipality) ON (m.stateKey);
CREATE INDEX cooperation_provenance IF NOT EXISTS FOR (c:Cooperation) ON (c.provenance);
CREATE INDEX cooperation_legal_form IF NOT EXISTS FOR (c:Cooperation) ON (c.legalForm);
