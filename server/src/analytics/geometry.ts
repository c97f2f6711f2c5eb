import type { MultiPolygon, Polygon, Position } from 'geojson';
import InteriorPointArea from 'jsts/org/locationtech/jts/algorithm/InteriorPointArea.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import GeoJSONWriter from 'jsts/org/locationtech/jts/io/GeoJSONWriter.js';
import BufferOp from 'jsts/org/locationtech/jts/operation/buffer/BufferOp.js';
import Polygonizer from 'jsts/org/locationtech/jts/operation/polygonize/Polygonizer.js';
import UnaryUnionOp from 'jsts/org/locationtech/jts/operation/union/UnaryUnionOp.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';

/**
 * Export-time repair of the web boundaries stored on Municipality.boundary.
 *
 * The importer simplifies the shared topology (neighbours keep identical borders) and rounds to 5 decimals, but
 * Visvalingam does not stop an arc from crossing another one: a few polygons come out self-intersecting (Roetgen's
 * two parts overlap, Hallenberg's ring folds back over itself at a triple junction, into its two neighbours). Only
 * the polygons involved in such a defect are rebuilt, from their own linework: the rings are noded, the faces
 * polygonised, and each face given to the polygon whose interior it lies in (a fold-back of a ring does not count as
 * interior; a face two polygons claim goes to the larger one, the MERGE_MAX_AREA rule of PostGIS' ST_CoverageClean).
 * All other polygons, and every border with them, stay vertex for vertex as stored, so the layer keeps its topology.
 */

export type Area = Polygon | MultiPolygon;
export interface Shape {
  key: string;
  geometry: Area;
}
export interface RepairResult {
  shapes: Shape[];
  /** Keys whose geometry was rebuilt. */
  repaired: string[];
  /** Keys that are still invalid after the repair (none for the NRW data; reported, never hidden). */
  unrepaired: string[];
}

const polygonsOf = (geometry: Area): Position[][][] => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);

/** Shoelace area in the lon/lat plane: positive for a counter-clockwise ring. */
export function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum / 2;
}

/** RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. */
export function rewind(geometry: Area): Area {
  const orient = ([outer, ...holes]: Position[][]) => [
    signedArea(outer!) < 0 ? [...outer!].reverse() : outer!,
    ...holes.map((hole) => (signedArea(hole) > 0 ? [...hole].reverse() : hole)),
  ];
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: orient(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(orient) };
}

/**
 * Every boundary as a MultiPolygon: one geometry type per layer, so GDAL, QGIS and shapefile or GeoPackage
 * conversions see a MultiPolygon layer instead of an untyped mix of 392 Polygons and 4 MultiPolygons.
 */
export const asMultiPolygon = (geometry: Area): MultiPolygon =>
  geometry.type === 'MultiPolygon' ? geometry : { type: 'MultiPolygon', coordinates: [geometry.coordinates] };

const orientation = (a: Position, b: Position, c: Position) => Math.sign((b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!));
const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];
/** c lies on segment ab, strictly between its ends (given that a, b, c are collinear). */
const between = (a: Position, b: Position, c: Position) =>
  !same(a, c) &&
  !same(b, c) &&
  Math.min(a[0]!, b[0]!) <= c[0]! &&
  c[0]! <= Math.max(a[0]!, b[0]!) &&
  Math.min(a[1]!, b[1]!) <= c[1]! &&
  c[1]! <= Math.max(a[1]!, b[1]!);

interface Segment {
  shape: number;
  a: Position;
  b: Position;
}

/** Whether two segments meet anywhere but at a shared end point (a crossing, a vertex on the other, an overlap). */
function conflict(s: Segment, t: Segment): boolean {
  const o1 = orientation(s.a, s.b, t.a);
  const o2 = orientation(s.a, s.b, t.b);
  const o3 = orientation(t.a, t.b, s.a);
  const o4 = orientation(t.a, t.b, s.b);
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  return (
    (o1 === 0 && between(s.a, s.b, t.a)) || (o2 === 0 && between(s.a, s.b, t.b)) || (o3 === 0 && between(t.a, t.b, s.a)) || (o4 === 0 && between(t.a, t.b, s.b))
  );
}

/**
 * Indices of the shapes that are invalid in the OGC sense through their rings: too few points, a ring touching or
 * crossing itself, parts of one shape crossing or sharing an edge, or an edge crossing a neighbour's. Segments are
 * bucketed in a grid, so the whole of NRW takes a few tens of milliseconds.
 */
export function findDefects(shapes: Shape[]): Set<number> {
  const defects = new Set<number>();
  const segments: Segment[] = [];
  shapes.forEach((shape, index) => {
    for (const polygon of polygonsOf(shape.geometry)) {
      for (const ring of polygon) {
        if (ring.length < 4 || !same(ring[0]!, ring[ring.length - 1]!) || signedArea(ring) === 0) defects.add(index);
        const seen = new Set<string>();
        for (let i = 0; i < ring.length - 1; i++) {
          const key = `${ring[i]![0]},${ring[i]![1]}`;
          if (seen.has(key)) defects.add(index);
          seen.add(key);
          segments.push({ shape: index, a: ring[i]!, b: ring[i + 1]! });
        }
      }
    }
  });
  const cell = 0.02;
  const grid = new Map<string, Segment[]>();
  for (const segment of segments) {
    const [x0, x1] = [Math.floor(Math.min(segment.a[0]!, segment.b[0]!) / cell), Math.floor(Math.max(segment.a[0]!, segment.b[0]!) / cell)];
    const [y0, y1] = [Math.floor(Math.min(segment.a[1]!, segment.b[1]!) / cell), Math.floor(Math.max(segment.a[1]!, segment.b[1]!) / cell)];
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const bucket = grid.get(`${x}:${y}`);
        if (bucket) bucket.push(segment);
        else grid.set(`${x}:${y}`, [segment]);
      }
    }
  }
  for (const bucket of grid.values()) {
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const s = bucket[i]!;
        const t = bucket[j]!;
        const identical = (same(s.a, t.a) && same(s.b, t.b)) || (same(s.a, t.b) && same(s.b, t.a));
        // A border shared with a neighbour is the same segment in both shapes: that is the topology, not a defect.
        if (identical ? s.shape === t.shape : conflict(s, t)) {
          defects.add(s.shape);
          defects.add(t.shape);
        }
      }
    }
  }
  return defects;
}

/** Winding number of a point with respect to a ring (non-zero inside, signed by the ring's direction). */
function winding(ring: Position[], x: number, y: number): number {
  let w = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i]! as [number, number];
    const [x2, y2] = ring[i + 1]! as [number, number];
    const cross = (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1);
    if (y1 <= y) {
      if (y2 > y && cross > 0) w++;
    } else if (y2 <= y && cross < 0) w--;
  }
  return w;
}

/**
 * How often a point is inside a (possibly self-intersecting) shape, counted in the direction each ring mostly runs:
 * above zero inside; a loop where a simplified ring folds back over itself counts negative.
 */
function depth(geometry: Area, x: number, y: number): number {
  let total = 0;
  // A ring whose loops cancel out (a symmetric figure eight) has no main direction: any loop counts as inside.
  const signed = (ring: Position[]) => {
    const w = winding(ring, x, y);
    return Math.sign(signedArea(ring)) * w || Math.abs(w);
  };
  for (const [outer, ...holes] of polygonsOf(geometry)) {
    total += signed(outer!);
    for (const hole of holes) total -= signed(hole);
  }
  return total;
}

const absoluteArea = (geometry: Area) =>
  polygonsOf(geometry).reduce((sum, [outer, ...holes]) => sum + Math.abs(signedArea(outer!)) - holes.reduce((h, ring) => h + Math.abs(signedArea(ring)), 0), 0);

/** Rebuilds the given shapes from the faces of their noded linework (see the comment at the top). */
function rebuild(shapes: Shape[], indices: number[]): Map<number, Area> {
  const factory = new GeometryFactory();
  const reader = new GeoJSONReader(factory);
  const writer = new GeoJSONWriter();
  const lines = indices.flatMap((index) =>
    polygonsOf(shapes[index]!.geometry).flatMap((polygon) => polygon.map((ring) => reader.read({ type: 'LineString', coordinates: ring }))),
  );
  const polygonizer = new Polygonizer();
  polygonizer.add(UnaryUnionOp.union(factory.createGeometryCollection(lines)));
  const faces = new Map<number, unknown[]>(indices.map((index) => [index, []]));
  const largestFirst = [...indices].sort((a, b) => absoluteArea(shapes[b]!.geometry) - absoluteArea(shapes[a]!.geometry));
  for (const face of polygonizer.getPolygons().toArray()) {
    const point = InteriorPointArea.getInteriorPoint(face) as { x: number; y: number };
    const owner = largestFirst.find((index) => depth(shapes[index]!.geometry, point.x, point.y) > 0);
    if (owner !== undefined) faces.get(owner)!.push(face);
  }
  const result = new Map<number, Area>();
  for (const [index, own] of faces) {
    if (own.length === 0) continue;
    let geometry = own.length === 1 ? own[0] : UnaryUnionOp.union(factory.createGeometryCollection(own));
    if (!IsValidOp.isValid(geometry)) geometry = BufferOp.bufferOp(geometry, 0);
    const written = writer.write(geometry) as Area;
    if (written.type === 'Polygon' || written.type === 'MultiPolygon') result.set(index, written);
  }
  return result;
}

/** Repairs the shapes that are invalid or overlap a neighbour; every other shape is returned unchanged. */
export function repairLayer(shapes: Shape[]): RepairResult {
  const defects = [...findDefects(shapes)];
  if (defects.length === 0) return { shapes, repaired: [], unrepaired: [] };
  const rebuilt = rebuild(shapes, defects);
  const repaired = shapes.map((shape, index) => (rebuilt.has(index) ? { key: shape.key, geometry: rebuilt.get(index)! } : shape));
  const reader = new GeoJSONReader(new GeometryFactory());
  const unrepaired = defects.filter((index) => !rebuilt.has(index) || !IsValidOp.isValid(reader.read(repaired[index]!.geometry)));
  return {
    shapes: repaired,
    repaired: [...rebuilt.keys()].map((index) => shapes[index]!.key).sort(),
    unrepaired: unrepaired.map((index) => shapes[index]!.key).sort(),
  };
}
