// Kooperationsbörse: project ideas, interests and the in-app inbox (docs/decisions/014). Every statement is idempotent.
CREATE CONSTRAINT project_idea_id IF NOT EXISTS FOR (i:ProjectIdea) REQUIRE i.id IS UNIQUE;
// The board lists ideas by status and task area; an owner's staff list their municipality's ideas.
CREATE INDEX project_idea_status IF NOT EXISTS FOR (i:ProjectIdea) ON (i.status);
CREATE INDEX project_idea_municipality IF NOT EXISTS FOR (i:ProjectIdea) ON (i.municipalityAgs);
CREATE INDEX project_idea_task_area IF NOT EXISTS FOR (i:ProjectIdea) ON (i.taskAreaId);
CREATE CONSTRAINT interest_id IF NOT EXISTS FOR (x:Interest) REQUIRE x.id IS UNIQUE;
// One live interest per idea and municipality: `activeKey` (idea|AGS) is set until the interest is withdrawn.
CREATE CONSTRAINT interest_active_key IF NOT EXISTS FOR (x:Interest) REQUIRE x.activeKey IS UNIQUE;
CREATE INDEX interest_idea IF NOT EXISTS FOR (x:Interest) ON (x.ideaId);
CREATE INDEX interest_municipality IF NOT EXISTS FOR (x:Interest) ON (x.municipalityAgs);
CREATE CONSTRAINT notice_id IF NOT EXISTS FOR (n:Notice) REQUIRE n.id IS UNIQUE;
// An inbox is read by its account, newest first.
CREATE INDEX notice_account IF NOT EXISTS FOR (n:Notice) ON (n.accountId, n.createdAt);
