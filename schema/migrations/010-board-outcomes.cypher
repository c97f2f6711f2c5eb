// Kooperationsbörse feedback loop (issue 12 part 6, docs/decisions/019): what the engine showed for an idea, and the
// link from an idea to the register record it became. Every statement is idempotent.
// One exposure per idea, candidate and ranking version: `key` = ideaId|AGS|rankingVersion, written with MERGE.
CREATE CONSTRAINT suggestion_exposure_key IF NOT EXISTS FOR (e:SuggestionExposure) REQUIRE e.key IS UNIQUE;
// The eval and the idea page read the exposures of an idea.
CREATE INDEX suggestion_exposure_idea IF NOT EXISTS FOR (e:SuggestionExposure) ON (e.ideaId);
CREATE CONSTRAINT idea_register_link_id IF NOT EXISTS FOR (l:IdeaRegisterLink) REQUIRE l.id IS UNIQUE;
CREATE INDEX idea_register_link_idea IF NOT EXISTS FOR (l:IdeaRegisterLink) ON (l.ideaId);
CREATE INDEX idea_register_link_contribution IF NOT EXISTS FOR (l:IdeaRegisterLink) ON (l.contributionId);
