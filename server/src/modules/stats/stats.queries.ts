// One round trip: each CALL counts one label, so the planner uses the count store where it can.
export const STATS = `
CALL { MATCH (m:Municipality) WHERE NOT m:CrossBorder RETURN count(m) AS municipalities, coalesce(sum(m.population), 0) AS population }
CALL { MATCH (m:Municipality:CrossBorder) RETURN count(m) AS crossBorderMunicipalities }
CALL { MATCH (d:District) WHERE NOT d:CrossBorder RETURN count(d) AS districts }
CALL { MATCH (a:Municipality)-[b:BORDERS]->(c:Municipality) WHERE NOT a:CrossBorder AND NOT c:CrossBorder RETURN count(b) AS borders }
CALL { MATCH (t:TaskArea) RETURN count(t) AS taskAreas }
CALL { MATCH (c:Cooperation) RETURN count(c) AS cooperations,
         count(CASE WHEN c.status IN ['ACTIVE', 'UNCLEAR'] THEN 1 END) AS cooperationsInForce,
         count(CASE WHEN c.confidence = 'LOW' THEN 1 END) AS cooperationsUnconfirmed,
         count(CASE WHEN c.provenance = 'GENERATED' THEN 1 END) AS cooperationsGenerated }
OPTIONAL MATCH (d:Dataset {key: 'main'})
RETURN municipalities, population, crossBorderMunicipalities, districts, borders, taskAreas, cooperations, cooperationsInForce,
       cooperationsUnconfirmed, cooperationsGenerated, coalesce(d.kind, 'REGISTER') AS datasetKind
`;
