import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Link } from '../../../shared/i18n/links';
import { ApiErrorMessage, errorCode } from '../../../shared/errors';
import { formatNumber } from '../../../shared/format';
import { CooperationMarks } from '../../../shared/cooperation/CooperationMarks';
import { StateBadge } from '../../../shared/components/StateBadge';
import { ReportCooperationLink } from '../../../shared/account/ReportLink';
import { FOCUS_FILL, LazyShapeMap, mapShape } from '../../../shared/map/LazyShapeMap';
import { MunicipalitySearch } from '../../../shared/search/MunicipalitySearch';
import { taskAreaName } from '../../../shared/taskArea/TaskAreaName';
import { MunicipalityProfileQuery } from '../api/profile';

const NEIGHBOUR_FILL = '#9ecae1';
// Darker than the grey outside the Land on the map, so a neighbour across the border stands out from its background.
const CROSS_BORDER_FILL = '#c8c8c8';

export function ProfilePage() {
  const { ags = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(MunicipalityProfileQuery, { variables: { ags } });
  const n = (value: number) => formatNumber(value, i18n.language);

  if (loading) return <p role="status">{t('common.loading')}</p>;
  if (error) {
    const code = errorCode(error);
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') {
      return (
        <>
          <h1>{t('profile.notFoundTitle')}</h1>
          <p role="alert">{t('profile.notFound', { ags })}</p>
          <MunicipalitySearch label={t('search.label')} onSelect={(next) => navigate(`/kommune/${next}`)} />
        </>
      );
    }
    return <ApiErrorMessage error={error} />;
  }
  const m = data!.municipality;
  // Every shape is named on the map: the municipality and its neighbours are what a reader looks for.
  const shapes = [
    mapShape(m, FOCUS_FILL, { focus: true, mark: { name: m.shortName } }),
    ...m.neighbours.map((nb) =>
      mapShape(nb.municipality, nb.municipality.crossBorder ? CROSS_BORDER_FILL : NEIGHBOUR_FILL, {
        label: nb.municipality.crossBorder ? `${nb.municipality.shortName} (${nb.municipality.stateName ?? ''})` : nb.municipality.shortName,
        mark: { name: nb.municipality.shortName },
      }),
    ),
  ];
  const hasCrossBorderNeighbours = m.neighbours.some((nb) => nb.municipality.crossBorder);
  const legend = [
    { label: m.shortName, fill: FOCUS_FILL, focus: true },
    { label: t('profile.neighboursLegend'), fill: NEIGHBOUR_FILL },
    ...(hasCrossBorderNeighbours ? [{ label: t('state.label'), fill: CROSS_BORDER_FILL }] : []),
  ];

  return (
    <>
      <p className="breadcrumb">
        <Link to="/">{t('nav.home')}</Link> › {m.shortName}
      </p>
      <h1>
        {m.shortName}
        {m.crossBorder && (
          <>
            {' '}
            <StateBadge municipality={m} />
          </>
        )}
      </h1>
      <p className="lead">
        {[t(`municipalityType.${m.type}`), m.associationName, m.district?.name, m.region?.name, m.crossBorder ? m.stateName : null].filter(Boolean).join(' · ')}
      </p>
      {m.crossBorder ? (
        <p className="notice" data-testid="cross-border-note">
          {t('profile.crossBorderNote', { name: m.shortName, state: m.stateName ?? t('state.other') })}
        </p>
      ) : (
        <p>
          <Link className="button" to={`/partner?ags=${m.ags}`}>
            {t('profile.findPartners')}
          </Link>{' '}
          <ReportCooperationLink ags={m.ags} />
        </p>
      )}
      <div className="grid-2">
        <section aria-labelledby="figures" className="card">
          <h2 id="figures">{t('profile.figures')}</h2>
          <dl className="facts">
            <dt>{t('profile.population')}</dt>
            <dd>
              {n(m.population)} <span className="muted">({t('profile.asOf', { date: new Date(m.populationDate).toLocaleDateString(i18n.language) })})</span>
            </dd>
            <dt>{t('profile.area')}</dt>
            <dd>{n(m.areaKm2)} km²</dd>
            <dt>{t('profile.density')}</dt>
            <dd>{n(Math.round(m.density))} / km²</dd>
            <dt>{t('profile.district')}</dt>
            <dd>{m.district?.name}</dd>
            {m.associationName && (
              <>
                <dt>{t('profile.association')}</dt>
                <dd>{m.associationName}</dd>
              </>
            )}
            {m.crossBorder && (
              <>
                <dt>{t('profile.state')}</dt>
                <dd>{m.stateName}</dd>
              </>
            )}
            {!m.crossBorder && (
              <>
                <dt>{t('profile.altkreis')}</dt>
                <dd data-testid="altkreis">{m.altkreis ?? t('profile.altkreisUnknown')}</dd>
              </>
            )}
            <dt>AGS</dt>
            <dd>{m.ags}</dd>
            {m.postcode && (
              <>
                <dt>{t('profile.postcode')}</dt>
                <dd>{m.postcode}</dd>
              </>
            )}
          </dl>
        </section>
        <section aria-labelledby="neighbours" className="card">
          <h2 id="neighbours">{t('profile.neighbours', { count: m.neighbours.length })}</h2>
          <LazyShapeMap shapes={shapes} label={t('profile.mapLabel', { name: m.shortName })} height={300} legend={legend} />
          <table className="table">
            <caption className="sr-only">{t('profile.neighboursTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('profile.neighbour')}</th>
                <th scope="col">{t('profile.borderKm')}</th>
                <th scope="col">{t('profile.population')}</th>
              </tr>
            </thead>
            <tbody>
              {m.neighbours.map((nb) => (
                <tr key={nb.municipality.ags}>
                  <td>
                    <Link to={`/kommune/${nb.municipality.ags}`}>{nb.municipality.shortName}</Link> <StateBadge municipality={nb.municipality} />
                  </td>
                  <td>{nb.touch ? t('profile.touch') : `${formatNumber(nb.lengthKm, i18n.language, { maximumFractionDigits: 1 })} km`}</td>
                  <td>{n(nb.municipality.population)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {hasCrossBorderNeighbours && <p className="muted small">{t('profile.crossBorderNeighbours')}</p>}
        </section>
      </div>
      <section aria-labelledby="cooperations" className="card">
        <h2 id="cooperations">{t('profile.cooperations')}</h2>
        {m.crossBorder && <p>{t('profile.crossBorderCooperations', { state: m.stateName ?? t('state.other') })}</p>}
        {!m.crossBorder && m.cooperationsByTaskArea.length === 0 && <p>{t('profile.noCooperations')}</p>}
        {m.cooperationsByTaskArea.map((group) => (
          <div key={group.taskArea.id} className="task-group">
            <h3>{taskAreaName(group.taskArea, i18n.language)}</h3>
            <ul className="cooperation-list">
              {group.cooperations.map((c) => (
                <li key={c.id} data-testid="cooperation-row">
                  <Link to={`/kooperationen/${c.id}`}>{c.name}</Link> <span className="muted">({t(`legalForm.${c.legalForm}`)})</span>
                  <br />
                  <CooperationMarks cooperation={c} />
                </li>
              ))}
            </ul>
          </div>
        ))}
        {!m.crossBorder && <p className="muted small">{t('profile.registerNote')}</p>}
      </section>
      {!m.crossBorder && (
        <section aria-labelledby="openings" className="card" data-testid="openings">
          <h2 id="openings">{t('profile.openings')}</h2>
          {m.cooperationOpenings.length === 0 ? (
            <p>{t('profile.openingsNone', { name: m.shortName })}</p>
          ) : (
            <>
              <p>{t('profile.openingsIntro', { name: m.shortName })}</p>
              <ul className="openings">
                {m.cooperationOpenings.map((o) => {
                  const task = i18n.language === 'en' ? o.taskArea.nameEn : o.taskArea.nameDe;
                  return (
                    <li key={o.taskArea.id} data-testid="opening">
                      <strong>{task}</strong>{' '}
                      <span className="muted">
                        ({t('profile.openingShare', { cooperating: o.cooperatingNeighbours, neighbours: o.neighbours })}, {Math.round(o.share * 100)} %)
                      </span>{' '}
                      <Link to={`/partner?ags=${m.ags}&aufgabe=${o.taskArea.id}`}>{t('profile.openingFinder', { task })}</Link>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}
