// The planners' web app (apps/web/dist) served by the API process beside /graphql: files with
// their types and caching, the app's page for every other path (the app routes in the browser),
// and nothing from outside the dist folder.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `pnpm --filter @muster/web build` writes the app. */
export const DEFAULT_WEB_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

// Vite names every file under assets/ by its content hash: a changed file is a new URL.
const IMMUTABLE = 'public, max-age=31536000, immutable';
// The page names the current assets, so the browser asks again each time (a 304 when unchanged).
const REVALIDATE = 'no-cache';

/**
 * The app loads nothing from outside the service: the browser refuses any other origin. Styles
 * may be inline (chart colours are set per element).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Muster</title>
<p>Ứng dụng web chưa được dựng. Chạy <code>pnpm start</code> (tự dựng) hoặc <code>pnpm --filter @muster/web build</code>.</p>
<p>The web app is not built. Run <code>pnpm start</code> (it builds it) or <code>pnpm --filter @muster/web build</code>.</p>
<p>GraphQL: <a href="/graphql">/graphql</a></p>`;

function plain(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

/** The file's path inside `root`, or null when the request names something outside it. */
function insideRoot(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const resolved = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  return resolved === root || resolved.startsWith(root + path.sep) ? resolved : null;
}

type Found = { file: string; size: number; mtimeMs: number };

/** A regular file whose real path (symlinks followed) is still inside `realRoot`. */
async function findFile(realRoot: string, file: string): Promise<Found | null> {
  try {
    const real = await realpath(file);
    if (!real.startsWith(realRoot + path.sep)) return null;
    const stats = await stat(real);
    return stats.isFile() ? { file: real, size: stats.size, mtimeMs: stats.mtimeMs } : null;
  } catch {
    return null;
  }
}

function send(req: IncomingMessage, res: ServerResponse, found: Found, cacheControl: string): void {
  const etag = `W/"${found.size.toString(16)}-${Math.floor(found.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[path.extname(found.file)] ?? 'application/octet-stream',
    'cache-control': cacheControl,
    etag,
    'x-content-type-options': 'nosniff',
  };
  if (found.file.endsWith('.html')) {
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    headers['referrer-policy'] = 'no-referrer';
  }
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers['content-length'] = String(found.size);
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(found.file).pipe(res);
}

/**
 * Answers a GET or HEAD for the web app from `webDir`: the file when it exists, a 404 for a
 * missing file with an extension (a stale asset), else the app's `index.html` (its routes).
 */
export async function serveWebApp(req: IncomingMessage, res: ServerResponse, webDir: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    plain(res, 405, 'Method not allowed.');
    return;
  }
  const root = path.resolve(webDir);
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    plain(res, 503, NOT_BUILT, 'text/html; charset=utf-8');
    return;
  }
  const pathname = new URL(req.url ?? '/', 'http://app').pathname;
  const file = insideRoot(root, pathname);
  if (file === null) {
    plain(res, 400, 'Bad path.');
    return;
  }
  const found = file === root ? null : await findFile(realRoot, file);
  if (found) {
    send(req, res, found, pathname.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
    return;
  }
  if (path.posix.extname(pathname) !== '') {
    plain(res, 404, 'Not found.');
    return;
  }
  const page = await findFile(realRoot, path.join(root, 'index.html'));
  if (!page) {
    plain(res, 503, NOT_BUILT, 'text/html; charset=utf-8');
    return;
  }
  send(req, res, page, REVALIDATE);
}
