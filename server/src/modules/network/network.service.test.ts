import { describe, expect, it } from 'vitest';
import type { NetworkAnalyzer, NetworkResult } from '../../analytics/network-analyzer';
import type { StaticData } from '../matching/matching.repository';
import type { NetworkRepository } from './network.repository';
import { NetworkService } from './network.service';

/** A snapshot with two municipalities and every task area the filters below name. */
function snapshot(): StaticData {
  const places = new Map(
    ['05958004', '05958008'].map((ags) => [
      ags,
      { ags, districtKey: '05958', districtName: 'Hochsauerlandkreis', longitude: 8, latitude: 51, crossBorder: false },
    ]),
  );
  const municipalities = new Map([...places.keys()].map((ags) => [ags, { ags }]));
  return { geography: { places }, municipalities, taskAreas: new Map(Array.from({ length: 100 }, (_, i) => [`t${i}`, {}])) } as unknown as StaticData;
}

function fakes() {
  const calls = { analyze: 0 };
  const analyzer: NetworkAnalyzer = {
    async analyze(input): Promise<NetworkResult> {
      calls.analyze += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return {
        analysis: {
          nodes: input.nodes.map((n) => ({ ags: n.ags, community: 0, degree: 1, weightedDegree: 1, betweenness: 0, x: 0, y: 0 })),
          communityCount: 1,
          isolatedCount: 0,
          modularity: 0,
        },
        districts: [{ districtKey: '05958', municipalities: 2, internalTies: 1, density: 1 }],
      };
    },
    async close() {},
  };
  const repository = {
    edges: async () => [{ source: '05958004', target: '05958008', weight: 1 }],
    snapshotDate: async () => '2026-01-01',
  } as unknown as NetworkRepository;
  return { calls, analyzer, repository };
}

describe('the network cache', () => {
  it('computes a network once for concurrent requests and answers repeats from memory', async () => {
    const { calls, analyzer, repository } = fakes();
    const data = snapshot();
    const service = new NetworkService(repository, async () => data, analyzer);
    const [a, b] = await Promise.all([service.network({ taskArea: 't1' }), service.network({ taskArea: 't1' })]);
    expect(a).toBe(b);
    expect(calls.analyze).toBe(1);
    await service.network({ taskArea: 't1' });
    expect(calls.analyze).toBe(1);
  });

  it('keeps the networks used recently when filters are cycled, instead of clearing everything', async () => {
    const { calls, analyzer, repository } = fakes();
    const data = snapshot();
    const service = new NetworkService(repository, async () => data, analyzer);
    await service.network(undefined);
    for (let i = 0; i < 100; i++) {
      await service.network({ taskArea: `t${i}` });
      // The unfiltered network stays in use, so it stays cached.
      await service.network(undefined);
    }
    expect(calls.analyze).toBe(101);
  });

  it('computes again when the data changed', async () => {
    const { calls, analyzer, repository } = fakes();
    let data = snapshot();
    const service = new NetworkService(repository, async () => data, analyzer);
    await service.network(undefined);
    data = snapshot();
    await service.network(undefined);
    expect(calls.analyze).toBe(2);
  });
});
