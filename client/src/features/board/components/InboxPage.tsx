import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../../shared/account/dates';
import { RequireRole } from '../../../shared/account/RequireRole';
import { ApiErrorMessage } from '../../../shared/errors';
import { Link } from '../../../shared/i18n/links';
import { ParamProblems, unknownParameters } from '../../../shared/params/ParamProblems';
import { UnreadCountQuery } from '../../../shared/inbox/InboxLink';
import { InboxQuery, MarkNoticesReadMutation } from '../api/board';
import '../board.css';
import { appendPage, LoadMoreButton } from './LoadMore';

const PAGE = 20;

function Inbox() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const unreadOnly = search.get('ungelesen') === '1';
  const { data, error, loading, fetchMore, refetch } = useQuery(InboxQuery, { variables: { unreadOnly, first: PAGE }, fetchPolicy: 'cache-and-network' });
  const [mark, markState] = useMutation(MarkNoticesReadMutation, { refetchQueries: [UnreadCountQuery] });
  const [marked, setMarked] = useState<number | null>(null);
  const en = i18n.language === 'en';
  const run = async (input: { noticeIds?: string[]; all?: boolean }) => {
    try {
      const result = await mark({ variables: { input } });
      setMarked(result.data!.markNoticesRead.updated);
      await refetch();
    } catch {
      // Shown below.
    }
  };
  const problems = [
    ...unknownParameters(search, ['ungelesen'], t('params.unknown')),
    ...(search.get('ungelesen') && !unreadOnly ? [{ name: 'ungelesen', value: search.get('ungelesen')!, applied: t('params.unknown') }] : []),
  ];
  const inbox = data?.inbox;
  return (
    <>
      <ParamProblems problems={problems} />
      <p>{t('inbox.intro')}</p>
      <div className="page-actions inbox-actions">
        <label className="checkbox-option">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(e) => {
              const next = new URLSearchParams(search);
              if (e.target.checked) next.set('ungelesen', '1');
              else next.delete('ungelesen');
              setSearch(next, { replace: true });
            }}
          />{' '}
          {t('inbox.onlyUnread')}
        </label>
        <button
          type="button"
          className="button-secondary"
          disabled={markState.loading || !inbox || inbox.unreadCount === 0}
          onClick={() => void run({ all: true })}
        >
          {t('inbox.markAll')}
        </button>
      </div>
      {marked !== null && (
        <p className="success" role="status">
          {t('inbox.marked', { count: marked })}
        </p>
      )}
      {markState.error && <ApiErrorMessage error={markState.error} />}
      {error && <ApiErrorMessage error={error} />}
      {!inbox && !error && <p role="status">{t('common.loading')}</p>}
      {inbox && (
        <>
          <p role="status" data-testid="inbox-unread">
            {t('inbox.unread', { count: inbox.unreadCount })}
          </p>
          {inbox.edges.length === 0 ? (
            <p className="card">{t('inbox.empty')}</p>
          ) : (
            <ul className="plain-list notice-list" aria-label={t('inbox.title')}>
              {inbox.edges.map(({ node }) => {
                const text = en ? node.textEn : node.textDe;
                return (
                  <li key={node.id} className={`card inbox-notice${node.read ? '' : ' inbox-unread'}`} data-testid="notice">
                    <p className="inbox-head">
                      {!node.read && <span className="badge inbox-new">{t('inbox.newBadge')}</span>}{' '}
                      <strong>{t(`inbox.kind.${node.kind}`, { defaultValue: '' })}</strong>{' '}
                      <span className="muted small">{formatDateTime(node.createdAt, i18n.language)}</span>
                    </p>
                    <p>{text}</p>
                    {/* The office's message to both sides of a proposal (also in the notice text once the server puts it there). */}
                    {node.proposal?.message && !text.includes(node.proposal.message) && (
                      <p className="quote" data-testid="notice-proposal-message">
                        <span className="muted small">{t('inbox.proposalMessage')}: </span>
                        {node.proposal.message}
                      </p>
                    )}
                    <p className="row-actions">
                      {node.idea ? (
                        // Opening the idea is reading the notice: it is marked read on the way (not awaited, so the link is not held up).
                        <Link
                          to={`/boerse/${node.idea.id}`}
                          onClick={() => {
                            if (!node.read) void mark({ variables: { input: { noticeIds: [node.id] } } }).catch(() => undefined);
                          }}
                        >
                          {t('inbox.toIdea')}: {node.idea.title}
                        </Link>
                      ) : (
                        <span className="muted">{t('inbox.ideaGone')}</span>
                      )}
                      {!node.read && (
                        <button
                          type="button"
                          className="button-secondary small"
                          disabled={markState.loading}
                          aria-label={t('inbox.markReadLabel', { text })}
                          onClick={() => void run({ noticeIds: [node.id] })}
                        >
                          {t('inbox.markRead')}
                        </button>
                      )}
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
          <LoadMoreButton
            pageInfo={inbox.pageInfo}
            loading={loading}
            label={t('inbox.more')}
            onMore={(after) => void fetchMore({ variables: { after }, updateQuery: appendPage('inbox') })}
          />
        </>
      )}
    </>
  );
}

/** /postfach: the signed-in account's notices of the Kooperationsbörse, in the reader's language, with "mark read". */
export function InboxPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('inbox.title')}</h1>
      <RequireRole role="ANY">{() => <Inbox />}</RequireRole>
    </>
  );
}

export default InboxPage;
