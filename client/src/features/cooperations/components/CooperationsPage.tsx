import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorMessage } from '../../../shared/errors';
import { allowed, CooperationFilterFields, LEGAL_FORMS, PROVENANCES, STATUSES } from '../../../shared/components/CooperationFilterFields';
import { ConfidenceBadge, SourceLink, StatusBadge } from '../../../shared/cooperation/CooperationMarks';
import { CooperationDirectoryQuery } from '../api/cooperations';

const PAGE = 25;

/**
 * The cooperation directory; filters and position live in the URL. The position is the list of the server's
 * (opaque) end cursors of the pages visited, so "next" appends one and "previous" drops the last.
 */
export function CooperationsPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const cursors = (search.get('nach') ?? '').split(',').filter(Boolean);
  const filter = {
    taskArea: search.get('aufgabe') || undefined,
    legalForm: allowed(search.get('rechtsform'), LEGAL_FORMS),
    provenance: allowed(search.get('herkunft'), PROVENANCES),
    status: allowed(search.get('status'), STATUSES),
  };
  const after = cursors.at(-1);
  const withCursors = (list: string[]) => {
    const next = new URLSearchParams(search);
    if (list.length > 0) next.set('nach', list.join(','));
    else next.delete('nach');
    return `?${next.toString()}`;
  };
  const { data, previousData, loading, error } = useQuery(CooperationDirectoryQuery, { variables: { filter, first: PAGE, after } });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('nach');
    setSearch(next, { replace: true });
  };
  const result = data ?? previousData;
  return (
    <>
      <h1>{t('cooperations.title')}</h1>
      <p className="lead">{t('cooperations.intro')}</p>
      <form className="card finder-form" onSubmit={(e) => e.preventDefault()}>
        <CooperationFilterFields idPrefix="f" taskAreas={result?.taskAreas ?? []} values={filter} onChange={set} allTasksLabel={t('cooperations.all')} withStatus />
      </form>
      {error && <ApiErrorMessage error={error} />}
      {!result && loading && <p role="status">{t('common.loading')}</p>}
      {result && (
        <>
          <p role="status">{t('cooperations.count', { count: result.cooperations.totalCount })}</p>
          <table className="table directory" aria-busy={loading} data-testid="directory">
            <caption className="sr-only">{t('cooperations.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cooperations.name')}</th>
                <th scope="col">{t('cooperations.legalForm')}</th>
                <th scope="col">{t('finder.taskArea')}</th>
                <th scope="col">{t('cooperations.status')}</th>
                <th scope="col">{t('confidence.label')}</th>
                <th scope="col">{t('source.label')}</th>
              </tr>
            </thead>
            <tbody>
              {result.cooperations.edges.map(({ node }) => (
                <tr key={node.id} data-testid="cooperation-row">
                  <td>
                    <Link to={`/kooperationen/${node.id}`}>{node.name}</Link>
                    {node.memberCount === 0 && <span className="muted small"> ({t('members.unknownShort')})</span>}
                  </td>
                  <td>{t(`legalForm.${node.legalForm}`)}</td>
                  <td>{node.taskAreas.map((a) => (i18n.language === 'en' ? a.nameEn : a.nameDe)).join(', ')}</td>
                  <td>
                    <StatusBadge status={node.status} />
                  </td>
                  <td>
                    <ConfidenceBadge confidence={node.confidence} compact />
                  </td>
                  <td>{node.sourceUrl ? <SourceLink url={node.sourceUrl} date={node.sourceDate} label={false} /> : <span className="muted">{t('source.none')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav aria-label={t('cooperations.pages')} className="pager">
            {cursors.length > 0 && (
              <Link to={withCursors(cursors.slice(0, -1))}>← {t('cooperations.previous')}</Link>
            )}{' '}
            {result.cooperations.pageInfo.hasNextPage && result.cooperations.pageInfo.endCursor && (
              <Link to={withCursors([...cursors, result.cooperations.pageInfo.endCursor])}>{t('cooperations.next')} →</Link>
            )}
          </nav>
        </>
      )}
    </>
  );
}

export default CooperationsPage;
