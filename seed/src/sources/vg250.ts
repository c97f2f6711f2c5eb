import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { ImportReport } from '../report';

/** One municipality polygon from BKG VG250, validated. */
export interface BoundaryFeature {
  ags: string;
  shortName: string;
  /** Where the feature sits in its file, for problem reports. */
  location: string;
  feature: Feature<Polygon | MultiPolygon>;
}

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

const isRing = (ring: unknown): boolean => Array.isArray(ring) && ring.length >= 4 && ring.every(isPosition);

function geometryProblem(geometry: unknown): string | null {
  if (!geometry || typeof geometry !== 'object') return 'missing geometry';
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon') return Array.isArray(coordinates) && coordinates.length > 0 && coordinates.every(isRing) ? null : 'Polygon coordinates do not parse';
  if (type === 'MultiPolygon')
    return Array.isArray(coordinates) &&
      coordinates.length > 0 &&
      coordinates.every((polygon) => Array.isArray(polygon) && polygon.length > 0 && polygon.every(isRing))
      ? null
      : 'MultiPolygon coordinates do not parse';
  return `geometry type ${String(type)} is not a Polygon or MultiPolygon`;
}

/**
 * Reads a VG250 municipality GeoJSON. Files with one feature per line get line numbers in problem reports;
 * single-line files get feature numbers.
 */
export function parseVg250(text: string, file: string, report: ImportReport, stateKeys: string[] = []): BoundaryFeature[] {
  let collection: FeatureCollection;
  try {
    collection = JSON.parse(text) as FeatureCollection;
  } catch (error) {
    report.problem(file, 1, `not valid JSON (${(error as Error).message})`);
    return [];
  }
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    report.problem(file, 1, 'not a GeoJSON FeatureCollection');
    return [];
  }

  const featureLines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (/^\s*\{\s*"type"\s*:\s*"Feature"/.test(line)) featureLines.push(index + 1);
  });
  const locate = (index: number) => (featureLines.length === collection.features.length ? String(featureLines[index]) : `feature ${index + 1}`);

  const seen = new Set<string>();
  const result: BoundaryFeature[] = [];
  collection.features.forEach((feature, index) => {
    const location = locate(index);
    const ags = String(feature?.properties?.AGS ?? '');
    if (!/^\d{8}$/.test(ags)) {
      report.problem(file, location, `malformed AGS "${ags}"`);
      return;
    }
    if (stateKeys.length > 0 && !stateKeys.includes(ags.slice(0, 2))) return;
    if (seen.has(ags)) {
      report.problem(file, location, `duplicate AGS ${ags}`);
      return;
    }
    const problem = geometryProblem(feature.geometry);
    if (problem) {
      report.problem(file, location, `${problem} (AGS ${ags})`);
      return;
    }
    seen.add(ags);
    result.push({ ags, shortName: String(feature.properties?.GEN ?? ''), location, feature: feature as Feature<Polygon | MultiPolygon> });
  });
  return result;
}
