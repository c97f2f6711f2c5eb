import { distance } from '@turf/distance';
import Graph from 'graphology';
import { singleSourceLength } from 'graphology-shortest-path/unweighted';
import type { Border, Place } from './types';

/**
 * The static geography every ranking needs: municipalities with centroid, population and Kreis, and the border
 * graph. It only changes with an import, so the service keeps one in memory (see docs/decisions/006) and asks
 * Neo4j per request only for the cooperation data, which users can change.
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

  get size(): number {
    return this.places.size;
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

  /** Hops over BORDERS from one municipality to all others (breadth-first). */
  hopsFrom(ags: string): Map<string, number> {
    if (!this.graph.hasNode(ags)) return new Map();
    const lengths = singleSourceLength(this.graph, ags);
    return new Map(Object.entries(lengths));
  }

  distanceKm(a: Place, b: Place): number {
    return distance([a.longitude, a.latitude], [b.longitude, b.latitude], { units: 'kilometers' });
  }

  /** Places within `radiusKm` of a place (itself excluded). A linear scan: 11,000 places take about a millisecond. */
  within(focal: Place, radiusKm: number): Array<{ place: Place; distanceKm: number }> {
    const result: Array<{ place: Place; distanceKm: number }> = [];
    for (const place of this.places.values()) {
      if (place.ags === focal.ags) continue;
      const km = this.distanceKm(focal, place);
      if (km <= radiusKm) result.push({ place, distanceKm: km });
    }
    return result;
  }
}
