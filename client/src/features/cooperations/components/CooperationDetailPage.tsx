import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfidenceBadge, SourceLink, StatusBadge } from '../../../shared/cooperation/CooperationMarks';
import { MemberList } from '../../../shared/cooperation/MemberList';
import { ApiErrorMessage, errorCode } from '../../../shared/errors';
import { formatPartialDate } from '../../../shared/format';
import { LazyShapeMap, type MapShape } from '../../../shared/map/LazyShapeMap';
import { CooperationDetailQuery, MemberShapesQuery } from '../api/cooperations';

/** The members that are municipalities, on a map; a member's boundary is not part of the cooperation record. */
function MemberMap({ agsList, label }: { agsList: string[]; label: string }) {
  const client = useApolloClient();
  const [shapes, setShapes] = useState<MapShape[]>([]);
  const key = agsList.join(',');
  useEffect(() => {
    let current = true;
    void Promise.all(key.split(',').map((ags) => client.query({ query: MemberShapesQuery, variables: { ags } }))).then((results) => {
      if (!current) return;
      setShapes(results.flatMap((r) => (r.data ? [{ ags: r.data.municipality.ags, label: r.data.municipality.shortName, boundary: r.data.municipality.boundary ?? null, fill: '#6baed6' }] : [])));
    });
    return () => {
      current = false;
    };
  }, [client, key]);
  return <LazyShapeMap shapes={shapes} label={label} height={360} />;
}

export function CooperationDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data, loading, error } = useQuery(CooperationDetailQuery, { variables: { id } });
  const members = data?.cooperation.members;
  const municipalAgs = useMemo(() => (members ?? []).flatMap((m) => (m.kind === 'MUNICIPALITY' && m.key ? [m.key] : [])), [members]);

  if (loading) return <p role="status">{t('common.loading')}</p>;
  if (error) {
    if (errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT') return <p role="alert">{t('cooperations.notFound', { id })}</p>;
    return <ApiErrorMessage error={error} />;
  }
  const c = data!.cooperation;
  const noMembers = c.memberCount === 0 || c.members.length === 0;
  const facts = (
    <section className="card" aria-labelledby="facts">
      <h2 id="facts">{t('cooperations.facts')}</h2>
      <dl className="facts">
        <dt>{t('cooperations.status')}</dt>
        <dd>
          <StatusBadge status={c.status} />
        </dd>
        <dt>{t('confidence.label')}</dt>
        <dd>
          <ConfidenceBadge confidence={c.confidence} compact /> <span className="muted small">{t(`confidence.hint.${c.confidence}`)}</span>
        </dd>
        {c.startYear !== null && c.startYear !== undefined && (
          <>
            <dt>{t('cooperations.since')}</dt>
            <dd>{c.startYear}</dd>
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
        <dt>{t('source.label')}</dt>
        <dd>
          {c.sourceUrl ? (
            <>
              <SourceLink url={c.sourceUrl} label={false} />
              <br />
              <span className="muted small">{c.sourceDate ? t('source.dated', { date: formatPartialDate(c.sourceDate, i18n.language) }) : t('source.undated')}</span>
            </>
          ) : (
            t('source.none')
          )}
        </dd>
        {c.evidence && (
          <>
            <dt>{t('cooperations.evidence')}</dt>
            <dd data-testid="evidence">{c.evidence}</dd>
          </>
        )}
        {c.remark && (
          <>
            <dt>{t('cooperations.remark')}</dt>
            <dd data-testid="remark">{c.remark}</dd>
          </>
        )}
        {c.verifiedAt && (
          <>
            <dt>{t('cooperations.verifiedAt')}</dt>
            <dd>{formatPartialDate(c.verifiedAt.slice(0, 10), i18n.language)}</dd>
          </>
        )}
      </dl>
      <h2>{noMembers ? t('cooperations.members') : t('cooperations.membersCount', { count: c.members.length })}</h2>
      <MemberList members={c.members} memberCount={c.memberCount} />
    </section>
  );
  return (
    <>
      <p className="breadcrumb">
        <Link to="/kooperationen">{t('nav.cooperations')}</Link> › {c.id}
      </p>
      <h1>{c.name}</h1>
      <p>
        {t(`legalForm.${c.legalForm}`)} · {c.taskAreas.map((a) => (i18n.language === 'en' ? a.nameEn : a.nameDe)).join(', ')}
      </p>
      {c.confidence === 'LOW' && <p className="notice">{t('confidence.lowNotice')}</p>}
      {noMembers || municipalAgs.length === 0 ? (
        facts
      ) : (
        <div className="grid-2">
          {facts}
          <section className="card" aria-labelledby="members-map">
            <h2 id="members-map">{t('cooperations.map')}</h2>
            <MemberMap agsList={municipalAgs} label={t('cooperations.map')} />
          </section>
        </div>
      )}
    </>
  );
}

export default CooperationDetailPage;
