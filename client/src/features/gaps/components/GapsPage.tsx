import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiErrorMessage } from '../../../shared/errors';
import { formatNumber } from '../../../shared/format';
import { Link } from '../../../shared/i18n/links';
import { LazyShapeMap } from '../../../shared/map/LazyShapeMap';
import type { MapShape } from '../../../shared/map/ShapeMap';
import { ParamProblems, unknownParameters, type ParamProblem } from '../../../shared/params/ParamProblems';
import { GapsQuery, GapTaskAreasQuery } from '../api/gaps';
import { taskAreaName } from '../../../shared/taskArea/TaskAreaName';

/** How many gaps the map names (the table names every one). */
const MAP_NAMED_GAPS = 8;

const PARAMETERS = ['aufgabe', 'kreis', 'bezirk'];
type SortKey = 'name' | 'district' | 'population' | 'share';

/**
 * For the commissioner's office: where cooperation in a task is missing, and who could host a shared service centre;
 * narrowed to a Kreis or a Regierungsbezirk (in the address, like the task), sortable, and exported with the same
 * filter by the server.
 */
export function GapsPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'share', descending: true });
  const requested = { taskArea: search.get('aufgabe') ?? '', districtKey: search.get('kreis') ?? '', regionKey: search.get('bezirk') ?? '' };
  const options = useQuery(GapTaskAreasQuery);
  const taskAreas = options.data?.taskAreas;
  const districts = options.data?.districts;
  const regions = useMemo(() => {
    const byKey = new Map<string, string>();
    for (const d of districts ?? []) if (d.region) byKey.set(d.region.key, d.region.name);
    return [...byKey].sort((a, b) => a[1].localeCompare(b[1], 'de'));
  }, [districts]);
  // Values of the address that do not exist are named and not applied, so the selects show what is applied.
  const taskKnown = !requested.taskArea || !taskAreas || taskAreas.some((a) => a.id === requested.taskArea);
  const districtKnown = !requested.districtKey || !districts || districts.some((d) => d.key === requested.districtKey);
  const regionKnown = !requested.regionKey || !districts || regions.some(([key]) => key === requested.regionKey);
  const taskArea = taskKnown ? requested.taskArea : '';
  const districtKey = districtKnown ? requested.districtKey : '';
  const regionKey = regionKnown ? requested.regionKey : '';
  const problems: ParamProblem[] = [
    ...unknownParameters(search, PARAMETERS, t('params.unknown')),
    ...(taskKnown ? [] : [{ name: 'aufgabe', value: requested.taskArea, applied: t('params.taskAreaChoose') }]),
    ...(districtKnown ? [] : [{ name: 'kreis', value: requested.districtKey, applied: t('params.district') }]),
    ...(regionKnown ? [] : [{ name: 'bezirk', value: requested.regionKey, applied: t('params.region') }]),
  ];
  const filter = districtKey || regionKey ? { districtKey: districtKey || undefined, regionKey: regionKey || undefined } : undefined;
  const { data, loading, error } = useQuery(GapsQuery, { variables: { taskArea, filter }, skip: !taskArea || !options.data });
  const n = (value: number) => formatNumber(value, i18n.language);
  const result = data?.cooperationGaps;
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: true });
  };
  const gaps = useMemo(() => {
    const list = [...(result?.gaps ?? [])];
    const value = (g: (typeof list)[number]) =>
      sort.key === 'name'
        ? g.municipality.shortName
        : sort.key === 'district'
          ? (g.municipality.district?.name ?? '')
          : sort.key === 'population'
            ? g.municipality.population
            : g.share;
    list.sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order =
        typeof x === 'string' ? x.localeCompare(y as string, 'de') : (x as number) - (y as number) || b.cooperatingNeighbours - a.cooperatingNeighbours;
      return (sort.descending ? -order : order) || a.municipality.ags.localeCompare(b.municipality.ags);
    });
    return list;
  }, [result, sort]);
  const shapes: MapShape[] = result
    ? [
        ...result.hosts.flatMap((h) =>
          h.catchment.map((c) => ({
            ags: c.ags,
            label: `${c.shortName}: ${t('gaps.served', { host: h.municipality.shortName })}`,
            boundary: c.boundary ?? null,
            fill: '#a1d99b',
          })),
        ),
        // Hosts and gaps are named on the map (labels that would overlap give way): they are what the office looks for.
        ...result.hosts.map((h) => ({
          ags: h.municipality.ags,
          label: `${h.municipality.shortName}: ${t('gaps.host')}`,
          boundary: h.municipality.boundary ?? null,
          fill: '#238b45',
          mark: { name: h.municipality.shortName },
        })),
        // Only the first gaps (the server lists the most pressing first) get a name: two dozen names on a map of
        // NRW overlap; the table beside it names them all.
        ...result.gaps.map((g, index) => ({
          ags: g.municipality.ags,
          label: `${g.municipality.shortName}: ${t('gaps.gap')}`,
          boundary: g.municipality.boundary ?? null,
          fill: '#d7301f',
          focus: true,
          mark: index < MAP_NAMED_GAPS ? { name: g.municipality.shortName } : undefined,
        })),
      ]
    : [];
  const exportQuery = new URLSearchParams(Object.entries({ aufgabe: taskArea, kreis: districtKey, bezirk: regionKey }).filter(([, v]) => v)).toString();
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="sort"
        onClick={() => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key === 'share' || key === 'population' }))}
      >
        {label} <span aria-hidden="true">{sort.key === key ? (sort.descending ? '↓' : '↑') : ''}</span>
      </button>
    </th>
  );
  return (
    <>
      <h1>{t('gaps.title')}</h1>
      <p className="lead">{t('gaps.intro')}</p>
      <ParamProblems problems={problems} />
      <form className="card finder-form" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="g-task">{t('finder.taskArea')}</label>
          <select id="g-task" value={taskArea} onChange={(e) => set('aufgabe', e.target.value)}>
            <option value="">{t('finder.chooseTaskArea')}</option>
            {taskAreas?.map((a) => (
              <option key={a.id} value={a.id}>
                {taskAreaName(a, i18n.language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="g-region">{t('gaps.region')}</label>
          <select id="g-region" value={regionKey} onChange={(e) => set('bezirk', e.target.value)}>
            <option value="">{t('gaps.allRegions')}</option>
            {regions.map(([key, name]) => (
              <option key={key} value={key}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="g-district">{t('gaps.district')}</label>
          <select id="g-district" value={districtKey} onChange={(e) => set('kreis', e.target.value)}>
            <option value="">{t('gaps.allDistricts')}</option>
            {districts
              ?.filter((d) => !regionKey || d.region?.key === regionKey)
              .map((d) => (
                <option key={d.key} value={d.key}>
                  {d.name}
                </option>
              ))}
          </select>
        </div>
      </form>
      {!taskArea && <p className="card">{t('gaps.start')}</p>}
      {(error ?? options.error) && <ApiErrorMessage error={(error ?? options.error)!} />}
      {taskArea && loading && <p role="status">{t('common.loading')}</p>}
      {result && (
        <>
          <p role="status">{t('gaps.summary', { cooperating: result.cooperatingCount, gaps: result.gaps.length, hosts: result.hosts.length })}</p>
          <p className="exports">
            <a className="button-secondary export" href={`/api/export/luecken.csv?${exportQuery}`} download>
              {t('gaps.export')}
            </a>
            <a className="button-secondary export" href={`/api/export/luecken-excel.csv?${exportQuery}`} download>
              {t('gaps.exportExcel')}
            </a>
            <span className="muted small">{t('gaps.exportNote')}</span>
          </p>
          <div className="grid-2 gaps-layout">
            <section className="card" aria-labelledby="gap-list">
              <h2 id="gap-list">{t('gaps.gapsTitle')}</h2>
              {result.gaps.length === 0 && <p>{t('gaps.none')}</p>}
              <div className="table-scroll">
                <table className="table" data-testid="gaps-table">
                  <caption className="sr-only">
                    {t('gaps.gapsTitle')},{' '}
                    {t('gaps.sortedBy', {
                      column: t(
                        sort.key === 'name'
                          ? 'profile.neighbour'
                          : sort.key === 'district'
                            ? 'gaps.district'
                            : sort.key === 'population'
                              ? 'gaps.population'
                              : 'gaps.neighboursCooperating',
                      ),
                      direction: t(sort.descending ? 'gaps.descending' : 'gaps.ascending'),
                    })}
                  </caption>
                  <thead>
                    <tr>
                      {header('name', t('profile.neighbour'))}
                      {header('district', t('gaps.district'))}
                      {header('population', t('gaps.population'))}
                      {header('share', t('gaps.neighboursCooperating'))}
                    </tr>
                  </thead>
                  <tbody>
                    {gaps.map((g) => (
                      <tr key={g.municipality.ags}>
                        <td>
                          <Link to={`/partner?ags=${g.municipality.ags}&aufgabe=${taskArea}&tab=beitreten`}>{g.municipality.shortName}</Link>
                        </td>
                        <td>{g.municipality.district?.name}</td>
                        <td>{n(g.municipality.population)}</td>
                        <td>
                          {g.cooperatingNeighbours} / {g.neighbours} ({Math.round(g.share * 100)} %)
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            <section className="card" aria-labelledby="gap-map">
              <h2 id="gap-map">{t('gaps.map')}</h2>
              <LazyShapeMap
                shapes={shapes}
                label={t('gaps.map')}
                height={420}
                legend={[
                  { label: t('gaps.gap'), fill: '#d7301f', focus: true },
                  { label: t('gaps.host'), fill: '#238b45' },
                  { label: t('gaps.catchment'), fill: '#a1d99b' },
                ]}
              />
            </section>
          </div>
          <section className="card" aria-labelledby="hosts">
            <h2 id="hosts">{t('gaps.hostsTitle')}</h2>
            {result.hosts.length === 0 && <p>{t('gaps.noHosts')}</p>}
            <div className="table-scroll" hidden={result.hosts.length === 0}>
              <table className="table" data-testid="hosts-table">
                <thead>
                  <tr>
                    <th scope="col">{t('gaps.host')}</th>
                    <th scope="col">{t('gaps.catchment')}</th>
                    <th scope="col">{t('gaps.catchmentPopulation')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.hosts.map((h) => (
                    <tr key={h.municipality.ags}>
                      <td>
                        <Link to={`/kommune/${h.municipality.ags}`}>{h.municipality.shortName}</Link>
                      </td>
                      <td>{h.catchment.map((c) => c.shortName).join(', ')}</td>
                      <td>{n(h.catchmentPopulation)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  );
}

export default GapsPage;
