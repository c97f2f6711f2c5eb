import type { QueryCounter } from '../../db/database';
import type { MatchingRepository, StaticData } from './matching.repository';

/** How often the store checks whether an import replaced the data it keeps in memory. */
const SNAPSHOT_CHECK_MS = 10_000;

/**
 * Keeps the matching snapshot (geography, task areas, cooperation index, municipality records) in memory: loaded
 * on first use, reloaded when the Dataset node says an import ran (checked at most every 10 s), so a ranking needs
 * no Cypher round trip (docs/decisions/007). A request takes the snapshot once and passes it down.
 */
export class SnapshotStore {
  private cache: { value: StaticData; checkedAt: number } | null = null;
  private loading: Promise<StaticData> | null = null;

  constructor(
    private readonly repository: MatchingRepository,
    private readonly checkIntervalMs = SNAPSHOT_CHECK_MS,
  ) {}

  /** True once a snapshot is in memory (readiness). */
  loaded(): boolean {
    return this.cache !== null;
  }

  async current(counter?: QueryCounter): Promise<StaticData> {
    const now = Date.now();
    if (this.cache && now - this.cache.checkedAt < this.checkIntervalMs) return this.cache.value;
    this.loading ??= (async () => {
      try {
        const version = await this.repository.datasetVersion(counter);
        if (this.cache && this.cache.value.version === version) {
          this.cache.checkedAt = now;
          return this.cache.value;
        }
        const value = await this.repository.staticData(version, counter);
        this.cache = { value, checkedAt: now };
        return value;
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }
}
