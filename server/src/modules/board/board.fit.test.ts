import { describe, expect, it } from 'vitest';
import type { MatchingService } from '../matching/matching.service';
import type { PartnerSuggestions } from '../matching/matching.type';
import type { SnapshotStore } from '../matching/snapshot.store';
import { IDEA_SUGGESTION_LIMIT, IdeaRankings } from './board.fit';
import { IdeaStage, IdeaStatus, IdeaVisibility, type IdeaRecord } from './board.type';

const idea = (overrides: Partial<IdeaRecord> = {}): IdeaRecord => ({
  id: 'a',
  version: 1,
  municipalityAgs: '05958036',
  taskAreaId: 'standesamt',
  title: 'T',
  description: 'D',
  partnersSought: 2,
  targetPopulation: 30000,
  radiusKm: 40,
  timeline: null,
  fundingPlanned: false,
  visibility: IdeaVisibility.PUBLIC,
  status: IdeaStatus.OPEN,
  stage: IdeaStage.IDEA,
  stageChangedAt: '',
  createdAt: '',
  createdBy: '',
  updatedAt: '',
  completedAt: null,
  withdrawnAt: null,
  interestedAgs: [],
  acceptedAgs: [],
  proposedAgs: [],
  ...overrides,
});

function setup() {
  let snapshot = { cooperations: {} };
  const calls: unknown[][] = [];
  const snapshots = { current: async () => snapshot } as unknown as SnapshotStore;
  const matching = {
    partnerSuggestions: async (...args: unknown[]) => {
      calls.push(args);
      return { candidates: [] } as unknown as PartnerSuggestions;
    },
  } as unknown as MatchingService;
  return {
    rankings: new IdeaRankings(snapshots, matching),
    calls,
    replaceSnapshot: () => (snapshot = { cooperations: {} }),
    swapIndex: () => (snapshot.cooperations = {}),
  };
}

const counter = { count: 0 };

describe('IdeaRankings', () => {
  it('ranks an idea once per snapshot, with its task area, radius and target population', async () => {
    const { rankings, calls } = setup();
    await rankings.ranking(idea(), counter);
    await rankings.ranking(idea({ title: 'renamed', version: 2 }), counter);
    expect(calls).toEqual([['05958036', 'standesamt', { limit: IDEA_SUGGESTION_LIMIT, maxDistanceKm: 40, targetPopulation: 30000 }, counter]]);
  });

  it('ranks again when what the ranking depends on changes', async () => {
    const { rankings, calls } = setup();
    await rankings.ranking(idea(), counter);
    await rankings.ranking(idea({ radiusKm: 10 }), counter);
    await rankings.ranking(idea({ radiusKm: 10, targetPopulation: null }), counter);
    await rankings.ranking(idea({ radiusKm: 10, targetPopulation: null, taskAreaId: 'it' }), counter);
    expect(calls).toHaveLength(4);
    expect(calls[2]![2]).toEqual({ limit: IDEA_SUGGESTION_LIMIT, maxDistanceKm: 10, targetPopulation: undefined });
  });

  it('drops every ranking when the snapshot or its cooperation index is replaced', async () => {
    const { rankings, calls, replaceSnapshot, swapIndex } = setup();
    await Promise.all([rankings.ranking(idea(), counter), rankings.ranking(idea(), counter)]);
    expect(calls).toHaveLength(1); // a pending ranking is shared
    replaceSnapshot();
    await rankings.ranking(idea(), counter);
    swapIndex();
    await rankings.ranking(idea(), counter);
    await rankings.ranking(idea(), counter);
    expect(calls).toHaveLength(3);
  });
});
