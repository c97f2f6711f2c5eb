import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorMessage } from '../../../shared/errors';
import { formatNumber } from '../../../shared/format';
import { LazyShapeMap, type MapShape } from '../../../shared/map/LazyShapeMap';
import { GapsQuery, GapTaskAreasQuery } from '../api/gaps';

/** For the commissioner's office: where cooperation in a task is missing, and who could host a shared service centre. */
export function GapsPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const taskArea = search.get('aufgabe') ?? '';
  const taskAreas = useQuery(GapTaskAreasQuery);
  const { data, loading, error } = useQuery(GapsQuery, { variables: { taskArea }, skip: !taskArea });
  const n = (value: number) => formatNumber(value, i18n.language);
  const result = data?.cooperationGaps;
  const shapes: MapShape[] = result
    ? [
        ...result.hosts.flatMap((h) => h.catchment.map((c) => ({ ags: c.ags, label: `${c.shortName}: ${t('gaps.served', { host: h.municipality.shortName })}`, boundary: c.boundary ?? null, fill: '#a1d99b' }))),
        ...result.hosts.map((h) => ({ ags: h.municipality.ags, label: `${h.municipality.shortName}: ${t('gaps.host')}`, boundary: h.municipality.boundary ?? null, fill: '#238b45' })),
        ...result.gaps.map((g) => ({ ags: g.municipality.ags, label: `${g.municipality.shortName}: ${t('gaps.gap')}`, boundary: g.municipality.boundary ?? null, fill: '#d7301f', focus: true })),
      ]
    : [];
  return (
    <>
      <h1>{t('gaps.title')}</h1>
      <p className="lead">{t('gaps.intro')}</p>
      <form className="card finder-form" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="g-task">{t('finder.taskArea')}</label>
          <select id="g-task" value={taskArea} onChange={(e) => setSearch(e.target.value ? { aufgabe: e.target.value } : {}, { replace: true })}>
            <option value="">{t('finder.chooseTaskArea')}</option>
            {taskAreas.data?.taskAreas.map((a) => (
              <option key={a.id} value={a.id}>
                {i18n.language === 'en' ? a.nameEn : a.nameDe}
              </option>
            ))}
          </select>
        </div>
      </form>
      {!taskArea && <p className="card">{t('gaps.start')}</p>}
      {error && <ApiErrorMessage error={error} />}
      {taskArea && loading && <p role="status">{t('common.loading')}</p>}
      {result && (
        <>
          <p role="status">{t('gaps.summary', { cooperating: result.cooperatingCount, gaps: result.gaps.length, hosts: result.hosts.length })}</p>
          <div className="grid-2">
            <section className="card" aria-labelledby="gap-list">
              <h2 id="gap-list">{t('gaps.gapsTitle')}</h2>
              {result.gaps.length === 0 && <p>{t('gaps.none')}</p>}
              <table className="table" data-testid="gaps-table">
                <thead>
                  <tr>
                    <th scope="col">{t('profile.neighbour')}</th>
                    <th scope="col">{t('profile.district')}</th>
                    <th scope="col">{t('gaps.neighboursCooperating')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.gaps.map((g) => (
                    <tr key={g.municipality.ags}>
                      <td>
                        <Link to={`/partner?ags=${g.municipality.ags}&aufgabe=${taskArea}&tab=beitreten`}>{g.municipality.shortName}</Link>
                      </td>
                      <td>{g.municipality.district?.name}</td>
                      <td>
                        {g.cooperatingNeighbours} / {g.neighbours} ({Math.round(g.share * 100)} %)
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section className="card" aria-labelledby="gap-map">
              <h2 id="gap-map">{t('gaps.map')}</h2>
              <LazyShapeMap shapes={shapes} label={t('gaps.map')} height={420} />
              <p className="legend">
                <span className="swatch" style={{ background: '#d7301f' }} /> {t('gaps.gap')} · <span className="swatch" style={{ background: '#238b45' }} /> {t('gaps.host')} ·{' '}
                <span className="swatch" style={{ background: '#a1d99b' }} /> {t('gaps.catchment')}
              </p>
            </section>
          </div>
          <section className="card" aria-labelledby="hosts">
            <h2 id="hosts">{t('gaps.hostsTitle')}</h2>
            {result.hosts.length === 0 && <p>{t('gaps.noHosts')}</p>}
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
          </section>
        </>
      )}
    </>
  );
}

export default GapsPage;
