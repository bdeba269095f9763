import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../config.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export interface StaticFile {
  body: Buffer;
  type: string;
}

const portalDir = path.join(repoRoot, 'examples', 'housing-portal');
const widgetsDist = path.join(repoRoot, 'widgets', 'dist');

/**
 * Maps a request path to a file the gateway serves: the example housing portal at `/`, and each
 * widget bundle at `/widgets/<tag>.js`. Anything else, or anything escaping those folders, is null.
 */
export function resolveStatic(urlPath: string): string | null {
  const widget = /^\/widgets\/(sg-[a-z-]+)\.js$/.exec(urlPath);
  if (widget) return path.join(widgetsDist, `${widget[1]}.bundle.js`);
  const relative = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath.slice(1));
  const file = path.resolve(portalDir, relative);
  if (!file.startsWith(portalDir + path.sep)) return null;
  if (!(path.extname(file) in TYPES)) return null;
  return file;
}

export async function readStatic(urlPath: string): Promise<StaticFile | null> {
  let file: string | null;
  try {
    file = resolveStatic(urlPath);
  } catch {
    return null; // malformed percent-encoding
  }
  if (!file) return null;
  try {
    return { body: await readFile(file), type: TYPES[path.extname(file)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
