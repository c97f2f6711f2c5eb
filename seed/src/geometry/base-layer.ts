import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { merge, mesh } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';

export interface BaseLayerInput {
  ags: string;
  districtKey: string;
  /** The web boundary as stored on Municipality.boundary: a GeoJSON geometry as JSON text. */
  boundary: string;
}

export interface BaseLayer {
  /** The Land as one (multi)polygon: the reader's frame, drawn as a light area with a dark outline. */
  land: MultiPolygon;
  /** Borders between two Kreise (or a Kreis and a kreisfreie Stadt), without the Land's outline. */
  districtBorders: MultiLineString;
}

/** Share of the web boundaries' points the base layer keeps: a frame for orientation, not a boundary to measure. */
const KEEP = 0.35;
/** 4 decimals are about 7–11 m in NRW: far below a pixel at the zoom levels the maps show. */
const round = (value: unknown): unknown => (Array.isArray(value) ? value.map(round) : Math.round((value as number) * 1e4) / 1e4);

/**
 * The base layer of every map (an NRW outline and the Kreis borders), derived from the municipality boundaries the
 * importer stored. The web boundaries come from one simplified topology, so neighbours share their border vertex for
 * vertex; topojson rebuilds that topology from the stored shapes, and the Kreis borders are then exactly the arcs
 * whose two sides lie in different Kreise (mesh), the Land the merge of all faces. No third-party tiles, and lines
 * that sit exactly on the municipality shapes drawn over them.
 */
export function baseLayer(shapes: BaseLayerInput[]): BaseLayer {
  const collection: FeatureCollection<Polygon | MultiPolygon, { districtKey: string }> = {
    type: 'FeatureCollection',
    features: shapes.map(
      (s) => ({ type: 'Feature', properties: { districtKey: s.districtKey }, geometry: JSON.parse(s.boundary) as Polygon | MultiPolygon }) satisfies Feature,
    ),
  };
  const topo = topology({ municipalities: collection }) as unknown as Topology<Objects<{ districtKey: string }>>;
  const pre = presimplify(topo);
  const simple = simplify(pre, quantile(pre, KEEP));
  const object = simple.objects.municipalities as GeometryCollection<{ districtKey: string }>;
  const districtOf = (geometry: { properties?: unknown }) => (geometry.properties as { districtKey: string }).districtKey;
  const districtBorders = mesh(simple, object, (a, b) => a !== b && districtOf(a) !== districtOf(b));
  const land = merge(simple, object.geometries as never);
  return {
    land: { type: 'MultiPolygon', coordinates: round(land.coordinates) as MultiPolygon['coordinates'] },
    districtBorders: { type: 'MultiLineString', coordinates: round(districtBorders.coordinates) as MultiLineString['coordinates'] },
  };
}
