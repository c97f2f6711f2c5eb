// Kooperationsbörse, brokering by the office: stages, proposals and notes (docs/decisions/017). Every statement is idempotent.
// The office's dashboard and the board's filter count and narrow ideas by stage (ideas posted before it are read as IDEA).
CREATE INDEX project_idea_stage IF NOT EXISTS FOR (i:ProjectIdea) ON (i.stage);
CREATE CONSTRAINT idea_stage_change_id IF NOT EXISTS FOR (c:IdeaStageChange) REQUIRE c.id IS UNIQUE;
CREATE INDEX idea_stage_change_idea IF NOT EXISTS FOR (c:IdeaStageChange) ON (c.ideaId);
CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (p:Proposal) REQUIRE p.id IS UNIQUE;
// One proposal per idea and municipality: `key` (idea|AGS) is unique, so two racing proposals cannot both be made.
CREATE CONSTRAINT proposal_key IF NOT EXISTS FOR (p:Proposal) REQUIRE p.key IS UNIQUE;
CREATE INDEX proposal_idea IF NOT EXISTS FOR (p:Proposal) ON (p.ideaId);
CREATE INDEX proposal_municipality IF NOT EXISTS FOR (p:Proposal) ON (p.municipalityAgs);
CREATE CONSTRAINT idea_note_id IF NOT EXISTS FOR (n:IdeaNote) REQUIRE n.id IS UNIQUE;
CREATE INDEX idea_note_idea IF NOT EXISTS FOR (n:IdeaNote) ON (n.ideaId);
// The contact-person rule looks up accepted interests by municipality and status.
CREATE INDEX interest_municipality_status IF NOT EXISTS FOR (x:Interest) ON (x.municipalityAgs, x.status);
