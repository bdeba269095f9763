import path from 'node:path';
import { repoRoot } from '../config.js';
import { FOREVER, REVALIDATE, type Resolved } from './static.js';

/**
 * Development only: GraphiQL at /graphiql, the bundle `pnpm build` makes in packages/graphiql/dist
 * (GraphiQL, its editor and the editor's workers; nothing from a CDN). In production the router
 * never reaches this and /graphiql is 404, like /dev/.
 */
const graphiqlDist = path.join(repoRoot, 'packages', 'graphiql', 'dist');

/**
 * The gateway's policy, but for styles: the editor (monaco) and GraphiQL's menus set inline styles
 * and add style elements as they run. Scripts and workers still come only from the gateway.
 */
const GRAPHIQL_CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export const isGraphiqlPath = (urlPath: string) =>
  urlPath === '/graphiql' || urlPath.startsWith('/graphiql/');

/** `/graphiql` (and `/graphiql/`) is the page; `/graphiql/assets/<name>.<hash>.<ext>` its files. */
export function resolveGraphiql(urlPath: string): Resolved | null {
  const headers = (cache: string) => ({ 'cache-control': cache, 'content-security-policy': GRAPHIQL_CSP });
  if (urlPath === '/graphiql' || urlPath === '/graphiql/') {
    return { file: path.join(graphiqlDist, 'index.html'), headers: headers(REVALIDATE) };
  }
  const asset = /^\/graphiql\/assets\/([\w.-]+)$/.exec(urlPath);
  if (!asset || asset[1]!.startsWith('.')) return null;
  // Vite names each asset by its content, so it may be kept for good.
  return { file: path.join(graphiqlDist, 'assets', asset[1]!), headers: headers(FOREVER) };
}
