// Import version 4: the register of real cooperations with external partners, development regions, Altkreise and
// the municipalities across the Land border. Every statement is idempotent (IF NOT EXISTS).
// An external partner (Land, LWL, a chamber, a Dutch municipality) has no official key: its name is the key.
CREATE CONSTRAINT external_partner_name IF NOT EXISTS FOR (p:ExternalPartner) REQUIRE p.name IS UNIQUE;
CREATE CONSTRAINT development_region_id IF NOT EXISTS FOR (r:DevelopmentRegion) REQUIRE r.id IS UNIQUE;
// Directory and network filters by status (in force = ACTIVE or UNCLEAR) and by how sure a record is.
CREATE INDEX cooperation_status IF NOT EXISTS FOR (c:Cooperation) ON (c.status);
CREATE INDEX cooperation_confidence IF NOT EXISTS FOR (c:Cooperation) ON (c.confidence);
CREATE INDEX development_region_kind IF NOT EXISTS FOR (r:DevelopmentRegion) ON (r.kind);
// Municipalities that shared a Kreis before the 1966–1975 reform (many older Zweckverbände follow those lines).
CREATE INDEX municipality_altkreis IF NOT EXISTS FOR (m:Municipality) ON (m.altkreis);
