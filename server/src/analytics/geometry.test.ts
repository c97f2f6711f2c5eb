import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { asMultiPolygon, findDefects, repairLayer, rewind, signedArea, type Shape } from './geometry';

const polygon = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const square = (x: number, y: number, size: number): Position[] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];
const areaOf = (shape: Shape) =>
  (shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates).reduce(
    (sum, [outer, ...holes]) => sum + Math.abs(signedArea(outer!)) - holes.reduce((h, ring) => h + Math.abs(signedArea(ring)), 0),
    0,
  );

describe('rewind (RFC 7946)', () => {
  it('turns exterior rings counter-clockwise and holes clockwise, whatever they were', () => {
    const clockwise = [...square(0, 0, 4)].reverse();
    const counterClockwiseHole = square(1, 1, 1);
    const result = rewind(polygon(clockwise, counterClockwiseHole)) as Polygon;
    expect(signedArea(result.coordinates[0]!)).toBeGreaterThan(0);
    expect(signedArea(result.coordinates[1]!)).toBeLessThan(0);
    expect(asMultiPolygon(result)).toEqual({ type: 'MultiPolygon', coordinates: [result.coordinates] });
  });
});

describe('findDefects', () => {
  it('accepts neighbours that share a border vertex for vertex', () => {
    expect(
      findDefects([
        { key: 'a', geometry: polygon(square(0, 0, 2)) },
        { key: 'b', geometry: polygon([...square(2, 0, 2)].reverse()) },
      ]).size,
    ).toBe(0);
  });

  it('finds a ring that crosses itself and a ring that runs onto a neighbour', () => {
    const figureEight = polygon([
      [0, 0],
      [4, 4],
      [4, 0],
      [0, 2],
      [0, 0],
    ]);
    expect([...findDefects([{ key: 'eight', geometry: figureEight }])]).toEqual([0]);
    const bulge = polygon([
      [0, 0],
      [2, 0],
      [2, 0.5],
      [2.5, 1],
      [2, 1.5],
      [2, 2],
      [0, 2],
      [0, 0],
    ]);
    expect(
      [
        ...findDefects([
          { key: 'a', geometry: bulge },
          { key: 'b', geometry: polygon(square(2, 0, 2)) },
          { key: 'far', geometry: polygon(square(10, 10, 1)) },
        ]),
      ].sort(),
    ).toEqual([0, 1]);
  });
});

describe('repairLayer', () => {
  it('keeps the main loop of a ring that folds back over itself and drops the fold', () => {
    const result = repairLayer([
      {
        key: 'eight',
        geometry: polygon([
          [0, 0],
          [4, 4],
          [4, 0],
          [0, 2],
          [0, 0],
        ]),
      },
    ]);
    expect(result.repaired).toEqual(['eight']);
    expect(result.unrepaired).toEqual([]);
    expect(findDefects(result.shapes).size).toBe(0);
    // The larger, clockwise loop (4/3,4/3)-(4,4)-(4,0) is the shape; the small loop runs the other way.
    expect(areaOf(result.shapes[0]!)).toBeCloseTo(16 / 3, 9);
  });

  it('gives an overlap to one of the two shapes and leaves every other shape as it was', () => {
    const far: Shape = { key: 'far', geometry: polygon(square(10, 10, 1)) };
    const shapes: Shape[] = [
      {
        key: 'a',
        geometry: polygon([
          [0, 0],
          [2, 0],
          [2, 0.5],
          [2.5, 1],
          [2, 1.5],
          [2, 2],
          [0, 2],
          [0, 0],
        ]),
      },
      { key: 'b', geometry: polygon(square(2, 0, 2)) },
      far,
    ];
    const result = repairLayer(shapes);
    expect(result.repaired).toEqual(['a', 'b']);
    expect(result.shapes[2]).toBe(far);
    expect(findDefects(result.shapes).size).toBe(0);
    // The overlap (a triangle of 0.25) goes to the larger shape, a; together they still cover both squares.
    expect(areaOf(result.shapes[0]!)).toBeCloseTo(4.25, 9);
    expect(areaOf(result.shapes[1]!)).toBeCloseTo(3.75, 9);
  });

  it('returns a clean layer unchanged', () => {
    const shapes: Shape[] = [{ key: 'a', geometry: polygon(square(0, 0, 2)) }];
    expect(repairLayer(shapes)).toEqual({ shapes, repaired: [], unrepaired: [] });
  });
});
