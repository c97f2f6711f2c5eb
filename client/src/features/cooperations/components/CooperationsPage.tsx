import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Link } from '../../../shared/i18n/links';
import { ApiErrorMessage } from '../../../shared/errors';
import { allowed, CooperationFilterFields, LEGAL_FORMS, PROVENANCES, STATUSES } from '../../../shared/components/CooperationFilterFields';
import { ConfidenceBadge, SourceLink, StatusBadge } from '../../../shared/cooperation/CooperationMarks';
import { ParamProblems, unknownParameters, type ParamProblem } from '../../../shared/params/ParamProblems';
import { CooperationDirectoryQuery } from '../api/cooperations';
import { TaskAreaNames } from '../../../shared/taskArea/TaskAreaName';

const PAGE = 25;
const PARAMETERS = ['suche', 'aufgabe', 'rechtsform', 'herkunft', 'status', 'nach'];

/**
 * The cooperation directory; filters and position live in the URL. The position is the list of the server's
 * (opaque) end cursors of the pages visited, so "next" appends one and "previous" drops the last.
 */
export function CooperationsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const cursors = (search.get('nach') ?? '').split(',').filter(Boolean);
  const text = search.get('suche') ?? '';
  // The search box writes to the address a moment after typing stops, so each keystroke is not a request.
  const [draft, setDraft] = useState(text);
  // The address changes under the box too (back button, a link): then the box shows the address again.
  // eslint-disable-next-line react-hooks/set-state-in-effect -- syncing with the router's URL, an outside source
  useEffect(() => setDraft(text), [text]);
  const requestedTask = search.get('aufgabe') || undefined;
  const filter = {
    search: text.trim() || undefined,
    taskArea: requestedTask,
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
  const { data: taskData } = useQuery(CooperationDirectoryQuery, { variables: { first: 1 } });
  const taskKnown = !requestedTask || !taskData || taskData.taskAreas.some((a) => a.id === requestedTask);
  // An unknown task area is named and dropped, so the filter shown ("alle") is the filter applied.
  const applied = { ...filter, taskArea: taskKnown ? filter.taskArea : undefined };
  const { data, previousData, loading, error } = useQuery(CooperationDirectoryQuery, { variables: { filter: applied, first: PAGE, after }, skip: !taskData });
  const problems: ParamProblem[] = [
    ...unknownParameters(search, PARAMETERS, t('params.unknown')),
    ...(taskKnown ? [] : [{ name: 'aufgabe', value: requestedTask!, applied: t('params.taskArea') }]),
    ...(
      [
        ['rechtsform', LEGAL_FORMS, 'params.legalForm'],
        ['herkunft', PROVENANCES, 'params.provenance'],
        ['status', STATUSES, 'params.status'],
      ] as const
    )
      .filter(([name, values]) => search.get(name) && !allowed(search.get(name), values as readonly string[]))
      .map(([name, , key]) => ({ name, value: search.get(name)!, applied: t(key) })),
  ];
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('nach');
    setSearch(next, { replace: true });
  };
  useEffect(() => {
    if (draft.trim() === text.trim()) return;
    const timer = setTimeout(() => set('suche', draft.trim()), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft]);
  const result = data ?? previousData;
  return (
    <>
      <h1>{t('cooperations.title')}</h1>
      <p className="lead">{t('cooperations.intro')}</p>
      <ParamProblems problems={problems} />
      <form className="card finder-form" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field field-wide">
          <label htmlFor="f-search">{t('cooperations.search')}</label>
          <input id="f-search" type="search" value={draft} maxLength={80} onChange={(e) => setDraft(e.target.value)} />
        </div>
        <CooperationFilterFields
          idPrefix="f"
          taskAreas={taskData?.taskAreas ?? []}
          values={applied}
          onChange={set}
          allTasksLabel={t('cooperations.all')}
          withStatus
        />
      </form>
      {error && <ApiErrorMessage error={error} />}
      {!result && loading && <p role="status">{t('common.loading')}</p>}
      {result && (
        <>
          <p role="status">{t('cooperations.count', { count: result.cooperations.totalCount })}</p>
          <div className="table-scroll">
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
                    <td>
                      <TaskAreaNames areas={node.taskAreas} />
                    </td>
                    <td>
                      <StatusBadge status={node.status} />
                    </td>
                    <td>
                      <ConfidenceBadge confidence={node.confidence} compact />
                    </td>
                    <td>
                      {node.sourceUrl ? (
                        <SourceLink url={node.sourceUrl} date={node.sourceDate} label={false} />
                      ) : (
                        <span className="muted">{t('source.none')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label={t('cooperations.pages')} className="pager">
            {cursors.length > 0 && <Link to={withCursors(cursors.slice(0, -1))}>← {t('cooperations.previous')}</Link>}{' '}
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
