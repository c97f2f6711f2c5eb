import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { computeBorders } from './adjacency';

const square = (ags: string, x: number, y: number, size = 0.125): { ags: string; feature: Feature<Polygon> } => ({
  ags,
  feature: {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + size, y],
          [x + size, y + size],
          [x, y + size],
          [x, y],
        ],
      ],
    },
  },
});

describe('computeBorders', () => {
  it('finds a shared edge with its length, a single touching point, and no link between distant polygons', () => {
    // A and B share the edge x = 7.125 (0.125° of latitude ≈ 13.9 km; binary-exact coordinates); C touches B only at its corner.
    const borders = computeBorders([square('A', 7, 51), square('B', 7.125, 51), square('C', 7.25, 51.125), square('D', 8, 52)]);
    expect(borders.map(({ a, b, touch }) => ({ a, b, touch }))).toEqual([
      { a: 'A', b: 'B', touch: false },
      { a: 'B', b: 'C', touch: true },
    ]);
    expect(borders[0]!.lengthKm).toBeCloseTo(13.9, 1);
    expect(borders[1]!.lengthKm).toBe(0);
  });
});
