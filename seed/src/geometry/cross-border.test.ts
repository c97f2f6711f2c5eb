import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { selectCrossBorder } from './cross-border';

/** A unit square at column `x`, row `y` of a grid (binary-exact corners, so neighbours share vertices). */
const square = (ags: string, x: number, y: number): { ags: string; feature: Feature<Polygon> } => ({
  ags,
  feature: {
    type: 'Feature',
    properties: {},
    geometry: {
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
    },
  },
});

// Two rows; columns 0–1 are the home Land (05), columns 2–5 a neighbour (06).
const grid = [0, 1, 2, 3, 4, 5].flatMap((x) => [0, 1].map((y) => square(`${x < 2 ? '05' : '06'}0000${x}${y}`, x, y)));
const isHome = (ags: string) => ags.startsWith('05');

describe('selectCrossBorder', () => {
  it('selects the units within two borders of the home Land and keeps the borders across and beyond it, not those inside it', () => {
    const { selected, borders } = selectCrossBorder(grid, isHome, 2);
    expect(selected.map(({ unit, hops }) => [unit.ags, hops])).toEqual([
      ['06000020', 1],
      ['06000021', 1],
      ['06000030', 2],
      ['06000031', 2],
    ]);
    expect(borders.some((b) => isHome(b.a) && isHome(b.b))).toBe(false);
    expect(borders.filter((b) => !b.touch).map((b) => `${b.a}-${b.b}`)).toEqual([
      '05000010-06000020',
      '05000011-06000021',
      '06000020-06000021',
      '06000020-06000030',
      '06000021-06000031',
      '06000030-06000031',
    ]);
    // A corner touch counts as a hop and is kept as a touch.
    expect(borders.filter((b) => b.touch).map((b) => `${b.a}-${b.b}`)).toEqual([
      '05000010-06000021',
      '05000011-06000020',
      '06000020-06000031',
      '06000021-06000030',
    ]);
  });

  it('widens its window when units one border away reach beyond it, so no second-hop neighbour is missed', () => {
    const { selected } = selectCrossBorder(grid, isHome, 2, 0.01);
    expect(selected.map(({ unit }) => unit.ags)).toEqual(['06000020', '06000021', '06000030', '06000031']);
  });
});
