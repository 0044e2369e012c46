// Variables holding a long list (a what-if's 20,000 areas, a batch of 5,000 reports) are coerced
// once, a slice at a time with the event loop free between slices, before the cost estimate; the
// estimate and execution then read the coerced values as they are. Left to graphql-js, each of
// them calls getVariableValues on the raw variables, in one go: about 70 ms per 20,000 areas on
// the development machine, twice, while every other request waits.
//
// How execution is made to read them as they are: the variable's definition is retyped, for the
// estimate and execution only (validation has already run on the document as sent), to a scalar
// that takes its value unchanged, in a copy of the schema that has that scalar besides its own
// types. A value a slice cannot coerce leaves the request as it came: graphql-js then refuses it
// with its usual message naming the variable and the item.
import {
  coerceInputValue,
  type DocumentNode,
  type GraphQLInputType,
  GraphQLScalarType,
  GraphQLSchema,
  getNullableType,
  getOperationAST,
  isInputObjectType,
  isInputType,
  isListType,
  Kind,
  type NamedTypeNode,
  type OperationDefinitionNode,
  typeFromAST,
  type VariableDefinitionNode,
} from 'graphql';
import { inputCoercer, UNSURE } from './input-coercer.ts';
import { afterOrdinaryRequests } from './ordinary-first.ts';

/** A list this long or longer, at the top of a variable or directly in its fields, is coerced in slices. */
export const LONG_LIST_ITEMS = 1000;
/**
 * Items coerced between two turns of the event loop: under 1 ms of work where input-coercer.ts
 * decides (AreaInput, the widest item, under 1 µs), about 5 ms where every item is left to
 * graphql-js (a oneOf input, about 10 µs an item), so a request waiting behind a slice waits that
 * long, not the whole list.
 */
export const ITEMS_PER_SLICE = 500;

/** Takes a variable's value as it is: the value was coerced to the variable's declared type already. */
const COERCED = new GraphQLScalarType({
  name: 'MusterCoercedVariable',
  description: 'Internal: a variable whose value was coerced to its declared type before execution.',
  parseValue: (value) => value,
  serialize: (value) => value,
  parseLiteral: () => {
    throw new TypeError('MusterCoercedVariable has no literal form.');
  },
});

const COERCED_TYPE: NamedTypeNode = { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: COERCED.name } };

const withCoerced = new WeakMap<GraphQLSchema, GraphQLSchema>();

/** `schema` and the pass-through scalar: the same type objects, so the same resolvers and extensions. */
function schemaWithCoerced(schema: GraphQLSchema): GraphQLSchema {
  let copy = withCoerced.get(schema);
  if (!copy) {
    const config = schema.toConfig();
    copy = new GraphQLSchema({ ...config, types: [...config.types, COERCED] });
    withCoerced.set(schema, copy);
  }
  return copy;
}

const isLongList = (value: unknown): value is unknown[] =>
  Array.isArray(value) && value.length >= LONG_LIST_ITEMS;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when `value` is a long list or an object with a long list in one of its fields. */
function holdsLongList(value: unknown): boolean {
  return isLongList(value) || (isRecord(value) && Object.values(value).some(isLongList));
}

/** Thrown inside a slice when an item cannot be coerced: the request is then left as it came. */
class NotCoercible extends Error {}

function refuse(): never {
  throw new NotCoercible();
}

/** A list's items coerced to `itemType`, ITEMS_PER_SLICE at a time, each slice after the ordinary requests. */
async function coerceItems(items: readonly unknown[], itemType: GraphQLInputType): Promise<unknown[]> {
  const coerced = new Array<unknown>(items.length);
  const coerce = inputCoercer(itemType);
  for (let start = 0; start < items.length; start += ITEMS_PER_SLICE) {
    await afterOrdinaryRequests();
    const end = Math.min(items.length, start + ITEMS_PER_SLICE);
    for (let index = start; index < end; index++) {
      const item = coerce(items[index]);
      coerced[index] = item === UNSURE ? coerceInputValue(items[index], itemType, refuse) : item;
    }
  }
  return coerced;
}

/** `value` (which holds a long list) coerced to `type` as graphql-js would, the long lists in slices. */
async function coerceInSlices(value: unknown, type: GraphQLInputType): Promise<unknown> {
  const nullable = getNullableType(type);
  if (isListType(nullable) && isLongList(value)) return coerceItems(value, nullable.ofType);
  if (!isInputObjectType(nullable) || !isRecord(value)) return coerceInputValue(value, type, refuse);
  // The object with its long lists emptied, then each list put back coerced: the same value as
  // coercing it whole (a field's list is coerced item by item either way).
  const fields = nullable.getFields();
  const long = Object.keys(value).filter((name) => isLongList(value[name]) && fields[name] !== undefined);
  const shell = coerceInputValue(
    { ...value, ...Object.fromEntries(long.map((name) => [name, []])) },
    type,
    refuse,
  ) as Record<string, unknown>;
  for (const name of long) {
    const fieldType = getNullableType((fields[name] as { type: GraphQLInputType }).type);
    shell[name] = isListType(fieldType)
      ? await coerceItems(value[name] as unknown[], fieldType.ofType)
      : coerceInputValue(value[name], fieldType, refuse);
  }
  return shell;
}

export type CoercedRequest = {
  schema: GraphQLSchema;
  document: DocumentNode;
  variableValues: Record<string, unknown>;
  /** The variables coerced here (the long ones). */
  coercedNames: readonly string[];
};

/**
 * The request with its long variables coerced in slices, for the estimate and execution to read
 * as they are; null at once when no variable holds a long list (the usual case: nothing to do, no
 * turn of the event loop spent), and a promise of null when one cannot be coerced (graphql-js
 * then refuses it, naming it).
 *
 * @example
 * const coerced = await coerceLongVariables({ schema, document, variableValues: { input } });
 * // → { schema: <schema + MusterCoercedVariable>, document: <$input retyped>, variableValues: { input: <coerced> }, coercedNames: ['input'] }
 */
export function coerceLongVariables(request: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null | undefined;
  variableValues?: Record<string, unknown> | null | undefined;
}): Promise<CoercedRequest | null> | null {
  const variables = request.variableValues ?? {};
  const operation = getOperationAST(request.document, request.operationName);
  const long = (operation?.variableDefinitions ?? []).filter((definition) =>
    holdsLongList(variables[definition.variable.name.value]),
  );
  if (!operation || long.length === 0) return null;
  return coerceInTurns(request.schema, request.document, operation, long, variables);
}

async function coerceInTurns(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  long: readonly VariableDefinitionNode[],
  variables: Record<string, unknown>,
): Promise<CoercedRequest | null> {
  const coerced: Record<string, unknown> = {};
  for (const definition of long) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    if (!type || !isInputType(type)) return null;
    try {
      coerced[name] = await coerceInSlices(variables[name], type);
    } catch (error) {
      if (error instanceof NotCoercible) return null;
      throw error;
    }
  }
  const retyped: OperationDefinitionNode = {
    ...operation,
    variableDefinitions: (operation.variableDefinitions ?? []).map(
      (definition): VariableDefinitionNode =>
        long.includes(definition)
          ? { ...definition, type: COERCED_TYPE, defaultValue: undefined }
          : definition,
    ),
  };
  return {
    schema: schemaWithCoerced(schema),
    document: {
      ...document,
      definitions: document.definitions.map((definition) =>
        definition === operation ? retyped : definition,
      ),
    },
    variableValues: { ...variables, ...coerced },
    coercedNames: Object.keys(coerced),
  };
}
