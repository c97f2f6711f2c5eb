import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { graphql } from '../../gql';
import { Link } from '../i18n/links';

/** Only the count, for the account menu: one small request per page change. */
export const UnreadCountQuery = graphql(`
  query InboxUnreadCount {
    inbox(unreadOnly: true, first: 1) {
      unreadCount
    }
  }
`);

/**
 * "Postfach 2" in the account menu: the number of unread notices of the Kooperationsbörse (issue 12), asked again on
 * every page change — a notice arrives when someone else acts, so nothing in this browser would update it otherwise.
 * In shared/ because the account menu shows it and features do not import each other.
 */
export function InboxLink() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { data, refetch } = useQuery(UnreadCountQuery, { fetchPolicy: 'cache-and-network' });
  const first = useRef(true);
  useEffect(() => {
    // The first page's count comes with the query itself.
    if (first.current) {
      first.current = false;
      return;
    }
    void refetch().catch(() => undefined);
  }, [pathname, refetch]);
  const count = data?.inbox.unreadCount ?? 0;
  // One run of text ("Postfach 2", read as "Postfach 2 ungelesen"), so the link is a single box on every width.
  return (
    <Link to="/postfach" data-testid="inbox-link">
      {t('inbox.menu')}
      {count > 0 && (
        <>
          {' '}
          <span className="inbox-count">
            {count}
            <span className="sr-only"> {t('inbox.unreadSuffix')}</span>
          </span>
        </>
      )}
    </Link>
  );
}
