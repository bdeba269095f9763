/*
 * What every connection (a page of a list) is asked for, and its shape. Internal to this package.
 */

/** The count and page info every connection is asked for. */
export const PAGE = `totalCount
    pageInfo {
      hasNextPage
      endCursor
    }`;

export interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: T }[];
}
