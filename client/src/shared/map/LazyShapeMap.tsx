import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapShape } from './ShapeMap';

// Leaflet is loaded only when a page shows a map, so it is not part of the initial JavaScript.
const ShapeMap = lazy(() => import('./ShapeMap'));

export type { MapShape };

export function LazyShapeMap(props: { shapes: MapShape[]; label: string; height?: number }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="map-loading" role="status">{t('map.loading')}</p>}>
      <ShapeMap {...props} />
    </Suspense>
  );
}

/** Sequential colour scale (light → dark blue) for a score between min and max; all with text contrast kept in the table. */
export function scoreColor(value: number, min: number, max: number): string {
  const palette = ['#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c'];
  const share = max > min ? (value - min) / (max - min) : 1;
  return palette[Math.min(palette.length - 1, Math.floor(share * palette.length))]!;
}
