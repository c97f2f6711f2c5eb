import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { BorderRecord } from '../model';
import { computeBorders } from './adjacency';

type Box = [west: number, south: number, east: number, north: number];
interface Unit {
  ags: string;
  feature: Feature<Polygon | MultiPolygon>;
}

function boxOf(feature: Feature<Polygon | MultiPolygon>): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const rings: Position[][] = feature.geometry.type === 'Polygon' ? feature.geometry.coordinates : feature.geometry.coordinates.flat();
  for (const ring of rings)
    for (const [x, y] of ring) {
      box[0] = Math.min(box[0], x!);
      box[1] = Math.min(box[1], y!);
      box[2] = Math.max(box[2], x!);
      box[3] = Math.max(box[3], y!);
    }
  return box;
}
const union = (boxes: Box[]): Box =>
  boxes.reduce<Box>(
    (a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
const intersects = (a: Box, b: Box) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
const contains = (outer: Box, inner: Box) => inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];

export interface CrossBorderSelection<T extends Unit> {
  /** The units outside the home Land within `hops` borders of it, with their distance in borders. */
  selected: Array<{ unit: T; hops: number }>;
  /** Borders between a home and a selected unit and among selected units (never home–home). */
  borders: BorderRecord[];
}

/**
 * The units of neighbouring Länder within `hops` borders (shared or point touch) of the home Land, found in one
 * topology of units that share vertices along their borders (the simplified Germany file). Only units whose
 * bounding box lies within `marginDegrees` of the home Land go into the topology, which keeps it small; if a unit
 * fewer than `hops` borders away reaches the edge of that window, its neighbours could lie outside, so the
 * window grows until it holds every unit that can be reached.
 */
export function selectCrossBorder<T extends Unit>(units: T[], isHome: (ags: string) => boolean, hops = 2, marginDegrees = 0.5): CrossBorderSelection<T> {
  const boxes = new Map(units.map((u) => [u.ags, boxOf(u.feature)]));
  const home = units.filter((u) => isHome(u.ags));
  const homeBox = union(home.map((u) => boxes.get(u.ags)!));
  for (let margin = marginDegrees; ; margin *= 2) {
    const window: Box = [homeBox[0] - margin, homeBox[1] - margin, homeBox[2] + margin, homeBox[3] + margin];
    const near = units.filter((u) => intersects(boxes.get(u.ags)!, window));
    const borders = computeBorders(near);
    const neighbours = new Map<string, string[]>();
    for (const { a, b } of borders) {
      neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
      neighbours.set(b, [...(neighbours.get(b) ?? []), a]);
    }
    const distance = new Map<string, number>();
    let frontier = home.map((u) => u.ags);
    for (let depth = 1; depth <= hops; depth++) {
      const next: string[] = [];
      for (const ags of frontier)
        for (const other of neighbours.get(ags) ?? [])
          if (!isHome(other) && !distance.has(other)) {
            distance.set(other, depth);
            next.push(other);
          }
      frontier = next;
    }
    const inner = [...distance].filter(([, d]) => d < hops).map(([ags]) => boxes.get(ags)!);
    const grown = margin < 360 && !contains(window, union(inner));
    if (grown) continue;
    const selected = near.filter((u) => distance.has(u.ags)).map((unit) => ({ unit, hops: distance.get(unit.ags)! }));
    const kept = (ags: string) => isHome(ags) || distance.has(ags);
    return { selected, borders: borders.filter((b) => !(isHome(b.a) && isHome(b.b)) && kept(b.a) && kept(b.b)) };
  }
}
