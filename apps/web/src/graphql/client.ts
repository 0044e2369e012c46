// One urql client per signed-in token, with graphcache as its normalised cache. Types that carry
// an `id` are keyed by it; areas and teams by their code; every other object is data of its parent
// (a plan's rows, a forecast), so the cache stores it where it was asked for.
import { cacheExchange, type KeyingConfig } from '@urql/exchange-graphcache';
import { Client, fetchExchange } from 'urql';
import schema from '../gql/introspection.ts';

const KEYED_BY_CODE = new Set(['Area', 'Team']);

function keysOf(): KeyingConfig {
  const keys: KeyingConfig = {};
  for (const type of schema.__schema.types) {
    if (type.kind !== 'OBJECT' || type.name.startsWith('__')) continue;
    if (type.name === 'Query' || type.name === 'Mutation' || type.name === 'Subscription') continue;
    const fields = 'fields' in type && Array.isArray(type.fields) ? type.fields : [];
    const hasId = fields.some((field: { name: string }) => field.name === 'id');
    if (KEYED_BY_CODE.has(type.name)) {
      keys[type.name] = (data) =>
        (data.id as string | undefined) ?? (data.code as string | undefined) ?? null;
    } else if (!hasId) {
      keys[type.name] = () => null;
    }
  }
  return keys;
}

export function createApiClient(token: string | null): Client {
  return new Client({
    url: '/graphql',
    requestPolicy: 'cache-and-network',
    // POST with a JSON body: passes CSRF prevention, which refuses simple GET requests.
    preferGetMethod: false,
    exchanges: [cacheExchange({ schema, keys: keysOf() }), fetchExchange],
    fetchOptions: (): RequestInit => (token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  });
}
