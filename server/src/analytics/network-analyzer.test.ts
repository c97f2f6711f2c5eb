import { describe, expect, it } from 'vitest';
import { InlineNetworkAnalyzer, WorkerNetworkAnalyzer } from './network-analyzer';

const input = {
  nodes: Array.from({ length: 30 }, (_, i) => ({
    ags: String(i).padStart(8, '0'),
    districtKey: i < 15 ? '05958' : '05966',
    longitude: 7 + (i % 6) * 0.1,
    latitude: 51 + Math.floor(i / 6) * 0.1,
  })),
  edges: Array.from({ length: 40 }, (_, i) => ({
    source: String(i % 30).padStart(8, '0'),
    target: String((i * 7 + 3) % 30).padStart(8, '0'),
    weight: 1 + (i % 3),
  })).filter((e) => e.source !== e.target),
};

describe('the network analyzer in a worker thread', () => {
  it('computes exactly what the inline analyzer computes, for requests queued at once', async () => {
    const worker = new WorkerNetworkAnalyzer();
    try {
      const expected = await new InlineNetworkAnalyzer().analyze(input);
      const results = await Promise.all([worker.analyze(input), worker.analyze(input), worker.analyze({ ...input, edges: input.edges.slice(0, 10) })]);
      expect(results[0]).toEqual(expected);
      expect(results[1]).toEqual(expected);
      expect(results[2]).not.toEqual(expected);
    } finally {
      await worker.close();
    }
  });

  it('starts again after it was stopped', async () => {
    const worker = new WorkerNetworkAnalyzer();
    await worker.analyze(input);
    await worker.close();
    expect((await worker.analyze(input)).analysis.nodes).toHaveLength(30);
    await worker.close();
  });
});
