import { Field, ObjectType } from 'type-graphql';
import { BadUserInputError } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

/**
 * Cursors are opaque to clients: base64 of the position in a list that is always sorted with the key as the
 * last tie-breaker, so a cursor stays valid between requests as long as the data does not change.
 */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined) return 0;
  const match = /^o:(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match)
    throw new BadUserInputError(
      'after',
      'Die Seitenposition ist ungültig; bitte von der ersten Seite an blättern.',
      'The page position is not valid; please start again from the first page.',
    );
  return Number(match[1]) + 1;
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new BadUserInputError(
      'first',
      `Die Seitengröße muss zwischen 1 und ${MAX_PAGE_SIZE} liegen.`,
      `The page size must be between 1 and ${MAX_PAGE_SIZE}.`,
    );
  }
  return size;
}

export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

export function toPage<T>(nodes: T[], offset: number, size: number, totalCount: number): Page<T> {
  const edges = nodes.slice(0, size).map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return { edges, pageInfo: { hasNextPage: offset + size < totalCount, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}
