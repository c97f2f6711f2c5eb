/**
 * Cypher of the Kooperationsbörse's feedback loop (issue 12 part 6, docs/decisions/019). Exposures and links are
 * nodes of their own that name their idea, municipality and contribution by key, like the board's nodes: nothing
 * here is reachable from the ranking, the network or the exports. Outcomes (contacted, partnered) are not stored:
 * they are read from the facts they stand for (interests, the office's proposals, the idea's stage, the approved
 * register record), so they cannot drift from them.
 */
import { APPEND_AUDIT } from '../accounts/account.queries';

/** Stages at which an accepted interest counts as a partnership (AGREEMENT „Vereinbarung“ or later, not discontinued). */
export const PARTNERED_STAGES = ['AGREEMENT', 'IMPLEMENTED', 'FUNDED'] as const;

/**
 * One batch of exposures of one idea. MERGE on the unique key: a candidate already recorded for this ranking version
 * keeps its first time and rank, so a page reloaded a hundred times is recorded once.
 */
export const RECORD_EXPOSURES = `
  UNWIND $rows AS row
  MERGE (e:SuggestionExposure {key: row.key})
  ON CREATE SET e.ideaId = row.ideaId, e.municipalityAgs = row.municipalityAgs, e.rank = row.rank, e.score = row.score,
    e.rankingVersion = row.rankingVersion, e.snapshotVersion = row.snapshotVersion, e.taskAreaId = row.taskAreaId,
    e.maxDistanceKm = row.maxDistanceKm, e.targetPopulation = row.targetPopulation, e.shownTo = row.shownTo,
    e.shownAt = datetime()
  RETURN count(e) AS recorded`;

/** Who the office proposed for an idea (brokering, issue 12 part 4, docs/decisions/017: `:Proposal {ideaId, municipalityAgs}`). */
const PROPOSED = `COLLECT { MATCH (p:Proposal {ideaId: i.id}) RETURN DISTINCT p.municipalityAgs }`;

/** The members of the approved register record(s) the idea became (other than through the review, nothing counts). */
const RECORD_MEMBERS = `COLLECT {
    MATCH (l:IdeaRegisterLink {ideaId: i.id})
    MATCH (k:Contribution {id: l.contributionId}) WHERE k.status = 'APPROVED' AND k.cooperationId IS NOT NULL
    MATCH (m:Municipality)-[:MEMBER_OF]->(:Cooperation {id: k.cooperationId})
    RETURN DISTINCT m.ags
  }`;

/**
 * Everything the eval needs, in one query: every idea with exposures, its ranking parameters, the exposures of its
 * first ranking version (what the engine showed before anyone acted on it), who was contacted and who became a
 * partner, and the register record it became (to hide it from the evidence, as the first table hides a cooperation).
 */
export const BOARD_OUTCOMES = `
  MATCH (i:ProjectIdea) WHERE EXISTS { MATCH (:SuggestionExposure {ideaId: i.id}) }
  WITH i, COLLECT { MATCH (e:SuggestionExposure {ideaId: i.id}) WITH e ORDER BY e.shownAt, e.rank RETURN e } AS exposures
  WITH i, exposures, exposures[0].rankingVersion AS firstVersion
  RETURN {
    ideaId: i.id, ownerAgs: i.municipalityAgs, taskAreaId: i.taskAreaId, stage: coalesce(i.stage, 'IDEA'),
    radiusKm: exposures[0].maxDistanceKm, targetPopulation: exposures[0].targetPopulation,
    firstShownAt: toString(exposures[0].shownAt),
    shown: [e IN exposures WHERE e.rankingVersion = firstVersion | {ags: e.municipalityAgs, rank: e.rank, score: e.score}],
    rankingVersions: size(COLLECT { MATCH (e:SuggestionExposure {ideaId: i.id}) RETURN DISTINCT e.rankingVersion }),
    contacted: COLLECT { MATCH (x:Interest {ideaId: i.id}) RETURN DISTINCT x.municipalityAgs } + ${PROPOSED},
    accepted: CASE WHEN coalesce(i.stage, 'IDEA') IN $partneredStages
      THEN COLLECT { MATCH (x:Interest {ideaId: i.id}) WHERE x.status = 'ACCEPTED' RETURN DISTINCT x.municipalityAgs } ELSE [] END,
    recordMembers: ${RECORD_MEMBERS},
    cooperationIds: COLLECT {
      MATCH (l:IdeaRegisterLink {ideaId: i.id})
      MATCH (k:Contribution {id: l.contributionId}) WHERE k.status = 'APPROVED' AND k.cooperationId IS NOT NULL
      RETURN DISTINCT k.cooperationId
    }
  } AS outcome
  ORDER BY outcome.firstShownAt, outcome.ideaId`;

/**
 * The facts the office's "turn into a register record" checks, read in one go. `unlinked`: pending or approved
 * reports that name the idea in their note (`$marker`, which the service always writes there) but have no link — a
 * retry after the link's write failed must not make a second report of the same idea.
 */
export const IDEA_FOR_RECORD = `
  MATCH (i:ProjectIdea {id: $id})
  RETURN {
    id: i.id, title: i.title, description: i.description, municipalityAgs: i.municipalityAgs, taskAreaId: i.taskAreaId,
    stage: coalesce(i.stage, 'IDEA'), status: i.status, visibility: i.visibility,
    unlinked: COLLECT {
      MATCH (k:Contribution) WHERE k.status IN ['PENDING', 'APPROVED'] AND k.note CONTAINS $marker
        AND NOT EXISTS { MATCH (:IdeaRegisterLink {contributionId: k.id}) }
      RETURN {contributionId: k.id, status: k.status, cooperationId: k.cooperationId}
    },
    acceptedAgs: COLLECT { MATCH (x:Interest {ideaId: i.id}) WHERE x.status = 'ACCEPTED' RETURN DISTINCT x.municipalityAgs ORDER BY x.municipalityAgs },
    links: COLLECT {
      MATCH (l:IdeaRegisterLink {ideaId: i.id})
      OPTIONAL MATCH (k:Contribution {id: l.contributionId})
      RETURN {contributionId: l.contributionId, status: coalesce(k.status, 'MISSING'), cooperationId: k.cooperationId}
    }
  } AS idea`;

export const CREATE_LINK = `
  CREATE (l:IdeaRegisterLink {id: randomUUID(), ideaId: $link.ideaId, contributionId: $link.contributionId,
    memberAgs: $link.memberAgs, createdAt: datetime(), createdBy: $audit.actorId})
  WITH l
  ${APPEND_AUDIT}
  RETURN l.id AS id`;

/** The register record(s) an idea became, for the idea page: the link, its contribution's review state and the record. */
export const LINKS_OF_IDEAS = `
  UNWIND $keys AS key
  OPTIONAL MATCH (l:IdeaRegisterLink {ideaId: key})
  OPTIONAL MATCH (k:Contribution {id: l.contributionId})
  WITH key, l, k ORDER BY l.createdAt
  RETURN key, [x IN collect(CASE WHEN l IS NULL THEN null ELSE {
    contributionId: l.contributionId, memberAgs: l.memberAgs, createdAt: toString(l.createdAt),
    status: coalesce(k.status, 'MISSING'), cooperationId: k.cooperationId
  } END) WHERE x IS NOT NULL] AS value`;

/** The idea an approved register record came from (a cooperation page says it came together through the board). */
export const IDEAS_OF_COOPERATIONS = `
  UNWIND $keys AS key
  MATCH (k:Contribution {cooperationId: key}) WHERE k.status = 'APPROVED'
  MATCH (l:IdeaRegisterLink {contributionId: k.id})
  WITH key, l ORDER BY l.createdAt
  RETURN key, head(collect(l.ideaId)) AS value`;
