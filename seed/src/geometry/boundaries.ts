import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';

/**
 * Boundaries simplified for the web map. Simplifying the shared topology (not each polygon on its own) keeps
 * neighbours' borders identical, so the map shows no gaps or overlaps. Coordinates are rounded to 5 decimals
 * (about 1 m), which with Visvalingam simplification keeping 12 % of the points shrinks NRW from 2.2 MB to a
 * few hundred kB.
 */
export function simplifiedBoundaries(features: Array<{ ags: string; feature: Feature<Polygon | MultiPolygon> }>, keep = 0.12): Map<string, string> {
  const collectionIn: FeatureCollection<Polygon | MultiPolygon> = { type: 'FeatureCollection', features: features.map((f) => f.feature) };
  const topo = topology({ municipalities: collectionIn }) as unknown as Topology<Objects<object>>;
  const pre = presimplify(topo);
  const simple = simplify(pre, quantile(pre, keep));
  const collection = simple.objects.municipalities as GeometryCollection;
  const result = new Map<string, string>();
  collection.geometries.forEach((geometry, index) => {
    const shape = feature(simple, geometry) as Feature<Polygon | MultiPolygon>;
    const round = (value: unknown): unknown => (Array.isArray(value) ? value.map(round) : Math.round((value as number) * 1e5) / 1e5);
    result.set(features[index]!.ags, JSON.stringify({ type: shape.geometry.type, coordinates: round(shape.geometry.coordinates) }));
  });
  return result;
}
