// The SHA-256 of a JSON request's body, taken from its bytes once, as it is read: what the answer
// cache keys a POSTed query on, and what names its long variables (a what-if's 20,000 areas) for
// the plan keys, in place of hashing the parsed values again. Hashing 1.6 MB of bytes takes about
// 2 ms; writing a 20,000-area variable back out as JSON to hash it took 7–14 ms of the main
// thread, once for the answer's key and once for the plan's.
import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { afterOrdinaryRequests, LONG_BODY_BYTES } from '../limits/ordinary-first.ts';

const digests = new WeakMap<Request, string>();

/** The digest of the request's JSON body; undefined for a GET, a multipart upload or a batch. */
export function bodyDigestOf(request: Request): string | undefined {
  return digests.get(request);
}

const isJson = (request: Request): boolean =>
  request.method === 'POST' &&
  /^application\/(graphql\+)?json\b/i.test(request.headers.get('content-type') ?? '');

/** The yoga plugin: reads a JSON body as bytes, hashes them, and hands them to yoga's own parser. */
export function useBodyDigest(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (requestParser === undefined || !isJson(request)) return;
      const parse = requestParser;
      setRequestParser(async (sent) => {
        const bytes = new Uint8Array(await sent.arrayBuffer());
        // A long body is hashed, decoded and parsed in one piece: after the ordinary requests.
        if (bytes.byteLength >= LONG_BODY_BYTES) await afterOrdinaryRequests();
        const digest = createHash('sha256').update(bytes).digest('base64url');
        const params = await parse(
          new fetchAPI.Request(sent.url, { method: 'POST', headers: sent.headers, body: bytes }),
        );
        // Kept under the request the context holds (the parser is handed a copy of it, its body
        // limited). One operation per body: a batch's operations would share it.
        if (!Array.isArray(params)) digests.set(request, digest);
        return params;
      });
    },
  };
}
