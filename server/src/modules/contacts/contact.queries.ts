/**
 * Contact persons are nodes of their own, linked by CONTACT_FOR (never MEMBER_OF, never properties of the
 * municipality or cooperation), so no query of the ranking, the network or the exports can reach them.
 */
import { APPEND_AUDIT } from '../accounts/account.queries';

const FIELDS = `{
  id: p.id, name: p.name, function: p.function, email: p.email, phone: p.phone, consentGivenOn: p.consentGivenOn,
  municipalityAgs: CASE WHEN t:Municipality THEN t.ags END, cooperationId: CASE WHEN t:Cooperation THEN t.id END,
  createdAt: toString(p.createdAt), createdBy: p.createdBy
}`;

export const ADD_CONTACT_PERSON = `
  OPTIONAL MATCH (m:Municipality {ags: $municipalityAgs})
  OPTIONAL MATCH (k:Cooperation {id: $cooperationId})
  WITH coalesce(m, k) AS t WHERE t IS NOT NULL
  CREATE (p:ContactPerson {id: $p.id, name: $p.name, function: $p.function, email: $p.email, phone: $p.phone,
    consentGivenOn: $p.consentGivenOn, createdAt: datetime(), createdBy: $audit.actorId})-[:CONTACT_FOR]->(t)
  WITH p, t
  ${APPEND_AUDIT}
  RETURN ${FIELDS} AS contact`;

export const CONTACT_TARGET = `
  MATCH (p:ContactPerson {id: $id})-[:CONTACT_FOR]->(t)
  RETURN CASE WHEN t:Municipality THEN t.ags END AS municipalityAgs, CASE WHEN t:Cooperation THEN t.id END AS cooperationId,
         CASE WHEN t:Cooperation THEN COLLECT { MATCH (m:Municipality)-[:MEMBER_OF]->(t) RETURN m.ags } ELSE [] END AS memberAgs`;

/** Withdrawn consent: the personal data goes; the audit event says only that and by whom. */
export const REMOVE_CONTACT_PERSON = `
  MATCH (p:ContactPerson {id: $id})
  DETACH DELETE p
  WITH count(*) AS removed
  ${APPEND_AUDIT}
  RETURN removed`;

export const CONTACTS_OF_MUNICIPALITY = `
  UNWIND $keys AS key
  MATCH (p:ContactPerson)-[:CONTACT_FOR]->(t:Municipality {ags: key})
  WITH key, p, t ORDER BY p.name, p.id
  RETURN key, collect(${FIELDS}) AS value`;

export const CONTACTS_OF_COOPERATION = `
  UNWIND $keys AS key
  MATCH (p:ContactPerson)-[:CONTACT_FOR]->(t:Cooperation {id: key})
  WITH key, p, t ORDER BY p.name, p.id
  RETURN key, collect(${FIELDS}) AS value`;

export const COOPERATION_MEMBER_AGS = `
  MATCH (c:Cooperation {id: $id})
  RETURN COLLECT { MATCH (m:Municipality)-[:MEMBER_OF]->(c) RETURN m.ags } AS memberAgs`;
