// Long lists in the variables are coerced once, a slice at a time, and the estimate and execution
// read them as they are (src/limits/long-variables.ts). graphql-js's own coercion is the reference:
// what execution receives must be what graphql-js would have coerced, and what it would refuse is
// left to it. A schema of its own, so the file needs no database.
import {
  buildSchema,
  execute,
  getOperationAST,
  getVariableValues,
  type OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { coerceLongVariables, ITEMS_PER_SLICE, LONG_LIST_ITEMS } from '../src/limits/long-variables.ts';

const schema = buildSchema(`
  enum Level { PROVINCE DISTRICT COMMUNE }
  input Place { latitude: Float!, longitude: Float! }
  input Area { code: String!, name: String!, parentCode: String, level: Level, population: Int, share: Float = 0.8, place: Place }
  input Campaign { areas: [Area!]!, start: String!, closedWeekdays: [Int!] }
  type Query { plan(campaign: Campaign!, extra: [Area!]): Int }
`);
const document = parse(
  `query ($campaign: Campaign!, $extra: [Area!]) { plan(campaign: $campaign, extra: $extra) }`,
);
const operation = getOperationAST(document) as OperationDefinitionNode;

const areas = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    code: `a${i}`,
    name: `Area ${i}`,
    ...(i === 0 ? {} : { parentCode: 'a0', level: 'COMMUNE', population: 4000 + (i % 500) }),
    ...(i % 7 === 0 ? { place: { latitude: 18.6 + i * 1e-4, longitude: 105.6 } } : {}),
    ...(i % 11 === 0 ? { share: 0.75 } : {}),
    ...(i % 13 === 0 ? { population: null, place: null } : {}),
  }));

/** What graphql-js coerces the variables to, in one go: the reference. */
function coercedByGraphql(variables: Record<string, unknown>) {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (!('coerced' in result) || result.coerced === undefined) throw new Error('graphql-js refused them');
  return result.coerced;
}

describe('variables holding long lists', () => {
  const variables = {
    campaign: { areas: areas(20_000), start: '2021-03-22', closedWeekdays: 7 },
    extra: areas(LONG_LIST_ITEMS),
  };

  it('coerces them to what graphql-js coerces them to, defaults, nulls and lists of one included', async () => {
    const coerced = await coerceLongVariables({ schema, document, variableValues: variables });
    expect(coerced?.variableValues).toStrictEqual(coercedByGraphql(variables));
  });

  it(`lets the event loop turn at least once every ${ITEMS_PER_SLICE} items while it coerces`, async () => {
    let turns = 0;
    let counting = true;
    const count = (): void => {
      turns += 1;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    await coerceLongVariables({ schema, document, variableValues: variables });
    counting = false;
    expect(turns).toBeGreaterThanOrEqual((20_000 + LONG_LIST_ITEMS) / ITEMS_PER_SLICE);
  });

  it('hands execution the coerced values unchanged, and the document as sent still validates', async () => {
    let received: unknown = null;
    const coerced = await coerceLongVariables({ schema, document, variableValues: variables });
    if (coerced === null) throw new Error('nothing coerced');
    const result = await execute({
      ...coerced,
      rootValue: {
        plan: (args: unknown) => {
          received = args;
          return 1;
        },
      },
    });
    expect(result.errors).toBeUndefined();
    expect(received).toEqual(coercedByGraphql(variables));
    expect((received as { campaign: unknown }).campaign).toBe(coerced.variableValues.campaign);
    expect(validate(schema, document)).toEqual([]);
  });

  it.each([
    {
      what: 'an item it cannot coerce, which it refuses naming the item',
      index: 4321,
      change: { population: 'many' },
      refusal: /at "campaign\.areas\[4321\]\.population"/,
    },
    {
      what: 'a field its type does not define, which it refuses naming it',
      index: 17,
      change: { colour: 'red' },
      refusal: /at "campaign\.areas\[17\]"; Field "colour" is not defined/,
    },
  ])('leaves to graphql-js a long list with $what', async ({ index, change, refusal }) => {
    const bad: Record<string, unknown>[] = areas(5000);
    bad[index] = { ...bad[index], ...change };
    const sent = { campaign: { areas: bad, start: '2021-03-22' } };
    await expect(coerceLongVariables({ schema, document, variableValues: sent })).resolves.toBeNull();
    const refused = await execute({ schema, document, variableValues: sent, rootValue: { plan: () => 1 } });
    expect(refused.errors?.[0]?.message).toMatch(refusal);
  });

  it('does nothing, and takes no turn of the event loop, when no list is long', () => {
    const short = { campaign: { areas: areas(LONG_LIST_ITEMS - 1), start: '2021-03-22' } };
    expect(coerceLongVariables({ schema, document, variableValues: short })).toBeNull();
  });
});
