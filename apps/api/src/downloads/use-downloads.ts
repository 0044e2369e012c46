// The download endpoints beside GraphQL, answered before yoga's GraphQL handling:
// `GET /templates/<kind>.<xlsx|csv>` and `GET /export/<view>.<xlsx|csv>`.
import type { Plugin } from 'graphql-yoga';
import type { RunGraphQL } from './_internal/ask-graphql.ts';
import { METHOD_REFUSAL, refusalLanguageOf, refuse, SERVER_REFUSAL } from './_internal/responses.ts';
import { exportResponse, isExportPath } from './exports.ts';
import { isTemplatePath, templateResponse } from './templates.ts';

/** Paths the download endpoints answer (the HTTP server sends them to yoga). */
export function isDownloadPath(pathname: string): boolean {
  return isTemplatePath(pathname) || isExportPath(pathname);
}

/** `run` asks the service's own schema as the caller (exports mirror its queries). */
export function useDownloads(run: RunGraphQL): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (!isDownloadPath(url.pathname)) return;
      const language = refusalLanguageOf(url);
      if (request.method !== 'GET') {
        endResponse(refuse(language, 405, 'METHOD_NOT_ALLOWED', METHOD_REFUSAL, undefined, { allow: 'GET' }));
        return;
      }
      const answer = isTemplatePath(url.pathname) ? templateResponse(url) : exportResponse(request, url, run);
      return answer.then(endResponse, () =>
        endResponse(refuse(language, 500, 'INTERNAL_SERVER_ERROR', SERVER_REFUSAL)),
      );
    },
  };
}
