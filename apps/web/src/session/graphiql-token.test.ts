import { describe, expect, it } from 'vitest';
import { type KeyValueStorage, setGraphiQLToken } from './graphiql-token.ts';

function storage(entries: Record<string, string> = {}): KeyValueStorage & { entries: Map<string, string> } {
  const map = new Map(Object.entries(entries));
  return {
    entries: map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

/** Two tabs as GraphiQL 5 stores them (graphql-yoga persists headers), one with a header of its own. */
const TWO_TABS = JSON.stringify({
  tabs: [
    {
      id: 'a',
      hash: null,
      title: '<untitled>',
      query: '{ viewer { name } }',
      variables: null,
      headers: null,
      operationName: null,
      response: null,
    },
    {
      id: 'b',
      hash: null,
      title: 'Plan',
      query: 'query Plan { scenarios { name } }',
      variables: '{}',
      headers: '{"x-trace": "1", "authorization": "Bearer old"}',
      operationName: 'Plan',
      response: null,
    },
  ],
  activeTabIndex: 1,
});

const headersOf = (kept: ReturnType<typeof storage>) =>
  (
    JSON.parse(kept.entries.get('graphiql:tabState') ?? '{}') as { tabs: { headers: string | null }[] }
  ).tabs.map((tab) => (tab.headers === null ? null : JSON.parse(tab.headers)));

describe('setGraphiQLToken', () => {
  it('gives a GraphiQL never opened the token as its headers, in the form its editor shows', () => {
    const kept = storage();
    setGraphiQLToken(kept, 'tok3n', true);
    expect(kept.entries.get('graphiql:headers')).toBe('{\n  "Authorization": "Bearer tok3n"\n}');
    expect(kept.entries.has('graphiql:tabState')).toBe(false);
  });

  it('puts the token in every stored tab, replacing an older one and keeping other headers', () => {
    const kept = storage({ 'graphiql:headers': '{"x-trace": "1"}', 'graphiql:tabState': TWO_TABS });
    setGraphiQLToken(kept, 'tok3n', true);
    expect(JSON.parse(kept.entries.get('graphiql:headers') ?? '')).toEqual({
      'x-trace': '1',
      Authorization: 'Bearer tok3n',
    });
    expect(headersOf(kept)).toEqual([
      { Authorization: 'Bearer tok3n' },
      { 'x-trace': '1', Authorization: 'Bearer tok3n' },
    ]);
    const state = JSON.parse(kept.entries.get('graphiql:tabState') ?? '');
    expect(state.activeTabIndex).toBe(1);
    expect(state.tabs[1].query).toBe('query Plan { scenarios { name } }');
  });

  it('takes the token back on sign-out and leaves a token a developer typed in', () => {
    const kept = storage({ 'graphiql:tabState': TWO_TABS });
    setGraphiQLToken(kept, 'tok3n', true);
    setGraphiQLToken(kept, 'tok3n', false);
    expect(kept.entries.has('graphiql:headers')).toBe(false);
    expect(headersOf(kept)).toEqual([null, { 'x-trace': '1' }]);

    const typed = storage({ 'graphiql:headers': '{"Authorization": "Bearer mine"}' });
    setGraphiQLToken(typed, 'tok3n', false);
    expect(typed.entries.get('graphiql:headers')).toBe('{"Authorization": "Bearer mine"}');
  });

  it('replaces headers text GraphiQL could not send, and drops it on sign-out when it holds the token', () => {
    const kept = storage({ 'graphiql:headers': '{"Authorization": "Bearer tok3n"' });
    setGraphiQLToken(kept, 'tok3n', false);
    expect(kept.entries.has('graphiql:headers')).toBe(false);
    setGraphiQLToken(kept, 'tok3n', true);
    kept.entries.set('graphiql:headers', '{ half typed');
    setGraphiQLToken(kept, 'tok3n', true);
    expect(kept.entries.get('graphiql:headers')).toBe('{\n  "Authorization": "Bearer tok3n"\n}');
  });
});
