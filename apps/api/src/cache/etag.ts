// `ETag` and `If-None-Match` for GraphQL queries sent with GET: the tag hashes the request's
// parameters, the caller (its token, so no two callers share a tag) and the versions of the stored
// data, read before the query runs. Every answer depends on those alone (no query field reads the
// clock), so an unchanged tag means an unchanged answer: the query is not run and the answer is
// 304 Not Modified. Answers with errors get no tag (a limit or a refusal may not recur).
import { createHash } from 'node:crypto';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.ts';
import { prisma } from '../db.ts';
import { dataVersions } from './data-versions.ts';

/** A tag for each client to revalidate every time; proxies keep nothing (answers are per caller). */
const CACHE_CONTROL = 'private, no-cache';

type Tagged = { tag: string; notModified: boolean };

/** True when `If-None-Match` lists `tag` (weak comparison, `*` for any). */
function matches(ifNoneMatch: string | null, tag: string): boolean {
  if (ifNoneMatch === null) return false;
  const bare = (value: string) => value.trim().replace(/^W\//, '');
  return ifNoneMatch
    .split(',')
    .some((candidate) => candidate.trim() === '*' || bare(candidate) === bare(tag));
}

export function useETag(): Plugin {
  const tagged = new WeakMap<Request, Tagged>();
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as unknown as Context;
      const { request } = context;
      if (request.method !== 'GET') return;
      if (getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
      const versions = await dataVersions(context.memo, prisma);
      const digest = createHash('sha256')
        .update(JSON.stringify([new URL(request.url).search, context.principal?.tokenId ?? null, versions]))
        .digest('base64url')
        .slice(0, 32);
      const tag = `W/"${digest}"`;
      const notModified = matches(request.headers.get('if-none-match'), tag);
      tagged.set(request, { tag, notModified });
      if (notModified) setResultAndStopExecution({ data: null });
    },
    onResultProcess({ request, result, setResultProcessor, acceptableMediaTypes }) {
      const entry = tagged.get(request);
      if (!entry) return;
      if (Array.isArray(result) || Symbol.asyncIterator in result || result.errors?.length) {
        tagged.delete(request);
        return;
      }
      if (!entry.notModified) return;
      setResultProcessor(
        (_result, fetchAPI) =>
          new fetchAPI.Response(null, {
            status: 304,
            headers: { etag: entry.tag, 'cache-control': CACHE_CONTROL, vary: 'Authorization' },
          }),
        acceptableMediaTypes[0] ?? 'application/json',
      );
    },
    onResponse({ request, response }) {
      const entry = tagged.get(request);
      if (!entry || entry.notModified || response.status !== 200) return;
      response.headers.set('etag', entry.tag);
      response.headers.set('cache-control', CACHE_CONTROL);
      response.headers.append('vary', 'Authorization');
    },
  };
}
