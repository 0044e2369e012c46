// The SHA-256 of a JSON request's body, taken from its bytes once, as it is read: what the answer
// cache keys a POSTed query on, and what names its long variables (a what-if's 20,000 areas) for
// the plan keys, in place of hashing the parsed values again. Hashing 1.6 MB of bytes takes about
// 2 ms; writing a 20,000-area variable back out as JSON to hash it took 7–14 ms of the main
// thread, once for the answer's key and once for the plan's.
//
// A long body (LONG_BODY_BYTES or more) is read in the heavy lane, as a short one is read here:
// JSON.parse of a 20,000-area what-if held the main thread 10–20 ms in one piece, and every
// request arriving meanwhile waited. Its long lists come back as columns, built into rows a slice
// at a time. A body the lane does not read (mostly outside long lists, nested deeper than
// variables may be, or the lane busy for a second) is read here by yoga's own parser, unless its
// client has gone meanwhile: then nothing reads it. A body that is not JSON, or not an object, is
// refused as yoga refuses it, by the lane or here, but without the body in the error: whatwg-node
// adds the whole text to the parser's message, and yoga sent it back (a 200 KB body that is not
// JSON came back as a 200 KB error). Both readers skip a leading byte order mark, as UTF-8
// decoding does (yoga's did not).
//
// The variables of a body the lane read nest no deeper than limits/nesting.ts allows (the lane
// reads no deeper body): they are not walked again here.
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga';
import { bodyText, type JsonRefusal, withoutByteOrderMark } from '../compute/_internal/body-text.ts';
import { readJsonInHeavyLane } from '../compute/pool.ts';
import { markVariablesChecked } from '../limits/nesting.ts';
import { afterOrdinaryRequests, LONG_BODY_BYTES } from '../limits/ordinary-first.ts';

const digests = new WeakMap<Request, string>();

/** The digest of the request's JSON body; undefined for a GET, a multipart upload or a batch. */
export function bodyDigestOf(request: Request): string | undefined {
  return digests.get(request);
}

const isJson = (request: Request): boolean =>
  request.method === 'POST' &&
  /^application\/(graphql\+)?json\b/i.test(request.headers.get('content-type') ?? '');

/** What a request whose client closed the connection before its body was read answers (to nobody). */
const clientGone = () =>
  createGraphQLError('The client closed the request before its body was read.', {
    extensions: { code: 'CLIENT_CLOSED_REQUEST', http: { status: 499 } },
  });

/** What yoga's `parsePOSTJsonRequest` answers a body that is not JSON or not an object, the body left out. */
function refusal(refused: JsonRefusal): GraphQLError {
  if (refused.kind === 'not an object') {
    return createGraphQLError(`POST body is expected to be object but received ${refused.received}`, {
      extensions: { http: { status: 400 }, code: 'BAD_REQUEST' },
    });
  }
  const { name, message } = refused;
  return createGraphQLError('POST body sent invalid JSON.', {
    extensions: { http: { spec: true, status: 400 }, code: 'BAD_REQUEST', originalError: { name, message } },
  });
}

/** yoga's refusal of a body that is not JSON with the parser's own message, less the body whatwg-node appends to it. */
function withoutBodyEchoed(error: unknown, bytes: Uint8Array): unknown {
  const original = error instanceof GraphQLError ? error.extensions.originalError : undefined;
  if (typeof original !== 'object' || original === null) return error;
  const { name, message } = original as { name?: unknown; message?: unknown };
  if (name !== 'SyntaxError' || typeof message !== 'string') return error;
  const echo = `, "${bodyText(bytes)}" is not valid JSON`;
  if (!message.endsWith(echo)) return error;
  return refusal({ kind: 'not json', name, message: message.slice(0, -echo.length) });
}

/** The yoga plugin: reads a JSON body as bytes, hashes them, and reads them in the heavy lane or with yoga's own parser. */
export function useBodyDigest(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (requestParser === undefined || !isJson(request)) return;
      const parse = requestParser;
      setRequestParser(async (sent) => {
        const bytes = new Uint8Array(await sent.arrayBuffer());
        const digest = createHash('sha256').update(bytes).digest('base64url');
        if (bytes.byteLength >= LONG_BODY_BYTES) {
          // A long body is read in the heavy lane, as yoga would read it. One the lane did not
          // read is read here, in one piece, after the ordinary requests.
          const body = await readJsonInHeavyLane(bytes, request.signal);
          // A client gone while its body waited for the lane: nobody is left to read an answer.
          if ('unread' in body && body.unread === 'client gone') throw clientGone();
          if ('refused' in body) throw refusal(body.refused);
          if ('read' in body) {
            if (!Array.isArray(body.read)) {
              digests.set(request, digest);
              markVariablesChecked((body.read as { variables?: unknown }).variables);
            }
            return body.read as GraphQLParams | GraphQLParams[];
          }
          await afterOrdinaryRequests();
        }
        let params: Awaited<ReturnType<typeof parse>>;
        try {
          // Without a byte order mark, as the heavy lane reads a long body.
          const body = withoutByteOrderMark(bytes);
          params = await parse(
            new fetchAPI.Request(sent.url, { method: 'POST', headers: sent.headers, body }),
          );
        } catch (error) {
          throw withoutBodyEchoed(error, bytes);
        }
        // Kept under the request the context holds (the parser is handed a copy of it, its body
        // limited). One operation per body: a batch's operations would share it.
        if (!Array.isArray(params)) digests.set(request, digest);
        return params;
      });
    },
  };
}
