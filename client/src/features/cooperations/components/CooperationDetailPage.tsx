import { useQuery } from '@apollo/client/react';
import { useApolloClient } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorMessage, errorCode } from '../../../shared/errors';
import { ProvenanceBadge } from '../../../shared/components/ProvenanceBadge';
import { LazyShapeMap, type MapShape } from '../../../shared/map/LazyShapeMap';
import { CooperationDetailQuery, MemberShapesQuery } from '../api/cooperations';

export function CooperationDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const { data, loading, error } = useQuery(CooperationDetailQuery, { variables: { id } });
  const [shapes, setShapes] = useState<MapShape[]>([]);
  const members = data?.cooperation.members;

  useEffect(() => {
    const municipalities = (members ?? []).filter((m) => m.kind === 'MUNICIPALITY');
    void Promise.all(municipalities.map((m) => client.query({ query: MemberShapesQuery, variables: { ags: m.key } }))).then((results) =>
      setShapes(results.flatMap((r) => (r.data ? [{ ags: r.data.municipality.ags, label: r.data.municipality.shortName, boundary: r.data.municipality.boundary ?? null, fill: '#6baed6' }] : []))),
    );
  }, [client, members]);

  if (loading) return <p role="status">{t('common.loading')}</p>;
  if (error) {
    if (errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT') return <p role="alert">{t('cooperations.notFound', { id })}</p>;
    return <ApiErrorMessage error={error} />;
  }
  const c = data!.cooperation;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/kooperationen">{t('nav.cooperations')}</Link> › {c.id}
      </p>
      <h1>{c.name}</h1>
      <p>
        <ProvenanceBadge provenance={c.provenance} /> {t(`legalForm.${c.legalForm}`)} · {c.taskAreas.map((a) => (i18n.language === 'en' ? a.nameEn : a.nameDe)).join(', ')}
      </p>
      {c.provenance === 'GENERATED' && <p className="notice">{t('provenance.generatedHint')}</p>}
      <div className="grid-2">
        <section className="card" aria-labelledby="facts">
          <h2 id="facts">{t('cooperations.facts')}</h2>
          <dl className="facts">
            <dt>{t('cooperations.status')}</dt>
            <dd>{c.status}</dd>
            {c.startDate && (
              <>
                <dt>{t('cooperations.since')}</dt>
                <dd>{c.startDate}</dd>
              </>
            )}
            {c.seat && (
              <>
                <dt>{t('cooperations.seat')}</dt>
                <dd>{c.seat}</dd>
              </>
            )}
            {c.description && (
              <>
                <dt>{t('cooperations.tasks')}</dt>
                <dd>{c.description}</dd>
              </>
            )}
            {c.sourceUrl && (
              <>
                <dt>{t('cooperations.source')}</dt>
                <dd>
                  <a href={c.sourceUrl} rel="noreferrer">
                    {t('cooperations.sourceLink')}
                  </a>
                </dd>
              </>
            )}
            {c.remark && (
              <>
                <dt>{t('cooperations.remark')}</dt>
                <dd>{c.remark}</dd>
              </>
            )}
          </dl>
          <h2>{t('cooperations.members')}</h2>
          <ul>
            {c.members.map((m) => (
              <li key={m.key}>
                {m.kind === 'MUNICIPALITY' ? <Link to={`/kommune/${m.key}`}>{m.name}</Link> : m.name} <span className="muted">({t(`role.${m.role}`)})</span>
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="members-map">
          <h2 id="members-map">{t('cooperations.map')}</h2>
          <LazyShapeMap shapes={shapes} label={t('cooperations.map')} height={360} />
        </section>
      </div>
    </>
  );
}

export default CooperationDetailPage;
