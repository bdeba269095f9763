import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { repoRoot } from '../config.js';
import type { Send } from './respond.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Checked with the server on every use (cheaply: the ETag answers 304 when unchanged). */
export const REVALIDATE = 'no-cache';
/** A versioned file name never changes content, so browsers and CDNs may keep it for a year. */
export const FOREVER = 'public, max-age=31536000, immutable';
/**
 * The widget bundles and their manifest are public code and no personal data: any web page may
 * load them (CORS `*`, so never with credentials, and CORP cross-origin). The API is what checks
 * the page's origin. docs/security.md ("Embedding the widgets") says why.
 */
const EMBEDDABLE = { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' };

export interface StaticFile {
  body: Buffer;
  type: string;
  /** cache-control, etag and, for the widgets, the cross-origin headers. */
  headers: Record<string, string>;
}

/**
 * The documentation site's pages are public and hold no personal data. VitePress writes inline
 * `style` attributes (code highlighting, layout), so its pages allow inline styles; scripts stay
 * `'self'` only (docs/.vitepress/config.mts moves VitePress's inline scripts into files).
 */
const DOCS_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

export interface Resolved {
  file: string;
  headers: Record<string, string>;
}

const portalDir = path.join(repoRoot, 'examples', 'housing-portal');
const widgetsDist = path.join(repoRoot, 'widgets', 'dist');
const docsDist = path.join(repoRoot, 'docs', '.vitepress', 'dist');

/**
 * The documentation site (`pnpm docs:build`) at `/docs`: `/docs` and `/docs/` are its home page,
 * a path without an extension is that page's `.html` (VitePress's clean URLs), and `/docs/assets/`
 * holds files named by their content, kept a year.
 */
function docsFile(rest: string): Resolved | null {
  let relative = decodeURIComponent(rest).replace(/^\//, '');
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  else if (!path.extname(relative)) relative += '.html';
  const file = path.resolve(docsDist, relative);
  if (!file.startsWith(docsDist + path.sep) || !(path.extname(file) in TYPES)) return null;
  const cache = relative.startsWith('assets/') ? FOREVER : REVALIDATE;
  return { file, headers: { 'cache-control': cache, 'content-security-policy': DOCS_POLICY } };
}

/**
 * Maps a request path to a file the gateway serves, and how: the example housing portal at `/`;
 * each widget bundle at `/widgets/<tag>.js` (the latest) and `/widgets/<tag>.<hash>.js` (that
 * build's, as `widgets/scripts/bundle.mjs` names it); the ES module build with shared chunks under
 * `/widgets/esm/` (entries and chunks named by content, and `/widgets/esm/<tag>.js`, the latest
 * entry); their names and integrity at
 * `/widgets/manifest.json`; the documentation site at `/docs`. Anything else, or anything escaping
 * those folders, is null.
 */
export function resolveStatic(urlPath: string): Resolved | null {
  const widgets = (file: string, cache: string): Resolved => ({
    file: path.join(widgetsDist, file),
    headers: { ...EMBEDDABLE, 'cache-control': cache },
  });
  const widget = /^\/widgets\/(sg-[a-z-]+)(\.[0-9a-f]{16})?\.js$/.exec(urlPath);
  if (widget) {
    const [, tag, version] = widget;
    return version ? widgets(`${tag}${version}.js`, FOREVER) : widgets(`${tag}.bundle.js`, REVALIDATE);
  }
  // The shared-chunk build: every entry and chunk named by esbuild's content hash, and each
  // widget's latest entry by its tag alone (what it imports is named by content).
  const module = /^\/widgets\/esm\/(?:((?:sg-[a-z-]+|chunk)\.[A-Z0-9]{8})|(sg-[a-z-]+))\.js$/.exec(urlPath);
  if (module) {
    const [, versioned, latest] = module;
    return versioned ? widgets(`esm/${versioned}.js`, FOREVER) : widgets(`esm/${latest}.js`, REVALIDATE);
  }
  if (urlPath === '/widgets/manifest.json') return widgets('manifest.json', REVALIDATE);
  if (urlPath === '/docs' || urlPath.startsWith('/docs/')) return docsFile(urlPath.slice('/docs'.length));
  const relative = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath.slice(1));
  const file = path.resolve(portalDir, relative);
  if (!file.startsWith(portalDir + path.sep)) return null;
  if (!(path.extname(file) in TYPES)) return null;
  return { file, headers: { 'cache-control': REVALIDATE } };
}

export type Resolver = (urlPath: string) => Resolved | null;

export async function readStatic(
  urlPath: string,
  resolve: Resolver = resolveStatic,
): Promise<StaticFile | null> {
  let resolved: Resolved | null;
  try {
    resolved = resolve(urlPath);
  } catch {
    return null; // malformed percent-encoding
  }
  if (!resolved) return null;
  let body: Buffer;
  try {
    body = await readFile(resolved.file);
  } catch {
    return null;
  }
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return {
    body,
    type: TYPES[path.extname(resolved.file)] ?? 'application/octet-stream',
    headers: { ...resolved.headers, etag },
  };
}

/** Whether an If-None-Match header names this ETag (weak or strong, in a list, or `*`). */
function unchanged(ifNoneMatch: string | undefined, etag: string): boolean {
  return (ifNoneMatch ?? '')
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/**
 * Answers a GET or HEAD for a static file: 200, 304 when the browser's copy is current, or 404.
 * `resolve` maps the path to a file (by default the portal's and the widgets').
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  urlPath: string,
  send: Send,
  resolve: Resolver = resolveStatic,
) {
  const file = req.method === 'GET' || req.method === 'HEAD' ? await readStatic(urlPath, resolve) : null;
  if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  if (unchanged(req.headers['if-none-match'], file.headers.etag!)) {
    return send(res, 304, '', file.type, file.headers);
  }
  send(res, 200, file.body, file.type, file.headers);
}
