import { lineString } from '@turf/helpers';
import { length } from '@turf/length';
import { topology } from 'topojson-server';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon } from 'topojson-specification';
import type { BorderRecord } from '../model';

/**
 * Shared borders from the polygons themselves. topojson-server turns the polygons into a topology whose arcs
 * are cut wherever the set of polygons along a line changes, so an arc used by two municipalities is exactly
 * a piece of their common border. The VG250 data is topologically clean (neighbours share identical vertices),
 * which is what makes this exact; no quantization is applied so no nearby vertices are merged.
 *
 * Two municipalities that share no arc but an arc end point touch at a single point: they are recorded with
 * touch = true and length 0.
 */
export function computeBorders(features: Array<{ ags: string; feature: Feature<Polygon | MultiPolygon> }>): BorderRecord[] {
  const collection: FeatureCollection<Polygon | MultiPolygon> = { type: 'FeatureCollection', features: features.map((f) => f.feature) };
  const topo = topology({ municipalities: collection });
  const geometries = (topo.objects.municipalities as GeometryCollection).geometries;

  const arcUsers = new Map<number, Set<number>>();
  const endpointUsers = new Map<string, Set<number>>();
  const addUser = <K>(map: Map<K, Set<number>>, key: K, user: number) => {
    let users = map.get(key);
    if (!users) map.set(key, (users = new Set()));
    users.add(user);
  };

  geometries.forEach((geometry, index) => {
    const rings: number[][] =
      geometry.type === 'Polygon' ? (geometry as TopoPolygon).arcs : geometry.type === 'MultiPolygon' ? (geometry as TopoMultiPolygon).arcs.flat() : [];
    for (const ring of rings) {
      for (const signed of ring) {
        const arc = signed < 0 ? ~signed : signed;
        addUser(arcUsers, arc, index);
        const points = topo.arcs[arc]!;
        addUser(endpointUsers, points[0]!.join(','), index);
        addUser(endpointUsers, points[points.length - 1]!.join(','), index);
      }
    }
  });

  const pairKey = (i: number, j: number) => (i < j ? `${i}|${j}` : `${j}|${i}`);
  const shared = new Map<string, number>();
  for (const [arc, users] of arcUsers) {
    if (users.size < 2) continue;
    const km = length(lineString(topo.arcs[arc]!), { units: 'kilometers' });
    const list = [...users];
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) shared.set(pairKey(list[x]!, list[y]!), (shared.get(pairKey(list[x]!, list[y]!)) ?? 0) + km);
  }
  const touching = new Set<string>();
  for (const users of endpointUsers.values()) {
    if (users.size < 2) continue;
    const list = [...users];
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const key = pairKey(list[x]!, list[y]!);
        if (!shared.has(key)) touching.add(key);
      }
  }

  const toRecord = (key: string, lengthKm: number, touch: boolean): BorderRecord => {
    const [i, j] = key.split('|').map(Number) as [number, number];
    const [a, b] = [features[i]!.ags, features[j]!.ags].sort() as [string, string];
    return { a, b, lengthKm: Math.round(lengthKm * 1000) / 1000, touch };
  };
  return [...[...shared].map(([key, km]) => toRecord(key, km, false)), ...[...touching].map((key) => toRecord(key, 0, true))].sort(
    (x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b),
  );
}
