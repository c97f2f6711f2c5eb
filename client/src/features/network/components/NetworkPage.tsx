import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Link } from '../../../shared/i18n/links';
import { allowed, CooperationFilterFields, LEGAL_FORMS, PROVENANCES } from '../../../shared/components/CooperationFilterFields';
import { ApiErrorMessage, errorCode } from '../../../shared/errors';
import { LazyShapeMap } from '../../../shared/map/LazyShapeMap';
import { ParamProblems, unknownParameters, type ParamProblem } from '../../../shared/params/ParamProblems';
import { NetworkQuery } from '../api/network';

const GraphView = lazy(() => import('./GraphView'));

// Twelve distinguishable colours for communities (ColorBrewer Paired); further communities reuse them.
const PALETTE = ['#1f78b4', '#33a02c', '#e31a1c', '#ff7f00', '#6a3d9a', '#b15928', '#a6cee3', '#b2df8a', '#fb9a99', '#fdbf6f', '#cab2d6', '#ffff99'];
const NO_COMMUNITY = '#d9d9d9';
// Communities are numbered from 1 (the API's numbers, shown as they are here and in every export).
const color = (community: number | null) => (community === null ? NO_COMMUNITY : PALETTE[(community - 1) % PALETTE.length]!);
type SortKey = 'name' | 'community' | 'degree' | 'weightedDegree' | 'betweenness';
const PARAMETERS = ['aufgabe', 'rechtsform', 'herkunft', 'auswahl'];
/** Rows per page of the table; every municipality is reachable through the pages or the search. */
const TABLE_PAGE = 50;
/** Lower case without umlauts or accents, so "munster" finds Münster. */
const fold = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss');

/** The cooperation network for researchers: graph and map side by side, one selection, a sortable table, exports. */
export function NetworkPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'betweenness', descending: true });
  const [tableSearch, setTableSearch] = useState('');
  const [tablePage, setTablePage] = useState(0);
  const requestedTask = search.get('aufgabe') || undefined;
  const filter = {
    taskArea: requestedTask,
    legalForm: allowed(search.get('rechtsform'), LEGAL_FORMS),
    provenance: allowed(search.get('herkunft'), PROVENANCES),
  };
  const selected = search.get('auswahl');
  // The task areas come with the network; an unknown one is found in the first answer (the API's NOT_FOUND), named,
  // and dropped, so the network shown is the unfiltered one the selects say.
  const [unknownTask, setUnknownTask] = useState<string | null>(null);
  const badTask = Boolean(requestedTask && (!/^[a-z][a-z0-9_]{0,40}$/.test(requestedTask) || requestedTask === unknownTask));
  const appliedFilter = { ...filter, taskArea: badTask ? undefined : filter.taskArea };
  const { data, previousData, loading, error } = useQuery(NetworkQuery, { variables: { filter: appliedFilter } });
  const taskAreas = (data ?? previousData)?.taskAreas;
  if (error && errorCode(error) === 'NOT_FOUND' && filter.taskArea && unknownTask !== filter.taskArea) setUnknownTask(filter.taskArea);
  const result = (data ?? previousData)?.cooperationNetwork;
  const problems: ParamProblem[] = [
    ...unknownParameters(search, PARAMETERS, t('params.unknown')),
    ...(badTask ? [{ name: 'aufgabe', value: requestedTask!, applied: t('params.taskArea') }] : []),
    ...(search.get('rechtsform') && !filter.legalForm ? [{ name: 'rechtsform', value: search.get('rechtsform')!, applied: t('params.legalForm') }] : []),
    ...(search.get('herkunft') && !filter.provenance ? [{ name: 'herkunft', value: search.get('herkunft')!, applied: t('params.provenance') }] : []),
  ];
  const set = useCallback(
    (key: string, value: string | null) => {
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );
  const select = useCallback((ags: string) => set('auswahl', ags), [set]);

  const graphNodes = useMemo(
    () =>
      (result?.nodes ?? []).map((n) => ({
        id: n.municipality.ags,
        label: n.municipality.shortName,
        x: n.x,
        y: n.y,
        color: color(n.community),
        size: 4 + Math.sqrt(n.degree) * 2,
      })),
    [result],
  );
  const shapes = useMemo(
    () =>
      (result?.nodes ?? []).map((n) => ({
        ags: n.municipality.ags,
        label: `${n.municipality.shortName} (${n.community === null ? t('network.noCommunity') : `${t('network.community')} ${n.community}`})`,
        boundary: n.municipality.boundary ?? null,
        fill: color(n.community),
        focus: n.municipality.ags === selected,
        mark: n.municipality.ags === selected ? { name: n.municipality.shortName } : undefined,
      })),
    [result, selected, t],
  );
  const rows = useMemo(() => {
    const list = [...(result?.nodes ?? [])];
    // Municipalities without a community sort after every community.
    const value = (n: (typeof list)[number]) => (sort.key === 'name' ? n.municipality.shortName : (n[sort.key] ?? Number.MAX_SAFE_INTEGER));
    list.sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order = typeof x === 'string' ? x.localeCompare(y as string, 'de') : (x as number) - (y as number);
      return sort.descending ? -order : order;
    });
    return list;
  }, [result, sort]);
  const matching = useMemo(() => {
    const wanted = fold(tableSearch.trim());
    if (!wanted) return rows;
    return rows.filter(
      (n) =>
        fold(n.municipality.shortName).includes(wanted) || fold(n.municipality.district?.name ?? '').includes(wanted) || n.municipality.ags.startsWith(wanted),
    );
  }, [rows, tableSearch]);
  const pageCount = Math.max(1, Math.ceil(matching.length / TABLE_PAGE));
  const page = Math.min(tablePage, pageCount - 1);
  const shown = matching.slice(page * TABLE_PAGE, (page + 1) * TABLE_PAGE);
  const communities = useMemo(() => {
    const counts = new Map<number, number>();
    for (const n of result?.nodes ?? []) if (n.community !== null) counts.set(n.community, (counts.get(n.community) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]);
  }, [result]);
  const exportQuery = new URLSearchParams(
    Object.entries({ aufgabe: appliedFilter.taskArea, rechtsform: filter.legalForm, herkunft: filter.provenance }).filter(([, v]) => v) as Array<
      [string, string]
    >,
  ).toString();
  const selectedNode = result?.nodes.find((n) => n.municipality.ags === selected);

  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort" onClick={() => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== 'name' }))}>
        {label} {sort.key === key ? (sort.descending ? '↓' : '↑') : ''}
      </button>
    </th>
  );

  return (
    <>
      <h1>{t('network.title')}</h1>
      <p className="lead">{t('network.intro')}</p>
      <ParamProblems problems={problems} />
      <form className="card finder-form" onSubmit={(e) => e.preventDefault()}>
        <CooperationFilterFields
          idPrefix="n"
          taskAreas={taskAreas ?? []}
          values={appliedFilter}
          onChange={(parameter, value) => set(parameter, value || null)}
          allTasksLabel={t('network.allTasks')}
        />
      </form>
      {error && !(errorCode(error) === 'NOT_FOUND' && unknownTask) && <ApiErrorMessage error={error} />}
      {!result && loading && <p role="status">{t('common.loading')}</p>}
      {result && (
        <div aria-busy={loading}>
          <p role="status">
            {t(result.isolatedCount > 0 ? 'network.summaryWithIsolated' : 'network.summary', {
              nodes: result.nodes.length,
              edges: result.edges.length,
              communities: result.communityCount,
              isolated: result.isolatedCount,
              modularity: result.modularity.toLocaleString(i18n.language),
              date: result.snapshotDate,
            })}
          </p>
          {selectedNode && (
            <p className="notice">
              {selectedNode.community === null
                ? t('network.selectedIsolated', { name: selectedNode.municipality.shortName })
                : t('network.selected', { name: selectedNode.municipality.shortName, community: selectedNode.community, degree: selectedNode.degree })}{' '}
              <Link to={`/kommune/${selectedNode.municipality.ags}`}>{t('network.profile')}</Link>
            </p>
          )}
          <div className="grid-2">
            <section aria-labelledby="graph-title" className="card">
              <h2 id="graph-title">{t('network.graph')}</h2>
              <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
                <GraphView nodes={graphNodes} edges={result.edges} selected={selected} onSelect={select} label={t('network.graphLabel')} />
              </Suspense>
            </section>
            <section aria-labelledby="map-title" className="card">
              <h2 id="map-title">{t('network.map')}</h2>
              <LazyShapeMap shapes={shapes} label={t('network.mapLabel')} height={420} />
            </section>
          </div>
          <section aria-labelledby="legend-title" className="card">
            <h2 id="legend-title">{t('network.legend')}</h2>
            <ul className="legend-list">
              {communities.slice(0, 24).map(([community, size]) => (
                <li key={community}>
                  <span className="swatch" style={{ background: color(community) }} /> {t('network.community')} {community}: {size}
                </li>
              ))}
              {result.isolatedCount > 0 && (
                <li>
                  <span className="swatch" style={{ background: NO_COMMUNITY }} /> {t('network.noCommunity')}: {result.isolatedCount}
                </li>
              )}
            </ul>
            <p className="muted small">{t('network.legendNote')}</p>
          </section>
          <section aria-labelledby="export-title" className="card">
            <h2 id="export-title">{t('network.exports')}</h2>
            <p>
              {(['knoten.csv', 'kanten.csv', 'netzwerk.geojson', 'netzwerk.graphml', 'netzwerk.gexf'] as const).map((file) => (
                <a key={file} className="button-secondary export" href={`/api/export/${file}${exportQuery ? `?${exportQuery}` : ''}`} download>
                  {file}
                </a>
              ))}
            </p>
            <p className="muted small">{i18n.language === 'en' ? result.attributionEn : result.attribution}</p>
          </section>
          <section aria-labelledby="table-title">
            <h2 id="table-title">{t('network.table')}</h2>
            <div className="field">
              <label htmlFor="n-table-search">{t('network.tableSearch')}</label>
              <input
                id="n-table-search"
                type="search"
                value={tableSearch}
                onChange={(e) => {
                  setTableSearch(e.target.value);
                  setTablePage(0);
                }}
              />
            </div>
            <p role="status" className="muted small" data-testid="network-table-status">
              {matching.length === 0
                ? t('network.tableNone')
                : t('network.tablePage', { from: page * TABLE_PAGE + 1, to: page * TABLE_PAGE + shown.length, total: matching.length })}
            </p>
            <div className="table-scroll">
              <table className="table" data-testid="network-table">
                <caption className="sr-only">{t('network.tableCaption')}</caption>
                <thead>
                  <tr>
                    {header('name', t('profile.neighbour'))}
                    {header('community', t('network.community'))}
                    {header('degree', t('network.degree'))}
                    {header('weightedDegree', t('network.weightedDegree'))}
                    {header('betweenness', t('network.betweenness'))}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((n) => (
                    <tr key={n.municipality.ags} className={n.municipality.ags === selected ? 'selected-row' : undefined}>
                      <td>
                        <button type="button" className="link-button" aria-pressed={n.municipality.ags === selected} onClick={() => select(n.municipality.ags)}>
                          {n.municipality.shortName}
                        </button>{' '}
                        <span className="muted small">{n.municipality.district?.name}</span>
                      </td>
                      <td>
                        <span className="swatch" style={{ background: color(n.community) }} />{' '}
                        {n.community === null ? (
                          <span title={t('network.noCommunity')}>
                            –<span className="sr-only"> {t('network.noCommunity')}</span>
                          </span>
                        ) : (
                          n.community
                        )}
                      </td>
                      <td>{n.degree}</td>
                      <td>{n.weightedDegree}</td>
                      <td>{n.betweenness.toLocaleString(i18n.language, { maximumFractionDigits: 4 })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {pageCount > 1 && (
              <nav aria-label={t('network.tablePages')} className="pager">
                <button type="button" className="button-secondary" disabled={page === 0} onClick={() => setTablePage(page - 1)}>
                  ← {t('network.previous')}
                </button>{' '}
                <span className="muted small">
                  {page + 1} / {pageCount}
                </span>{' '}
                <button type="button" className="button-secondary" disabled={page >= pageCount - 1} onClick={() => setTablePage(page + 1)}>
                  {t('network.next')} →
                </button>
              </nav>
            )}
          </section>
          <section aria-labelledby="density-title" className="card">
            <h2 id="density-title">{t('network.density')}</h2>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('profile.district')}</th>
                  <th scope="col">{t('network.municipalities')}</th>
                  <th scope="col">{t('network.internalTies')}</th>
                  <th scope="col">{t('network.densityValue')}</th>
                </tr>
              </thead>
              <tbody>
                {result.districts.map((d) => (
                  <tr key={d.districtKey}>
                    <td>{d.name}</td>
                    <td>{d.municipalities}</td>
                    <td>{d.internalTies}</td>
                    <td>{d.density.toLocaleString(i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      )}
    </>
  );
}

export default NetworkPage;
