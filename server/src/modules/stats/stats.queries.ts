// One round trip: each CALL counts one label, so the planner uses the count store where it can.
export const STATS = `
CALL { MATCH (m:Municipality) RETURN count(m) AS municipalities, coalesce(sum(m.population), 0) AS population }
CALL { MATCH (d:District) RETURN count(d) AS districts }
CALL { MATCH (:Municipality)-[b:BORDERS]->(:Municipality) RETURN count(b) AS borders }
CALL { MATCH (t:TaskArea) RETURN count(t) AS taskAreas }
CALL { MATCH (c:Cooperation) RETURN count(c) AS cooperations,
         count(CASE WHEN c.provenance = 'GENERATED' THEN 1 END) AS cooperationsGenerated }
RETURN municipalities, population, districts, borders, taskAreas, cooperations, cooperationsGenerated
`;
