// Keys of the domain model. Every statement is idempotent (IF NOT EXISTS) so a migration can be re-run safely.
CREATE CONSTRAINT municipality_ags IF NOT EXISTS FOR (m:Municipality) REQUIRE m.ags IS UNIQUE;
CREATE CONSTRAINT district_key IF NOT EXISTS FOR (d:District) REQUIRE d.key IS UNIQUE;
CREATE CONSTRAINT region_key IF NOT EXISTS FOR (r:Region) REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT state_key IF NOT EXISTS FOR (s:State) REQUIRE s.key IS UNIQUE;
CREATE CONSTRAINT task_area_id IF NOT EXISTS FOR (t:TaskArea) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT cooperation_id IF NOT EXISTS FOR (c:Cooperation) REQUIRE c.id IS UNIQUE;
