import { describe, expect, it } from 'vitest';
import { analyzeNetwork, districtDensities, findGaps } from './network';

// Two tight groups of four (one per Kreis) joined by a single bridge between a4 and b1.
const nodes = ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4'].map((ags, i) => ({
  ags,
  districtKey: ags.startsWith('a') ? 'KA' : 'KB',
  longitude: 7 + i * 0.1,
  latitude: 51,
}));
const clique = (names: string[]) => names.flatMap((s, i) => names.slice(i + 1).map((t) => ({ source: s, target: t, weight: 3 })));
const edges = [...clique(['a1', 'a2', 'a3', 'a4']), ...clique(['b1', 'b2', 'b3', 'b4']), { source: 'a4', target: 'b1', weight: 1 }];

describe('analyzeNetwork', () => {
  it('finds the two groups, puts the bridge on top of betweenness and is deterministic', () => {
    const result = analyzeNetwork({ nodes, edges });
    const community = Object.fromEntries(result.nodes.map((n) => [n.ags, n.community]));
    expect(result.communityCount).toBe(2);
    expect(new Set(['a1', 'a2', 'a3', 'a4'].map((a) => community[a])).size).toBe(1);
    expect(community.a1).not.toBe(community.b1);
    const top = [...result.nodes]
      .sort((x, y) => y.betweenness - x.betweenness)
      .slice(0, 2)
      .map((n) => n.ags)
      .sort();
    expect(top).toEqual(['a4', 'b1']);
    expect(result.nodes.find((n) => n.ags === 'a4')).toMatchObject({ degree: 4, weightedDegree: 10 });
    expect(result.modularity).toBeGreaterThan(0.3);
    expect(analyzeNetwork({ nodes, edges })).toEqual(result);
  });

  it('numbers communities by size and leaves municipalities without a tie out of every community', () => {
    const lonely = { ags: 'z9', districtKey: 'KB', longitude: 8, latitude: 51 };
    const bigger = [...edges, { source: 'b4', target: 'b5', weight: 3 }, { source: 'b5', target: 'b1', weight: 3 }];
    const result = analyzeNetwork({ nodes: [...nodes, { ags: 'b5', districtKey: 'KB', longitude: 7.9, latitude: 51 }, lonely], edges: bigger });
    const community = Object.fromEntries(result.nodes.map((n) => [n.ags, n.community]));
    expect(community.z9).toBeNull();
    expect(community.b1).toBe(1); // the five b's are the largest community, numbered from 1
    expect(community.a1).toBe(2);
    expect(result.communityCount).toBe(2);
    expect(result.isolatedCount).toBe(1);
  });

  it('computes cooperation density per Kreis', () => {
    const densities = districtDensities({ nodes, edges });
    expect(densities).toEqual([
      { districtKey: 'KA', municipalities: 4, internalTies: 6, density: 1 },
      { districtKey: 'KB', municipalities: 4, internalTies: 6, density: 1 },
    ]);
  });
});

describe('findGaps', () => {
  it('lists municipalities doing a task alone while most neighbours cooperate in it', () => {
    const neighbours = new Map([
      ['x', ['a', 'b', 'c']],
      ['y', ['a', 'd']],
      ['a', ['x', 'y']],
    ]);
    const gaps = findGaps(['x', 'y', 'a'], { cooperating: new Set(['a', 'b']), neighbours });
    expect(gaps).toEqual([{ ags: 'x', neighbours: 3, cooperatingNeighbours: 2, share: 0.67 }]);
  });
});
