import type { PlanningInputErrorCode } from '@muster/planning';
import { GraphQLError, type ValueNode, valueFromASTUntyped } from 'graphql';
import { DateTime } from 'luxon';
import { builder } from '../builder.ts';

/**
 * A scalar's refusal, with why in `reason` as every refusal of an argument says it (`format`, the
 * codes of `InputError.code`). Written in the document, the value's node goes with it: graphql-js
 * passes a literal's GraphQLError on as it is, and limits/literal-fields.ts finds the argument by
 * the node; sent in a variable, graphql-js's refusal takes this one's extensions, and yoga.ts
 * names the variable.
 */
function refused(message: string, reason: PlanningInputErrorCode, node?: ValueNode): GraphQLError {
  return new GraphQLError(message, {
    ...(node ? { nodes: node } : {}),
    extensions: { code: 'BAD_USER_INPUT', reason },
  });
}

function parseIsoDate(value: unknown, node?: ValueNode): string {
  if (typeof value === 'string' && DateTime.fromFormat(value, 'yyyy-MM-dd', { zone: 'utc' }).isValid)
    return value;
  throw refused(`Date must be an ISO date yyyy-MM-dd, got ${JSON.stringify(value)}`, 'format', node);
}

function parseInstant(value: unknown, node?: ValueNode): Date {
  const parsed = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(parsed.getTime()))
    throw refused(`DateTime must be an ISO 8601 instant, got ${JSON.stringify(value)}`, 'format', node);
  return parsed;
}

builder.scalarType('Date', {
  description: 'A calendar date, ISO yyyy-MM-dd, in the campaign time zone.',
  serialize: (value) => value,
  parseValue: (value) => parseIsoDate(value),
  parseLiteral: (node, variables) => parseIsoDate(valueFromASTUntyped(node, variables), node),
});

builder.scalarType('DateTime', {
  description: 'An instant, ISO 8601 with offset.',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => parseInstant(value),
  parseLiteral: (node, variables) => parseInstant(valueFromASTUntyped(node, variables), node),
});

builder.scalarType('File', {
  description:
    'A file sent with the request as a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec): XLSX or CSV, at most 20 MiB.',
  serialize: () => {
    throw new GraphQLError('A File is only sent, never answered.');
  },
  // yoga hands over its fetch implementation's File, which need not be this runtime's global class.
  parseValue: (value) => {
    if (isFile(value)) return value;
    throw refused('File must be a file sent as a multipart request part', 'type');
  },
  parseLiteral: (node) => {
    throw refused(
      'File must be a file sent as a multipart request part, not written in the document',
      'type',
      node,
    );
  },
});

function isFile(value: unknown): value is File {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<File>;
  return (
    typeof file.arrayBuffer === 'function' && typeof file.size === 'number' && typeof file.name === 'string'
  );
}
