import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/account/dates';
import { RequireRole } from '../../../shared/account/RequireRole';
import { ApiErrorMessage } from '../../../shared/errors';
import { AuditLogQuery } from '../api/account';

const PAGE = 50;

/** One page of the log; the last one offers the next (each page is its own query, no cache merging needed). */
function AuditRows({ after, last, onMore }: { after: string | null; last: boolean; onMore: (cursor: string) => void }) {
  const { t, i18n } = useTranslation();
  const { data, error, loading } = useQuery(AuditLogQuery, { variables: { first: PAGE, after }, fetchPolicy: 'network-only' });
  if (error) return <ApiErrorMessage error={error} />;
  if (loading || !data) return <p role="status">{t('common.loading')}</p>;
  const log = data.auditLog;
  return (
    <>
      {after === null && <p>{t('audit.count', { count: log.totalCount })}</p>}
      <div className="table-scroll">
        <table className="table">
          <caption className="sr-only">{t('audit.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.target')}</th>
              <th scope="col">{t('audit.address')}</th>
              <th scope="col">{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {log.edges.map(({ node: e }) => (
              <tr key={e.id} data-testid="audit-row">
                <td>{formatDateTime(e.at, i18n.language)}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>{e.actorId ? <code>{e.actorId.slice(0, 8)}</code> : <span className="muted">{t('audit.anonymous')}</span>}</td>
                <td>{e.targetId ? <code>{e.targetId.slice(0, 12)}</code> : '–'}</td>
                <td>{e.address ?? '–'}</td>
                <td className="small">{e.detail ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {last && log.pageInfo.hasNextPage && log.pageInfo.endCursor && (
        <button type="button" className="button-secondary" onClick={() => onMore(log.pageInfo.endCursor!)}>
          {t('audit.more')}
        </button>
      )}
    </>
  );
}

function AuditTable() {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  return (
    <section className="card">
      {cursors.map((after, index) => (
        <AuditRows key={after ?? 'first'} after={after} last={index === cursors.length - 1} onMore={(cursor) => setCursors((list) => [...list, cursor])} />
      ))}
    </section>
  );
}

export function AuditLogPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <RequireRole role="ADMIN">{() => <AuditTable />}</RequireRole>
    </>
  );
}

export default AuditLogPage;
