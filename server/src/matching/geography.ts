import type { Border, Place } from './types';

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance (haversine), the same formula @turf/distance uses, without its argument checks. */
export function distanceKm(a: Place, b: Place): number {
  const dLat = (b.latitude - a.latitude) * RAD;
  const dLon = (b.longitude - a.longitude) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * RAD) * Math.cos(b.latitude * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
}

/** Grid cells of 0.25° latitude by 0.25° longitude: a radius query visits a few dozen cells, not every place. */
const CELL_DEG = 0.25;
const cellKey = (latCell: number, lonCell: number) => latCell * 100_000 + lonCell;

/**
 * The static geography every ranking needs: municipalities with centroid, population and Kreis, and the border
 * graph as adjacency lists. It only changes with an import, so the snapshot keeps one in memory (ADR 006).
 */
export class Geography {
  readonly places = new Map<string, Place>();
  private readonly adjacency = new Map<string, Map<string, Border>>();
  private readonly cells = new Map<number, Place[]>();

  constructor(places: Place[], borders: Array<{ a: string; b: string; lengthKm: number; touch: boolean }>) {
    for (const place of places) {
      this.places.set(place.ags, place);
      this.adjacency.set(place.ags, new Map());
      const key = cellKey(Math.floor(place.latitude / CELL_DEG), Math.floor(place.longitude / CELL_DEG));
      const cell = this.cells.get(key);
      if (cell) cell.push(place);
      else this.cells.set(key, [place]);
    }
    for (const { a, b, lengthKm, touch } of borders) {
      const fromA = this.adjacency.get(a);
      const fromB = this.adjacency.get(b);
      if (!fromA || !fromB || a === b || fromA.has(b)) continue;
      fromA.set(b, { lengthKm, touch });
      fromB.set(a, { lengthKm, touch });
    }
  }

  border(a: string, b: string): Border | null {
    return this.adjacency.get(a)?.get(b) ?? null;
  }

  areNeighbours(a: string, b: string): boolean {
    const border = this.border(a, b);
    return border !== null && !border.touch;
  }

  /** Municipalities sharing a real border (not just a point) with `ags`. */
  neighbours(ags: string): string[] {
    return [...(this.adjacency.get(ags) ?? [])].filter(([, border]) => !border.touch).map(([other]) => other);
  }

  /** Breadth-first results by `ags|maxDepth`: the borders never change between imports (a new one builds a new Geography). */
  private readonly hopsCache = new Map<string, ReadonlyMap<string, number>>();

  /**
   * Hops over BORDERS from one municipality to all others up to `maxDepth`, remembered for the most recent 512
   * (every NRW municipality; at Germany scale the busiest ones). Read-only for callers.
   */
  hopsFrom(ags: string, maxDepth = 6): ReadonlyMap<string, number> {
    const key = `${ags}|${maxDepth}`;
    const cached = this.hopsCache.get(key);
    if (cached) return cached;
    const hops = this.breadthFirst(ags, maxDepth);
    if (this.hopsCache.size >= 512) this.hopsCache.delete(this.hopsCache.keys().next().value!);
    this.hopsCache.set(key, hops);
    return hops;
  }

  private breadthFirst(ags: string, maxDepth: number): Map<string, number> {
    const hops = new Map<string, number>();
    if (!this.adjacency.has(ags)) return hops;
    hops.set(ags, 0);
    let frontier = [ags];
    for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const node of frontier) {
        for (const other of this.adjacency.get(node)!.keys()) {
          if (hops.has(other)) continue;
          hops.set(other, depth);
          next.push(other);
        }
      }
      frontier = next;
    }
    hops.delete(ags);
    return hops;
  }

  distanceKm(a: Place, b: Place): number {
    return distanceKm(a, b);
  }

  /** The last radius query: a ranking asks it twice (evidence in reach, then the candidates). Read-only for callers. */
  private lastWithin: { ags: string; radiusKm: number; result: ReadonlyArray<{ place: Place; distanceKm: number }> } | null = null;

  /** Places within `radiusKm` of a place (itself excluded), read from the grid cells the radius touches. */
  within(focal: Place, radiusKm: number): ReadonlyArray<{ place: Place; distanceKm: number }> {
    const last = this.lastWithin;
    if (last && last.ags === focal.ags && last.radiusKm === radiusKm) return last.result;
    const result: Array<{ place: Place; distanceKm: number }> = [];
    const dLat = radiusKm / 110.5;
    const dLon = radiusKm / (111.3 * Math.max(0.01, Math.cos(focal.latitude * RAD)));
    const latFrom = Math.floor((focal.latitude - dLat) / CELL_DEG);
    const latTo = Math.floor((focal.latitude + dLat) / CELL_DEG);
    const lonFrom = Math.floor((focal.longitude - dLon) / CELL_DEG);
    const lonTo = Math.floor((focal.longitude + dLon) / CELL_DEG);
    for (let latCell = latFrom; latCell <= latTo; latCell++) {
      for (let lonCell = lonFrom; lonCell <= lonTo; lonCell++) {
        for (const place of this.cells.get(cellKey(latCell, lonCell)) ?? []) {
          if (place.ags === focal.ags) continue;
          const km = distanceKm(focal, place);
          if (km <= radiusKm) result.push({ place, distanceKm: km });
        }
      }
    }
    // Cells come in grid order; sorting by AGS keeps results independent of the grid.
    result.sort((x, y) => (x.place.ags < y.place.ags ? -1 : x.place.ags > y.place.ags ? 1 : 0));
    this.lastWithin = { ags: focal.ags, radiusKm, result };
    return result;
  }
}
