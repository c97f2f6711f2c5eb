export const COOPERATION_FIELDS = `{
  id: c.id, name: c.name, legalForm: c.legalForm, status: coalesce(c.status, 'UNCLEAR'), startYear: c.startYear, sourceDate: c.sourceDate,
  seat: c.seat, description: c.description, provenance: c.provenance, sourceUrl: c.sourceUrl, evidence: c.evidence,
  confidence: coalesce(c.confidence, 'MEDIUM'), remark: c.remark, memberCount: COUNT { (c)<-[:MEMBER_OF]-() },
  verifiedAt: CASE WHEN c.verifiedAt IS NULL THEN null ELSE toString(c.verifiedAt) END,
  version: coalesce(c.version, 1), sourceReference: c.sourceReference, endDate: c.endDate
}`;

/** Lower case with umlauts folded (ä and ae alike), in the same order as `foldSearch` in the service. */
const fold = (expression: string) =>
  `replace(replace(replace(replace(replace(replace(replace(toLower(coalesce(${expression}, '')), 'ä', 'a'), 'ö', 'o'), 'ü', 'u'), 'ß', 'ss'), 'ae', 'a'), 'oe', 'o'), 'ue', 'u')`;

/** The directory's text search: the cooperation's name, a member's name, or a task area's name (German or English). */
const SEARCH = `($search IS NULL
      OR ${fold('c.name')} CONTAINS $search
      OR EXISTS { MATCH (x)-[:MEMBER_OF]->(c) WHERE ${fold('coalesce(x.shortName, x.name)')} CONTAINS $search }
      OR EXISTS { MATCH (c)-[:COVERS]->(t:TaskArea) WHERE ${fold('t.nameDe')} CONTAINS $search OR ${fold('t.nameEn')} CONTAINS $search })`;

export const LIST_COOPERATIONS = `
  MATCH (c:Cooperation)
  WHERE ${SEARCH}
    AND ($taskArea IS NULL OR EXISTS { (c)-[:COVERS]->(:TaskArea {id: $taskArea}) })
    AND ($legalForm IS NULL OR c.legalForm = $legalForm)
    AND ($provenance IS NULL OR c.provenance = $provenance)
    AND ($status IS NULL OR c.status = $status)
    AND ($memberAgs IS NULL OR EXISTS { (:Municipality {ags: $memberAgs})-[:MEMBER_OF]->(c) })
    AND ($districtKey IS NULL OR EXISTS { (m)-[:MEMBER_OF]->(c) WHERE m.districtKey = $districtKey OR m.key = $districtKey })
  WITH c ORDER BY c.name, c.id
  WITH collect(c) AS matches
  RETURN size(matches) AS total, [c IN matches[$skip..($skip + $limit)] | ${COOPERATION_FIELDS}] AS page`;

export const COOPERATIONS_BY_ID = `
  UNWIND $keys AS key
  MATCH (c:Cooperation {id: key})
  RETURN key, ${COOPERATION_FIELDS} AS value`;

export const MEMBERS_BY_COOPERATION = `
  UNWIND $keys AS key
  MATCH (x)-[r:MEMBER_OF]->(:Cooperation {id: key})
  WITH key, x, r ORDER BY CASE r.role WHEN 'LEAD' THEN 0 ELSE 1 END, CASE WHEN x:ExternalPartner THEN 1 ELSE 0 END, coalesce(x.shortName, x.name)
  RETURN key, collect({
    kind: CASE WHEN x:Municipality THEN 'MUNICIPALITY' WHEN x:District THEN 'DISTRICT' WHEN x:Cooperation THEN 'COOPERATION' ELSE 'EXTERNAL' END,
    key: CASE WHEN x:ExternalPartner THEN null ELSE coalesce(x.ags, x.key, x.id) END, name: coalesce(x.shortName, x.name), role: r.role
  }) AS value`;

export const TASK_AREA_IDS_BY_COOPERATION = `
  UNWIND $keys AS key
  MATCH (:Cooperation {id: key})-[:COVERS]->(t:TaskArea)
  WITH key, t ORDER BY t.id
  RETURN key, collect(t.id) AS value`;

/** A municipality's cooperations, with the task areas each covers (grouping happens in the service). */
export const COOPERATIONS_BY_MEMBER = `
  UNWIND $keys AS key
  MATCH (:Municipality {ags: key})-[:MEMBER_OF]->(c:Cooperation)
  WITH key, c ORDER BY c.name
  RETURN key, collect({cooperation: ${COOPERATION_FIELDS}, taskAreaIds: COLLECT { MATCH (c)-[:COVERS]->(t:TaskArea) RETURN t.id }}) AS value`;
