// Reading a GraphQL subscription over Server-Sent Events (graphql-yoga's distinct connections
// mode) as a dashboard would: `event: next` with a JSON result, `event: complete` at the end.
import type { GraphQLResponse } from './graphql.ts';

/** The results of an event stream, in order, until `complete` or the end of the body. */
export async function* sseResults<T>(response: Response): AsyncGenerator<GraphQLResponse<T>> {
  if (!response.body) return;
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of response.body) {
    buffered += decoder.decode(chunk, { stream: true });
    for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
      const message = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const lines = message.split('\n');
      const event = lines
        .find((line) => line.startsWith('event:'))
        ?.slice(6)
        .trim();
      if (event === 'complete') return;
      const data = lines
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (data !== '') yield JSON.parse(data) as GraphQLResponse<T>;
    }
  }
}

/** The request that opens a subscription: POST with `Accept: text/event-stream`. */
export function subscriptionRequest(query: string, token: string, signal: AbortSignal): RequestInit {
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ query }),
    signal,
  };
}
