import type { ApolloClient } from '@apollo/client';

/** Root fields that stay when the register changes: who is signed in, and the office's own lists (refetched). */
const KEEP = new Set(['me', '__typename']);

/**
 * After a write to the register (an approval, a direct edit), nothing fetched before may be shown from the cache:
 * profiles, rankings, lists and the network all depend on it. Every root field but the session is dropped, so the
 * next page that needs one asks the API again — without resetStore's refetch of everything, which would also throw
 * the page that made the change (and its success message) away while `me` reloads.
 */
export function forgetRegister(client: ApolloClient): void {
  const root = (client.cache.extract() as Record<string, Record<string, unknown> | undefined>).ROOT_QUERY ?? {};
  const fields = new Set(Object.keys(root).map((key) => key.split(/[:(]/)[0]!));
  for (const field of fields) if (!KEEP.has(field)) client.cache.evict({ id: 'ROOT_QUERY', fieldName: field });
  client.cache.gc();
}

/**
 * After signing in or out: everything cached was fetched as someone else. Resets the store; a query of the page
 * being left that the new caller may not make is not an error here.
 */
export async function resetSession(client: ApolloClient): Promise<void> {
  try {
    await client.resetStore();
  } catch {
    // e.g. "Meine Meldungen" refetched while signing out: UNAUTHENTICATED, and the page is being left anyway.
  }
}
