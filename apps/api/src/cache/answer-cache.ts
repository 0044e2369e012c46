// Whole answers to queries, keyed on the document, its variables (both as the digest of a POSTed
// body), the caller (its token, so no two callers share anything) and the versions of the stored
// data, read before the query runs.
// No query field reads the clock, so under an unchanged key the answer is unchanged:
// - a query asked again is answered from the answers kept across requests (the bounded cache of
//   shared-cache.ts), without running;
// - a GET query carries the key as its `ETag`, and `If-None-Match` with it is 304 Not Modified.
// Answers with errors, or whose computations were refused or stopped by the request's limits,
// are neither kept nor tagged: they may not recur.
import { createHash } from 'node:crypto';
import type { ExecutionResult } from 'graphql';
import { type DocumentNode, getOperationAST, print } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.ts';
import { prisma } from '../db.ts';
import { bodyDigestOf } from './body-digest.ts';
import { dataVersions } from './data-versions.ts';
import { keepValue, keptValue } from './shared-cache.ts';

/** A tag for each client to revalidate every time; proxies keep nothing (answers are per caller). */
const CACHE_CONTROL = 'private, no-cache';
/** Estimated bytes an answer kept weighs per character of its JSON. */
const BYTES_PER_CHARACTER = 3;

type Keyed = { tag: string; notModified: boolean; get: boolean };

/** True when `If-None-Match` lists `tag` (weak comparison, `*` for any). */
function matches(ifNoneMatch: string | null, tag: string): boolean {
  if (ifNoneMatch === null) return false;
  const bare = (value: string) => value.trim().replace(/^W\//, '');
  return ifNoneMatch
    .split(',')
    .some((candidate) => candidate.trim() === '*' || bare(candidate) === bare(tag));
}

/** Documents come from yoga's parse cache: the same text, the same object, printed once. */
const printed = new WeakMap<DocumentNode, string>();
function textOf(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

function isPlainResult(result: unknown): result is ExecutionResult {
  return typeof result === 'object' && result !== null && !(Symbol.asyncIterator in result);
}

export function useAnswerCache(): Plugin {
  const keyed = new WeakMap<Request, Keyed>();
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as unknown as Context;
      const { request } = context;
      if (getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
      let versions: Awaited<ReturnType<typeof dataVersions>>;
      try {
        versions = await dataVersions(context.memo, prisma);
      } catch {
        // No versions to key on (a database not migrated yet): the query runs, untagged and not kept.
        return;
      }
      // A POSTed query by its body's digest (its document, operation and variables as sent), taken
      // when it was read; a GET by the document and variables themselves.
      const body = bodyDigestOf(request);
      const asked =
        body !== undefined
          ? ['body', body]
          : [textOf(args.document), args.operationName ?? null, args.variableValues ?? {}];
      const digest = createHash('sha256')
        .update(JSON.stringify([...asked, context.principal?.tokenId ?? null, versions]))
        .digest('base64url')
        .slice(0, 32);
      const tag = `W/"${digest}"`;
      const get = request.method === 'GET';
      const notModified = get && matches(request.headers.get('if-none-match'), tag);
      keyed.set(request, { tag, notModified, get });
      if (notModified) {
        setResultAndStopExecution({ data: null });
        return;
      }
      const kept = keptValue<ExecutionResult>(`answer:${digest}`);
      if (kept !== undefined) {
        setResultAndStopExecution(kept);
        return;
      }
      return {
        onExecuteDone({ result }) {
          // Refused or stopped by the request's limits: neither kept nor tagged.
          if (context.work.refused) keyed.delete(request);
          if (!isPlainResult(result) || result.errors?.length || context.work.refused) return;
          keepValue(`answer:${digest}`, result, JSON.stringify(result).length * BYTES_PER_CHARACTER);
        },
      };
    },
    onResultProcess({ request, result, setResultProcessor, acceptableMediaTypes }) {
      const entry = keyed.get(request);
      if (!entry) return;
      if (Array.isArray(result) || !isPlainResult(result) || result.errors?.length) {
        keyed.delete(request);
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
      const entry = keyed.get(request);
      if (!entry?.get || entry.notModified || response.status !== 200) return;
      response.headers.set('etag', entry.tag);
      response.headers.set('cache-control', CACHE_CONTROL);
      response.headers.append('vary', 'Authorization');
    },
  };
}
