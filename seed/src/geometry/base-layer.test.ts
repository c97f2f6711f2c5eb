import { describe, expect, it } from 'vitest';
import { baseLayer } from './base-layer';

const square = (x: number, y: number) =>
  JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 1, y],
        [x + 1, y + 1],
        [x, y + 1],
        [x, y],
      ],
    ],
  });

describe('baseLayer', () => {
  // Four municipalities in a 2 × 2 grid: the western column is one Kreis, the eastern column another.
  const grid = [
    { ags: '1', districtKey: 'west', boundary: square(0, 0) },
    { ags: '2', districtKey: 'west', boundary: square(0, 1) },
    { ags: '3', districtKey: 'east', boundary: square(1, 0) },
    { ags: '4', districtKey: 'east', boundary: square(1, 1) },
  ];

  it('draws the Kreis border only between two Kreise, not between municipalities of one Kreis nor along the outline', () => {
    const { districtBorders } = baseLayer(grid);
    const points = districtBorders.coordinates.flat();
    expect(points.length).toBeGreaterThan(0);
    // Every point of the border lies on the line x = 1 between the two columns, from y = 0 to y = 2.
    expect(points.every(([x]) => x === 1)).toBe(true);
    expect(Math.min(...points.map(([, y]) => y!))).toBe(0);
    expect(Math.max(...points.map(([, y]) => y!))).toBe(2);
  });

  it('merges every municipality into the Land: one polygon, the outer square', () => {
    const { land } = baseLayer(grid);
    expect(land.coordinates).toHaveLength(1);
    const ring = land.coordinates[0]![0]!;
    const xs = ring.map(([x]) => x!);
    const ys = ring.map(([, y]) => y!);
    expect([Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]).toEqual([0, 2, 0, 2]);
    expect(land.coordinates[0]).toHaveLength(1); // no holes
  });

  it('with a single Kreis there are no Kreis borders', () => {
    expect(baseLayer(grid.map((m) => ({ ...m, districtKey: 'one' }))).districtBorders.coordinates).toHaveLength(0);
  });
});
