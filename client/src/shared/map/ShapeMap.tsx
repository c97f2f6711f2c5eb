import 'leaflet/dist/leaflet.css';
import type { GeoJsonObject } from 'geojson';
import L from 'leaflet';
import { useEffect, useMemo } from 'react';
import { GeoJSON, MapContainer, useMap } from 'react-leaflet';

export interface MapShape {
  ags: string;
  label: string;
  /** GeoJSON geometry as JSON text, as the API serves it. */
  boundary: string | null;
  fill: string;
  /** The municipality the view is about: drawn with a heavy outline. */
  focus?: boolean;
}

function FitBounds({ shapes }: { shapes: Array<{ layer: L.GeoJSON }> }) {
  const map = useMap();
  useEffect(() => {
    const bounds = L.latLngBounds([]);
    for (const { layer } of shapes) bounds.extend(layer.getBounds());
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12] });
  }, [map, shapes]);
  return null;
}

/**
 * Municipalities drawn from the boundaries our API serves: no tile server, no third-party requests. The map is
 * keyboard-usable (Leaflet: arrow keys pan, +/− zoom); callers put a table with the same data beside it.
 */
export default function ShapeMap({ shapes, label, height = 420 }: { shapes: MapShape[]; label: string; height?: number }) {
  const layers = useMemo(
    () =>
      shapes
        .filter((s) => s.boundary)
        .map((shape) => ({ shape, geometry: JSON.parse(shape.boundary!) as GeoJsonObject, layer: L.geoJSON(JSON.parse(shape.boundary!) as GeoJsonObject) })),
    [shapes],
  );
  return (
    <div className="map" role="region" aria-label={label} style={{ height }}>
      <MapContainer center={[51.45, 7.6]} zoom={8} style={{ height: '100%', background: '#eef2f6' }} attributionControl={false} keyboard zoomSnap={0.25}>
        {layers.map(({ shape, geometry }) => (
          <GeoJSON
            key={`${shape.ags}-${shape.fill}-${shape.focus ? 1 : 0}`}
            data={geometry}
            style={{ color: shape.focus ? '#111' : '#4a4a4a', weight: shape.focus ? 3 : 1, fillColor: shape.fill, fillOpacity: 0.75 }}
            onEachFeature={(_feature, layer) => layer.bindTooltip(shape.label, { sticky: true })}
          />
        ))}
        <FitBounds shapes={layers} />
      </MapContainer>
    </div>
  );
}
