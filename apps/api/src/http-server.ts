// The HTTP front of the service: yoga behind a request-body limit, so a huge upload is refused
// before anything reads it, and the web app on every other path.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isDownloadPath } from './downloads/use-downloads.ts';
import { serveInTurn } from './limits/ordinary-first.ts';
import { SPREADSHEET_LIMITS } from './spreadsheets/index.ts';
import { DEFAULT_WEB_DIR, serveWebApp } from './web/static-files.ts';
import { yoga } from './yoga.ts';

/** Largest request body accepted: a full `recordActuals` batch of 5,000 reports is about 1 MiB. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/**
 * Largest multipart body (a spreadsheet upload): the file's own limit (20 MiB, refused by the
 * import with `file-too-large` when the body is under this) and 1 MiB for the document and parts.
 */
export const MAX_UPLOAD_BODY_BYTES = SPREADSHEET_LIMITS.maxFileBytes + 1024 * 1024;

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * `/graphql` and below (GraphiQL included), yoga's `/health`, templates and exports go to yoga;
 * the rest is the web app.
 */
function isGraphQL(url: string | undefined): boolean {
  const pathname = (url ?? '/').split('?', 1)[0] ?? '/';
  return (
    pathname === yoga.graphqlEndpoint ||
    pathname.startsWith(`${yoga.graphqlEndpoint}/`) ||
    pathname === '/health' ||
    isDownloadPath(pathname)
  );
}

function handleGraphQL(req: IncomingMessage, res: ServerResponse): void {
  const declared = req.headers['content-length'];
  const multipart = /^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '');
  const limit = multipart ? MAX_UPLOAD_BODY_BYTES : MAX_BODY_BYTES;
  if (declared !== undefined && Number(declared) > limit) {
    const what = multipart ? 'Uploads (multipart bodies)' : 'Request bodies';
    refuse(res, 413, 'PAYLOAD_TOO_LARGE', `${what} are limited to ${limit} bytes.`);
    return;
  }
  if (declared === undefined && req.headers['transfer-encoding'] !== undefined) {
    refuse(res, 411, 'LENGTH_REQUIRED', 'Send the request body with a Content-Length header.');
    return;
  }
  const request = {
    bodyBytes: Number(declared ?? 0),
    eventStream: /\btext\/event-stream\b/i.test(req.headers.accept ?? ''),
  };
  const done = serveInTurn(request, () => void yoga(req, res));
  if (done) res.once('close', done);
}

export type HttpServerOptions = {
  /** The built web app; default `apps/web/dist`. */
  webDir?: string;
};

export function createHttpServer(options: HttpServerOptions = {}): Server {
  const webDir = options.webDir ?? DEFAULT_WEB_DIR;
  return createServer((req, res) => {
    if (isGraphQL(req.url)) {
      handleGraphQL(req, res);
      return;
    }
    serveWebApp(req, res, webDir).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Unexpected error.');
    });
  });
}
