import 'leaflet/dist/leaflet.css';
import { useQuery } from '@apollo/client/react';
import type { GeoJsonObject } from 'geojson';
import L from 'leaflet';
import { useEffect, useId, useMemo, useRef } from 'react';
import { MapBaseQuery } from './api';

export interface MapShape {
  ags: string;
  /** Shown when the pointer rests on the shape. */
  label: string;
  /** GeoJSON geometry as JSON text, as the API serves it. */
  boundary: string | null;
  fill: string;
  /** The municipality the view is about: drawn with a heavy outline. */
  focus?: boolean;
  /** A label always on the map: a rank number in a badge and/or a name. */
  mark?: { rank?: number; name?: string };
}

const NRW_CENTRE: L.LatLngExpression = [51.45, 7.6];
const geometryCache = new Map<string, GeoJsonObject>();
/** Shapes repeat across views (a candidate is on the finder, the dossier, the profile): each boundary is parsed once. */
function geometry(boundary: string): GeoJsonObject {
  let parsed = geometryCache.get(boundary);
  if (!parsed) {
    parsed = JSON.parse(boundary) as GeoJsonObject;
    if (geometryCache.size > 2000) geometryCache.clear();
    geometryCache.set(boundary, parsed);
  }
  return parsed;
}

type Ring = number[][];
const ringArea = (ring: Ring) =>
  Math.abs(ring.reduce((sum, [x1, y1], i) => sum + x1! * ring[(i + 1) % ring.length]![1]! - ring[(i + 1) % ring.length]![0]! * y1!, 0) / 2);

/**
 * Where a shape's label goes: a point well inside its largest part. The centre of the bounding box falls outside a
 * bent or hollow municipality (or on its neighbour), so, as JTS' InteriorPointArea does, horizontal lines are laid
 * across the shape and the label goes in the middle of the widest stretch inside it, the middle line preferred.
 */
function labelPoint(shape: GeoJsonObject): L.LatLng | null {
  const polygons: Ring[][] =
    shape.type === 'Polygon'
      ? [(shape as unknown as { coordinates: Ring[] }).coordinates]
      : shape.type === 'MultiPolygon'
        ? (shape as unknown as { coordinates: Ring[][] }).coordinates
        : [];
  let rings: Ring[] | null = null;
  for (const polygon of polygons) if (!rings || ringArea(polygon[0]!) > ringArea(rings[0]!)) rings = polygon;
  if (!rings) return null;
  const lats = rings[0]!.map((p) => p[1]!);
  const [minY, maxY] = [Math.min(...lats), Math.max(...lats)];
  let best: { y: number; x: number; width: number } | null = null;
  for (const share of [0.5, 0.42, 0.58, 0.34, 0.66]) {
    const y = minY + (maxY - minY) * share;
    const xs: number[] = [];
    for (const ring of rings)
      for (let i = 0; i < ring.length - 1; i++) {
        const [x1, y1] = ring[i]!;
        const [x2, y2] = ring[i + 1]!;
        if (y1! <= y !== y2! <= y) xs.push(x1! + ((y - y1!) * (x2! - x1!)) / (y2! - y1!));
      }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const width = xs[i + 1]! - xs[i]!;
      if (!best || width > best.width * 1.3) best = { y, x: (xs[i]! + xs[i + 1]!) / 2, width };
    }
  }
  return best ? L.latLng(best.y, best.x) : null;
}

// A rank badge stays on its point and its name goes right or left of it; a name alone is centred, or just above or
// below, or beside its point. The offsets mirror the .map-label-inner[data-place] rules in styles.css.
const RANKED_PLACES = ['east', 'west'] as const;
const NAME_PLACES = ['centre', 'north', 'south', 'east', 'west'] as const;
type Place = (typeof NAME_PLACES)[number];
/** Half a rank badge's minimum width (0.625rem), the gap between badge and name (0.2rem), the offset above/below. */
const HALF_BADGE = 10;
const GAP = 3.2;
const NUDGE = 2;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
interface Label {
  marker: L.Marker;
  focus: boolean;
  inner: HTMLElement;
  badge: { width: number; height: number } | null;
  name: { width: number; height: number } | null;
}

/** Where a label's badge and name lie, in container pixels, for a point and a place (no layout needed). */
function boxes(point: L.Point, label: Label, place: Place): { badge: Box | null; name: Box | null } {
  const { badge, name } = label;
  const row = (left: number, width: number, height: number): Box => ({ left, right: left + width, top: point.y - height / 2, bottom: point.y + height / 2 });
  if (badge) {
    const badgeLeft = place === 'west' ? point.x + HALF_BADGE - badge.width : point.x - HALF_BADGE;
    return {
      badge: row(badgeLeft, badge.width, badge.height),
      name: name ? row(place === 'west' ? badgeLeft - GAP - name.width : badgeLeft + badge.width + GAP, name.width, name.height) : null,
    };
  }
  if (!name) return { badge: null, name: null };
  const x = place === 'east' ? point.x - HALF_BADGE : place === 'west' ? point.x + HALF_BADGE - name.width : point.x - name.width / 2;
  const box = row(x, name.width, name.height);
  const shift = place === 'north' ? -(name.height / 2 + NUDGE) : place === 'south' ? name.height / 2 + NUDGE : 0;
  return { badge: null, name: { ...box, top: box.top + shift, bottom: box.bottom + shift } };
}

/** Badge and name sizes, read once per drawing (one layout), not on every placement tried. */
function measure(labels: Array<{ marker: L.Marker; focus: boolean }>): Label[] {
  return labels.flatMap(({ marker, focus }) => {
    const inner = marker.getElement()?.querySelector<HTMLElement>('.map-label-inner');
    if (!inner) return [];
    const size = (element: HTMLElement | null) => {
      const rect = element?.getBoundingClientRect();
      return rect ? { width: rect.width, height: rect.height } : null;
    };
    return [{ marker, focus, inner, badge: size(inner.querySelector('.map-rank')), name: size(inner.querySelector('.map-name')) }];
  });
}

/**
 * Labels that would cover each other give way. Rank badges come first and always stay (the number is what links a
 * shape to the list); then names, in priority order (the focal municipality first, then by rank), each in the
 * first of its places that lies inside the map and covers no badge or name already placed. A name with no free
 * place is dropped (it stays on the hover tooltip and in the list beside the map); only the focal municipality's
 * name is always shown. Positions are computed from the measured sizes, so trying places costs no layout.
 */
function declutter(map: L.Map, labels: Label[]): void {
  const size = map.getSize();
  const kept: Box[] = [];
  const inside = (b: Box) => b.left >= 0 && b.top >= 0 && b.right <= size.x && b.bottom <= size.y;
  const free = (b: Box) => inside(b) && !kept.some((k) => b.left < k.right && b.right > k.left && b.top < k.bottom && b.bottom > k.top);
  const points = labels.map((label) => map.latLngToContainerPoint(label.marker.getLatLng()));
  labels.forEach((label, i) => {
    const badge = boxes(points[i]!, label, 'east').badge;
    if (badge) kept.push(badge);
  });
  labels.forEach((label, i) => {
    const places = label.badge ? RANKED_PLACES : NAME_PLACES;
    let chosen: Place | null = null;
    if (label.name) {
      chosen = places.find((place) => free(boxes(points[i]!, label, place).name!)) ?? null;
      if (!chosen && label.focus) chosen = places[0];
      if (chosen) kept.push(boxes(points[i]!, label, chosen).name!);
    }
    label.inner.dataset.place = chosen ?? places[0];
    label.marker.getElement()?.classList.toggle('map-label-collapsed', label.name !== null && chosen === null);
  });
}

/** Degrees of latitude a view spans at least (about 30 km): a pair of municipalities is shown with their surroundings. */
const MIN_SPAN = 0.28;

/** The shapes' bounds, widened around their centre to the minimum span, so a small selection keeps its Kreis borders in view. */
function withContext(bounds: L.LatLngBounds): L.LatLngBounds {
  const centre = bounds.getCenter();
  const halfHeight = Math.max(bounds.getNorth() - bounds.getSouth(), MIN_SPAN) / 2;
  // A degree of longitude is about 0.63 of a degree of latitude in NRW.
  const halfWidth = Math.max(bounds.getEast() - bounds.getWest(), MIN_SPAN / 0.63) / 2;
  return L.latLngBounds([centre.lat - halfHeight, centre.lng - halfWidth], [centre.lat + halfHeight, centre.lng + halfWidth]);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function labelHtml(mark: NonNullable<MapShape['mark']>, focus: boolean): string {
  const rank = mark.rank !== undefined ? `<span class="map-rank">${mark.rank}</span>` : '';
  const name = mark.name ? `<span class="map-name">${escapeHtml(mark.name)}</span>` : '';
  return `<span class="map-label-inner${focus ? ' map-label-focus' : ''}">${rank}${name}</span>`;
}

/**
 * Municipalities drawn from the boundaries our API serves, over the base layer (the Land and its Kreis borders)
 * that the API derives from the same boundaries: no tile server, no third-party requests.
 *
 * Leaflet directly, not through react-leaflet: the map's life is tied to one effect, so it is stopped before it is
 * removed (no zoom or pan step can run on a removed map: the "_leaflet_pos" error), and it has no animations at all
 * (a view change is one step). The map is one Tab stop (its container: arrow keys pan, +/− zoom); shapes and the
 * zoom buttons stay out of the Tab order, the list beside the map is the keyboard path.
 */
export default function ShapeMap({ shapes, label, hint, height = 420 }: { shapes: MapShape[]; label: string; hint?: string; height?: number }) {
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const base = useQuery(MapBaseQuery);
  const hintId = useId();

  useEffect(() => {
    const instance = L.map(element.current!, {
      center: NRW_CENTRE,
      zoom: 7,
      zoomSnap: 0.25,
      attributionControl: false,
      keyboard: true,
      zoomAnimation: false,
      fadeAnimation: false,
      markerZoomAnimation: false,
      inertia: false,
    });
    // Panes from bottom to top: the Land's area, the municipality shapes (Leaflet's overlay pane), the Kreis and
    // Land borders drawn over them, the labels. Lines and labels never take the pointer from a shape.
    const pane = (name: string, zIndex: number) => {
      const created = instance.createPane(name);
      created.style.zIndex = String(zIndex);
      created.style.pointerEvents = 'none';
    };
    pane('land', 300);
    pane('borders', 450);
    pane('labels', 460);
    for (const button of instance.getContainer().querySelectorAll('.leaflet-control a')) {
      button.setAttribute('tabindex', '-1');
      button.setAttribute('aria-hidden', 'true');
    }
    // A map first laid out in a hidden or resized container (a tab, a disclosure, a phone turned) measures again.
    const observer = new ResizeObserver(() => {
      if (map.current === instance) instance.invalidateSize({ pan: false });
    });
    observer.observe(instance.getContainer());
    map.current = instance;
    return () => {
      observer.disconnect();
      map.current = null;
      instance.stop();
      instance.remove();
    };
  }, []);

  // The view depends on what is drawn, not on the array's identity: a parent's re-render redraws nothing.
  const signature = JSON.stringify(shapes.map((s) => [s.ags, s.label, s.fill, s.focus ?? false, s.mark ?? null, s.boundary?.length ?? 0]));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const drawn = useMemo(() => shapes, [signature]);

  useEffect(() => {
    const instance = map.current;
    if (!instance) return;
    const group = L.featureGroup();
    const labels = L.layerGroup();
    const marks: Array<{ marker: L.Marker; focus: boolean; priority: number }> = [];
    for (const shape of drawn) {
      if (!shape.boundary) continue;
      const layer = L.geoJSON(geometry(shape.boundary), {
        style: { color: shape.focus ? '#111' : '#4a4a4a', weight: shape.focus ? 3 : 1, fillColor: shape.fill, fillOpacity: 0.75 },
      });
      layer.bindTooltip(shape.label, { sticky: true });
      group.addLayer(layer);
      if (shape.mark) {
        const marker = L.marker(labelPoint(geometry(shape.boundary)) ?? layer.getBounds().getCenter(), {
          icon: L.divIcon({ className: 'map-label', html: labelHtml(shape.mark, shape.focus ?? false), iconSize: undefined }),
          interactive: false,
          keyboard: false,
          pane: 'labels',
        });
        labels.addLayer(marker);
        marks.push({ marker, focus: shape.focus ?? false, priority: shape.focus ? 0 : (shape.mark.rank ?? 1000) });
      }
    }
    group.addTo(instance);
    labels.addTo(instance);
    // Leaflet listens for focus on a shape with a tooltip, which makes Chromium put every path in the Tab order.
    group.eachLayer((layer) => (layer as L.GeoJSON).eachLayer((path) => (path as L.Path).getElement()?.setAttribute('tabindex', '-1')));
    const bounds = group.getBounds();
    let fittedAt = instance.getSize();
    const fit = () => {
      if (bounds.isValid()) instance.fitBounds(withContext(bounds), { padding: [16, 16], animate: false });
      fittedAt = instance.getSize();
    };
    fit();
    const ordered = marks.sort((a, b) => a.priority - b.priority);
    let measured = measure(ordered);
    const tidy = () => {
      // Measured while the map was hidden (a closed tab or disclosure): the sizes are taken again once it is shown.
      if (measured.some((label) => label.name?.width === 0)) measured = measure(ordered);
      declutter(instance, measured);
    };
    tidy();
    // Fitted while the container had no size (not yet shown): fitted again once it has one.
    const resized = () => {
      if (fittedAt.x === 0 || fittedAt.y === 0) fit();
      tidy();
    };
    instance.on('zoomend', tidy);
    instance.on('resize', resized);
    return () => {
      instance.off('zoomend', tidy);
      instance.off('resize', resized);
      group.remove();
      labels.remove();
    };
  }, [drawn]);

  const layer = base.data?.mapBase;
  useEffect(() => {
    const instance = map.current;
    if (!instance || !layer) return;
    const land = JSON.parse(layer.land) as GeoJsonObject;
    const group = L.layerGroup([
      L.geoJSON(land, { pane: 'land', interactive: false, style: { stroke: false, fillColor: '#ffffff', fillOpacity: 1 } }),
      L.geoJSON(JSON.parse(layer.districtBorders) as GeoJsonObject, {
        pane: 'borders',
        interactive: false,
        style: { color: '#5f6b7a', weight: 1.2, opacity: 0.9, dashArray: '5 3' },
      }),
      L.geoJSON(land, { pane: 'borders', interactive: false, style: { color: '#2b3440', weight: 2, fill: false } }),
    ]).addTo(instance);
    return () => {
      group.remove();
    };
  }, [layer]);

  return (
    <div className="map" style={{ height }}>
      <div
        ref={element}
        className="map-canvas"
        role="region"
        aria-label={label}
        aria-describedby={hint ? hintId : undefined}
        style={{ height: '100%', background: '#e3e8ee' }}
      />
      {hint && (
        <p id={hintId} className="sr-only">
          {hint}
        </p>
      )}
    </div>
  );
}
