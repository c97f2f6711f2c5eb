interface Connection {
  edges: readonly unknown[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * Appends the next page of the connection under `key` to the one already shown (for Apollo's `fetchMore`): the board's
 * lists grow in place, so nothing read so far scrolls away.
 */
export function appendPage<K extends string>(key: K) {
  return <T extends { [P in K]: Connection }>(previous: T, { fetchMoreResult }: { fetchMoreResult: T }): T => ({
    ...fetchMoreResult,
    [key]: { ...fetchMoreResult[key], edges: [...previous[key].edges, ...fetchMoreResult[key].edges] },
  });
}

/** „Weitere … laden“ under a list while the connection has more; `onMore` gets the cursor to continue after. */
export function LoadMoreButton({
  pageInfo,
  loading,
  label,
  onMore,
}: {
  pageInfo: Connection['pageInfo'];
  loading: boolean;
  label: string;
  onMore: (after: string | null) => void;
}) {
  if (!pageInfo.hasNextPage) return null;
  return (
    <p>
      <button type="button" className="button-secondary" disabled={loading} onClick={() => onMore(pageInfo.endCursor ?? null)}>
        {label}
      </button>
    </p>
  );
}
