import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Link } from '../../../shared/i18n/links';
import { ConfidenceBadge, SourceLink, StatusBadge } from '../../../shared/cooperation/CooperationMarks';
import { MemberList } from '../../../shared/cooperation/MemberList';
import { ApiErrorMessage, errorCode } from '../../../shared/errors';
import { formatPartialDate } from '../../../shared/format';
import { LazyShapeMap, mapShape } from '../../../shared/map/LazyShapeMap';
import { TaskAreaNames } from '../../../shared/taskArea/TaskAreaName';
import { CooperationDetailQuery } from '../api/cooperations';
import { CooperationContacts, CooperationHistory, CooperationUpkeepBar } from './CooperationUpkeep';

const MEMBER_FILL = '#6baed6';
const LABELLED_MEMBERS = 15;

export function CooperationDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data, loading, error } = useQuery(CooperationDetailQuery, { variables: { id } });

  if (loading) return <p role="status">{t('common.loading')}</p>;
  if (error) {
    if (errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'BAD_USER_INPUT') return <p role="alert">{t('cooperations.notFound', { id })}</p>;
    return <ApiErrorMessage error={error} />;
  }
  const c = data!.cooperation;
  const noMembers = c.memberCount === 0 || c.members.length === 0;
  const places = c.members.flatMap((m) => (m.municipality ? [m.municipality] : []));
  // Named on the map when there are few enough members for the labels to stay legible.
  const shapes = places.map((m) => mapShape(m, MEMBER_FILL, places.length <= LABELLED_MEMBERS ? { mark: { name: m.shortName } } : {}));
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
              <span className="muted small">
                {c.sourceDate ? t('source.dated', { date: formatPartialDate(c.sourceDate, i18n.language) }) : t('source.undated')}
              </span>
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
        <Link to="/kooperationen">{t('nav.cooperations')}</Link> › <span aria-current="page">{c.name}</span>
      </p>
      <h1>{c.name}</h1>
      <p>
        {t(`legalForm.${c.legalForm}`)} · <TaskAreaNames areas={c.taskAreas} />
      </p>
      <CooperationUpkeepBar id={c.id} status={c.status} />
      {c.confidence === 'LOW' && <p className="notice">{t('confidence.lowNotice')}</p>}
      {noMembers || places.length === 0 ? (
        facts
      ) : (
        <div className="grid-2">
          {facts}
          <section className="card" aria-labelledby="members-map">
            <h2 id="members-map">{t('cooperations.map')}</h2>
            <LazyShapeMap shapes={shapes} label={t('cooperations.map')} height={360} legend={[{ label: t('cooperations.mapMembers'), fill: MEMBER_FILL }]} />
          </section>
        </div>
      )}
      <CooperationHistory id={c.id} />
      <CooperationContacts id={c.id} />
    </>
  );
}

export default CooperationDetailPage;
