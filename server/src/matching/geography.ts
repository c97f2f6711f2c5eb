import { distance } from '@turf/distance';
import Graph from 'graphology';
import { bfsFromNode } from 'graphology-traversal';
import type { Border, Place } from './types';

/**
 * The static geography every ranking needs: municipalities with centroid, population and Kreis, and the border
 * graph. It only changes with an import, so the service keeps one in memory (see docs/decisions/006).
 */
export class Geography {
  readonly places = new Map<string, Place>();
  private readonly graph = new Graph({ type: 'undirected', multi: false });

  constructor(places: Place[], borders: Array<{ a: string; b: string; lengthKm: number; touch: boolean }>) {
    for (const place of places) {
      this.places.set(place.ags, place);
      this.graph.addNode(place.ags);
    }
    for (const border of borders) {
      if (this.graph.hasNode(border.a) && this.graph.hasNode(border.b) && !this.graph.hasEdge(border.a, border.b)) {
        this.graph.addEdge(border.a, border.b, { lengthKm: border.lengthKm, touch: border.touch });
      }
    }
  }

  border(a: string, b: string): Border | null {
    if (!this.graph.hasNode(a) || !this.graph.hasNode(b) || !this.graph.hasEdge(a, b)) return null;
    const attributes = this.graph.getEdgeAttributes(a, b) as Border;
    return { lengthKm: attributes.lengthKm, touch: attributes.touch };
  }

  areNeighbours(a: string, b: string): boolean {
    const border = this.border(a, b);
    return border !== null && !border.touch;
  }

  /** Municipalities sharing a real border (not just a point) with `ags`. */
  neighbours(ags: string): string[] {
    if (!this.graph.hasNode(ags)) return [];
    return this.graph.filterNeighbors(ags, (other) => !(this.graph.getEdgeAttributes(ags, other) as Border).touch);
  }

  /** Hops over BORDERS from one municipality to all others up to `maxDepth` (breadth-first, bounded). */
  hopsFrom(ags: string, maxDepth = 8): Map<string, number> {
    const hops = new Map<string, number>();
    if (!this.graph.hasNode(ags)) return hops;
    bfsFromNode(this.graph, ags, (node, _attributes, depth) => {
      hops.set(node, depth);
      return depth >= maxDepth;
    });
    hops.delete(ags);
    return hops;
  }

  distanceKm(a: Place, b: Place): number {
    return distance([a.longitude, a.latitude], [b.longitude, b.latitude], { units: 'kilometers' });
  }

  /**
   * Places within `radiusKm` of a place (itself excluded). A cheap latitude/longitude box rules out most places
   * before the geodesic distance is computed; a linear scan over 11,000 places stays well under a millisecond.
   */
  within(focal: Place, radiusKm: number): Array<{ place: Place; distanceKm: number }> {
    const result: Array<{ place: Place; distanceKm: number }> = [];
    const dLat = radiusKm / 110.5;
    const dLon = radiusKm / (111.3 * Math.cos((focal.latitude * Math.PI) / 180));
    for (const place of this.places.values()) {
      if (place.ags === focal.ags) continue;
      if (Math.abs(place.latitude - focal.latitude) > dLat || Math.abs(place.longitude - focal.longitude) > dLon) continue;
      const km = this.distanceKm(focal, place);
      if (km <= radiusKm) result.push({ place, distanceKm: km });
    }
    return result;
  }
}
