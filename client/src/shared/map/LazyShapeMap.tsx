import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { MapShape_MunicipalityFragment } from '../../gql/graphql';
import type { MapShape } from './ShapeMap';

type ShapeMapComponent = typeof import('./ShapeMap').default;

// Leaflet is not part of the initial JavaScript: its chunk starts loading when a page that shows a map is loaded
// (this module is part of those pages), so it is usually there before the page's data. Not React.lazy: a lazy
// component suspends on its first render even when its chunk is already loaded, and React holds back a Suspense
// boundary's content for up to 300 ms after its fallback showed (the fallback throttle): the map would appear
// 300 ms after its list.
let loadedShapeMap: ShapeMapComponent | null = null;
const shapeMapChunk = import('./ShapeMap').then((m) => (loadedShapeMap = m.default));
shapeMapChunk.catch(() => undefined);

/** True once the map's chunk is loaded; re-renders the caller when it arrives. */
function useShapeMapLoaded(): boolean {
  const [loaded, setLoaded] = useState(() => loadedShapeMap !== null);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  // A chunk that cannot be loaded is the route's error (its boundary shows it), not a map that says "loading" forever.
  if (failure) throw failure.error;
  useEffect(() => {
    if (loaded) return;
    let live = true;
    shapeMapChunk.then(
      () => live && setLoaded(true),
      (error: unknown) => live && setFailure({ error }),
    );
    return () => {
      live = false;
    };
  }, [loaded]);
  return loaded;
}

/** The map itself, once its chunk is loaded (only rendered then). */
function LoadedShapeMap(props: Parameters<ShapeMapComponent>[0]) {
  const ShapeMap = loadedShapeMap!;
  return <ShapeMap {...props} />;
}

export type { MapShape };

/** One entry of a map's legend: a filled swatch, or (`focus`) the heavy outline of the municipality the view is about. */
export interface LegendItem {
  label: string;
  fill?: string;
  focus?: boolean;
}

export const FOCUS_FILL = '#fdae6b';

/**
 * A map of municipality shapes over the app's own base layer (NRW and its Kreis borders), with a legend that names
 * every colour and line. The map is one Tab stop; the list or table beside it is the keyboard path to its content.
 */
export function LazyShapeMap({ legend = [], ...props }: { shapes: MapShape[]; label: string; height?: number; legend?: LegendItem[] }) {
  const { t } = useTranslation();
  const loaded = useShapeMapLoaded();
  return (
    <figure className="map-figure">
      {loaded ? (
        <LoadedShapeMap {...props} hint={t('map.keyboard')} />
      ) : (
        <p className="map-loading" role="status" style={{ height: props.height ?? 420 }}>
          {t('map.loading')}
        </p>
      )}
      <figcaption className="legend" data-testid="map-legend">
        <span className="sr-only">{t('map.legend')}: </span>
        <ul className="legend-list">
          {legend.map((item) => (
            <li key={item.label}>
              <span className={`swatch${item.focus ? ' swatch-focus' : ''}`} style={{ background: item.fill ?? 'transparent' }} aria-hidden="true" />{' '}
              {item.label}
            </li>
          ))}
          <li>
            <span className="swatch-line swatch-line-district" aria-hidden="true" /> {t('map.districtBorder')}
          </li>
          <li>
            <span className="swatch-line swatch-line-land" aria-hidden="true" /> {t('map.land')}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}

LazyShapeMap.fragments = {
  municipality: graphql(`
    fragment MapShape_municipality on Municipality {
      ags
      shortName
      boundary
    }
  `),
};

/** A shape for the map from a municipality selected with MapShape_municipality. */
export function mapShape(
  m: Omit<MapShape_MunicipalityFragment, 'boundary'> & { boundary?: string | null },
  fill: string,
  extra: Partial<Omit<MapShape, 'ags' | 'boundary' | 'fill'>> = {},
): MapShape {
  return { ags: m.ags, label: m.shortName, boundary: m.boundary ?? null, fill, ...extra };
}

/** Sequential colour scale (light → dark blue) for a score between min and max; all with text contrast kept in the table. */
export function scoreColor(value: number, min: number, max: number): string {
  const palette = ['#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c'];
  const share = max > min ? (value - min) / (max - min) : 1;
  return palette[Math.min(palette.length - 1, Math.floor(share * palette.length))]!;
}
