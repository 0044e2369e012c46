// The coercer of long lists (src/limits/input-coercer.ts) against graphql-js's own coerceInputValue,
// the reference. The law, on any value: where the coercer answers, graphql-js accepts the value and
// coerces it to the same thing (null and absent keys apart, plain objects); where graphql-js refuses
// the value, the coercer answers UNSURE and leaves the refusal to graphql-js. A schema of its own
// with every kind of input type (nested lists, an enum, a scalar that throws, non-null and defaulted
// fields, a nested and a self-referring input object, a oneOf input); no database.
import fc from 'fast-check';
import {
  coerceInputValue,
  GraphQLEnumType,
  GraphQLError,
  GraphQLFloat,
  type GraphQLInputField,
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  GraphQLString,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { inputCoercer, UNSURE } from '../src/limits/input-coercer.ts';

const SEED = Number(process.env.FC_SEED ?? 20_261_130);
/** Each run coerces one small value twice (well under a millisecond); 400 keep the file under a second. */
const RUNS = Number(process.env.FC_RUNS ?? 400);
console.info(`fast-check seed ${SEED} (FC_SEED), ${RUNS} runs per property (FC_RUNS)`);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/**
 * A date: refuses a value that is not a string with a TypeError (graphql-js wraps it), a string of
 * another shape with a GraphQLError, answers undefined for '' (graphql-js then refuses it) and null
 * for 'none' (an accepted null).
 */
const Day = new GraphQLScalarType({
  name: 'Day',
  parseValue(value) {
    if (typeof value !== 'string') throw new TypeError('a day is a string');
    if (value === '') return undefined;
    if (value === 'none') return null;
    if (!DAY.test(value)) throw new GraphQLError(`"${value}" is not a day`);
    return new Date(`${value}T00:00:00Z`);
  },
});
/** A scalar without parseValue: graphql-js takes the value as it is, whatever it is. */
const Anything = new GraphQLScalarType({ name: 'Anything' });
const Level = new GraphQLEnumType({ name: 'Level', values: { PROVINCE: {}, DISTRICT: {}, COMMUNE: {} } });
const Place = new GraphQLInputObjectType({
  name: 'Place',
  fields: {
    latitude: { type: new GraphQLNonNull(GraphQLFloat) },
    longitude: { type: new GraphQLNonNull(GraphQLFloat) },
  },
});
const Pick = new GraphQLInputObjectType({
  name: 'Pick',
  isOneOf: true,
  fields: { code: { type: GraphQLString }, place: { type: Place } },
});
const Area: GraphQLInputObjectType = new GraphQLInputObjectType({
  name: 'Area',
  fields: () => ({
    code: { type: new GraphQLNonNull(GraphQLString) },
    level: { type: Level, defaultValue: 'COMMUNE' },
    population: { type: GraphQLInt },
    share: { type: new GraphQLNonNull(GraphQLFloat), defaultValue: 0.8 },
    grid: { type: new GraphQLList(new GraphQLList(GraphQLInt)) },
    tags: { type: new GraphQLList(new GraphQLNonNull(GraphQLString)) },
    opens: { type: Day },
    note: { type: Anything },
    place: { type: Place },
    stops: {
      type: new GraphQLList(new GraphQLNonNull(Place)),
      defaultValue: [{ latitude: 18.6, longitude: 105.6 }],
    },
    pick: { type: Pick },
    parent: { type: Area },
  }),
});

/** The types a variable may be declared with, long lists of areas first among them. */
const TYPES: GraphQLInputType[] = [
  new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Area))),
  new GraphQLList(Area),
  Area,
  new GraphQLNonNull(Area),
  new GraphQLList(new GraphQLList(GraphQLInt)),
  new GraphQLList(new GraphQLNonNull(GraphQLString)),
  new GraphQLNonNull(Level),
  new GraphQLList(Day),
  Place,
  Pick,
];

/** Anything at all: wrong types, NaN, numbers beyond 32 bits, nested arrays and objects, dates. */
const anything: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, undefined, true, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, -0, 1.5, ''),
    fc.integer(),
    fc.double(),
    fc.string({ maxLength: 6 }),
    fc.constantFrom('COMMUNE', 'commune', '2021-03-22', '2021-3-22', 'none', 'latitude'),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('code', 'latitude', 'tags', 'colour', '0'), tie('value'), { maxKeys: 3 }),
    fc.constant(new Date(0)),
  ),
})).value;

/** Without a prototype, as JSON.parse never makes them but a caller may. */
const withoutPrototype = (record: Record<string, unknown>): Record<string, unknown> =>
  Object.assign(Object.create(null) as Record<string, unknown>, record);

/** Mostly what `type` accepts, now and then with one thing wrong: values where both sides answer and refuse. */
function valueFor(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  const nullable = getNullableType(type);
  let fitting: fc.Arbitrary<unknown>;
  let wrong: fc.Arbitrary<unknown> = anything;
  if (isListType(nullable)) {
    const item = valueFor(nullable.ofType, depth);
    // A single value where a list is expected is a list of one; a Set is a list too.
    fitting = fc.oneof(
      { arbitrary: fc.array(item, { maxLength: 4 }), weight: 4 },
      { arbitrary: item, weight: 1 },
      { arbitrary: fc.array(item, { maxLength: 3 }).map((items) => new Set(items)), weight: 1 },
    );
  } else if (isInputObjectType(nullable)) {
    // Nested objects mostly absent, or nearly every area would hold a oneOf input or a fault.
    const fieldValue = (field: GraphQLInputField) =>
      isInputObjectType(getNullableType(field.type))
        ? fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, valueFor(field.type, depth - 1))
        : valueFor(field.type, depth - 1);
    const fields = Object.values(nullable.getFields());
    fitting =
      depth <= 0
        ? fc.constant({})
        : fc.record(Object.fromEntries(fields.map((field) => [field.name, fieldValue(field)])), {
            requiredKeys: [],
          });
    // A field the type does not define (`__proto__` as an own key), an object without prototype,
    // an array where an object is expected (graphql-js takes an empty one as an object).
    wrong = fc.oneof(
      fc
        .tuple(fitting, fc.constantFrom('colour', 'Code', '__proto__'))
        .map(([given, unknown]) => ({ ...(given as object), [unknown]: 1 })),
      fc.constant([]),
      fitting.map((given) => Object.values(given as object)),
      anything,
    );
    fitting = fc.oneof(
      { arbitrary: fitting, weight: 4 },
      { arbitrary: fitting.map((given) => withoutPrototype(given as Record<string, unknown>)), weight: 1 },
    );
  } else if (isEnumType(nullable)) {
    fitting = fc.constantFrom(...nullable.getValues().map((value) => value.name));
    wrong = fc.constantFrom('commune', 'Commune', 0);
  } else if (nullable === Day) {
    fitting = fc.constantFrom('2021-03-22', '1999-12-31', 'none');
    wrong = fc.constantFrom('', '2021-3-22', 20210322, new Date(0));
  } else if (nullable === GraphQLInt) {
    fitting = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    wrong = fc.constantFrom(2 ** 31, 1.5, '7', Number.NaN, true);
  } else if (nullable === GraphQLFloat) {
    fitting = fc.double({ noNaN: true, noDefaultInfinity: true });
    wrong = fc.constantFrom('1.5', Number.NaN, Number.POSITIVE_INFINITY);
  } else if (nullable === GraphQLString) {
    fitting = fc.string({ maxLength: 4 });
    wrong = fc.constantFrom(7, true, ['a']);
  } else {
    fitting = anything;
  }
  return fc.oneof(
    { arbitrary: fitting, weight: 40 },
    { arbitrary: fc.constantFrom(null, undefined), weight: isNonNullType(type) ? 1 : 4 },
    { arbitrary: wrong, weight: 2 },
  );
}

/** What graphql-js answers: the coerced value, or the messages of its refusal. */
function coercedByGraphql(value: unknown, type: GraphQLInputType) {
  const refusals: string[] = [];
  const coerced = coerceInputValue(value, type, (path, _invalid, error) => {
    refusals.push(`${path.join('.')}: ${error.message}`);
  });
  return { coerced, refusals };
}

describe('the coercer of long lists against graphql-js', () => {
  it('answers only what graphql-js answers, and leaves to graphql-js every value it refuses', () => {
    const seen = { answered: 0, refused: 0, unsure: 0 };
    const typed = fc
      .nat(TYPES.length - 1)
      .chain((t) =>
        fc.tuple(
          fc.constant(t),
          fc.oneof({ arbitrary: valueFor(TYPES[t] as GraphQLInputType, 3), weight: 5 }, anything),
        ),
      );
    fc.assert(
      fc.property(typed, ([t, value]) => {
        const type = TYPES[t] as GraphQLInputType;
        const expected = coercedByGraphql(value, type);
        const answered = inputCoercer(type)(value);
        if (expected.refusals.length > 0) {
          seen.refused += 1;
          expect(answered, expected.refusals.join('; ')).toBe(UNSURE);
        } else if (answered === UNSURE) {
          seen.unsure += 1;
        } else {
          seen.answered += 1;
          expect(answered).toStrictEqual(expected.coerced);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.info(
      `coerced by both ${seen.answered}, refused by graphql-js ${seen.refused}, left to it ${seen.unsure}`,
    );
    // Neither side of the law may go untried: a tenth of the runs at least each.
    expect(seen.answered).toBeGreaterThan(RUNS / 10);
    expect(seen.refused).toBeGreaterThan(RUNS / 10);
  });

  it('tells an object without prototype from a plain one, as the law above relies on', () => {
    expect(withoutPrototype({ code: 'a' })).not.toStrictEqual({ code: 'a' });
    expect({ code: 'a', population: null }).not.toStrictEqual({ code: 'a' });
  });
});
