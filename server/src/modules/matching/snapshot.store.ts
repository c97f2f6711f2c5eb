import type { QueryCounter } from '../../db/database';
import { UnavailableError } from '../../shared/errors';
import { onRegisterCommit } from '../../shared/register-commits';
import { dataVersion, type MatchingRepository, type StaticData } from './matching.repository';

/** How often the store reads the register's change feed (ADR 013): a write is in every server's snapshot within a second. */
const POLL_MS = 200;
/**
 * Without a successful poll for this long, the snapshot may miss writes made through other servers: rankings then
 * answer UNAVAILABLE, like every other query, instead of silently serving data of unknown age.
 */
const STALE_AFTER_MS = 5_000;

export interface SnapshotStoreOptions {
  pollMs?: number;
  staleAfterMs?: number;
  /** Told once per applied change batch (tests and benchmarks; the logs). */
  onUpdate?: (update: { seq: number; cooperations: number; ms: number; indexMs: number; full: boolean }) => void;
}

/**
 * Keeps the matching snapshot (geography, task areas, cooperation index, municipality records) in memory so that a
 * ranking needs no Cypher round trip (ADR 007), and keeps it current without reloading it (ADR 013): a loop polls the
 * register's change feed every 200 ms, reads just the cooperations a change names and applies them to the index
 * (CooperationIndex.withChanges); only a new import (the Dataset stamp) reloads everything. Requests never wait for
 * the loop: they take the snapshot in memory once and pass it down. Each update is a new StaticData object, so the
 * caches keyed on it or on its `version` (network analytics, the response cache) never serve an older state.
 */
export class SnapshotStore {
  private cache: StaticData | null = null;
  private loading: Promise<StaticData> | null = null;
  private lastOkAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private closed = false;
  /** A write committed in this process while a poll ran: poll again at once. */
  private again = false;
  private unsubscribe: (() => void) | null = null;
  private readonly pollMs: number;
  private readonly staleAfterMs: number;

  constructor(
    private readonly repository: MatchingRepository,
    private readonly options: SnapshotStoreOptions = {},
  ) {
    this.pollMs = options.pollMs ?? POLL_MS;
    this.staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS;
  }

  /** True once a snapshot is in memory (readiness). */
  loaded(): boolean {
    return this.cache !== null;
  }

  async current(counter?: QueryCounter): Promise<StaticData> {
    if (this.cache) {
      if (Date.now() - this.lastOkAt > this.staleAfterMs) throw new UnavailableError();
      return this.cache;
    }
    this.loading ??= (async () => {
      try {
        const feed = await this.repository.feed(Number.MAX_SAFE_INTEGER);
        const value = await this.repository.staticData(feed.imported, counter, feed.seq);
        // The first load may finish after an import started by a poll: the newer one wins.
        if (!this.cache || this.cache.seq <= value.seq) this.cache = value;
        this.lastOkAt = Date.now();
        // A write of this process is applied at once, not at the next poll (the feed brings everyone else's).
        this.unsubscribe ??= onRegisterCommit((seq) => this.nudge(seq));
        this.schedule();
        return this.cache;
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }

  /** Polls now if the snapshot does not reach `seq` yet. */
  private nudge(seq: number): void {
    if (this.closed || !this.cache || this.cache.seq >= seq) return;
    if (this.polling) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.poll();
  }

  /** Stops the polling loop (at shutdown). */
  close(): void {
    this.closed = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delay = this.pollMs): void {
    if (this.closed || this.timer || this.polling) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.poll();
    }, delay);
    // The loop never keeps a process alive on its own.
    this.timer.unref();
  }

  /** One round of the loop; exposed so that tests need not wait for the timer. */
  async poll(): Promise<void> {
    if (this.polling || !this.cache) return;
    this.polling = true;
    let more = false;
    try {
      const base = this.cache;
      const feed = await this.repository.feed(base.seq);
      // The feed answered: the snapshot misses nothing but what this round applies (a long reload included).
      this.lastOkAt = Date.now();
      const started = performance.now();
      if (feed.imported !== base.importVersion || feed.seq < base.seq) {
        // A new import (or a wiped database whose feed starts again): everything, as at start.
        const value = await this.repository.staticData(feed.imported, undefined, feed.seq);
        this.cache = value;
        const ms = performance.now() - started;
        this.options.onUpdate?.({ seq: value.seq, cooperations: value.cooperations.all().length, ms, indexMs: ms, full: true });
      } else if (feed.changes.length > 0) {
        const ids = [...new Set(feed.changes.flatMap((c) => c.cooperationIds))];
        const seq = feed.changes[feed.changes.length - 1]!.seq;
        const found = await this.repository.cooperations(ids);
        const present = new Set(found.map((c) => c.id));
        // Nothing is ever deleted from the register; an id without a record is left out rather than kept stale.
        const indexStart = performance.now();
        const cooperations = base.cooperations.withChanges(
          found,
          ids.filter((id) => !present.has(id)),
        );
        // Only the loop replaces the cache, so `base` is still current here.
        this.cache = { ...base, cooperations, seq, version: dataVersion(base.importVersion, seq) };
        this.options.onUpdate?.({ seq, cooperations: ids.length, ms: performance.now() - started, indexMs: performance.now() - indexStart, full: false });
        more = seq < feed.seq;
      }
      this.lastOkAt = Date.now();
    } catch {
      // Neo4j unreachable: try again next round; after STALE_AFTER_MS, current() answers UNAVAILABLE.
    } finally {
      this.polling = false;
      // A batch of 500 changes may not be the last one, or a write of this process came in meanwhile: at once.
      const now = more || this.again;
      this.again = false;
      this.schedule(now ? 0 : this.pollMs);
    }
  }
}
