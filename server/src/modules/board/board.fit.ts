import type { QueryCounter } from '../../db/database';
import type { MatchingService } from '../matching/matching.service';
import type { PartnerSuggestions } from '../matching/matching.type';
import type { SnapshotStore } from '../matching/snapshot.store';
import type { IdeaRecord } from './board.type';

/** Candidates kept per idea: what the idea page may show at most. */
export const IDEA_SUGGESTION_LIMIT = 25;
/** „Passt zu uns“: a municipality fits an idea when the idea's ranking puts it within this rank. */
export const FIT_WITHIN_RANK = 10;

/** What a ranking depends on besides the snapshot: an edit of the title or the description does not rank again. */
const rankingKey = (idea: IdeaRecord): string => `${idea.municipalityAgs}|${idea.taskAreaId}|${idea.radiusKm ?? ''}|${idea.targetPopulation ?? ''}`;

/**
 * The engine's ranking of each idea, computed once per idea and matching snapshot (docs/decisions/014). A snapshot
 * is replaced, never changed, when the register changes (an import, or a write through the register's write path),
 * so its identity is the cache's version: a new snapshot drops every ranking. Pending computations are shared, so a
 * burst of requests for a cold idea ranks it once.
 */
export class IdeaRankings {
  private snapshot: unknown = null;
  private cooperations: unknown = null;
  private readonly rankings = new Map<string, { key: string; value: Promise<PartnerSuggestions> }>();
  /** Rankings computed since start (for tests and benchmarks: a warm list computes none). */
  computed = 0;

  constructor(
    private readonly snapshots: SnapshotStore,
    private readonly matching: MatchingService,
  ) {}

  async ranking(idea: IdeaRecord, counter: QueryCounter): Promise<PartnerSuggestions> {
    const snapshot = await this.snapshots.current(counter);
    // The cooperation index too, in case a write path swaps it inside the same snapshot object.
    if (snapshot !== this.snapshot || snapshot.cooperations !== this.cooperations) {
      this.snapshot = snapshot;
      this.cooperations = snapshot.cooperations;
      this.rankings.clear();
    }
    const key = rankingKey(idea);
    const hit = this.rankings.get(idea.id);
    if (hit && hit.key === key) return hit.value;
    this.computed += 1;
    const value = this.matching.partnerSuggestions(
      idea.municipalityAgs,
      idea.taskAreaId,
      { limit: IDEA_SUGGESTION_LIMIT, maxDistanceKm: idea.radiusKm ?? undefined, targetPopulation: idea.targetPopulation ?? undefined },
      counter,
    );
    this.rankings.set(idea.id, { key, value });
    // A failed ranking (database down) is not kept: the next request tries again.
    value.catch(() => {
      if (this.rankings.get(idea.id)?.value === value) this.rankings.delete(idea.id);
    });
    return value;
  }
}
