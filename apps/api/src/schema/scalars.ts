import { GraphQLError } from 'graphql';
import { DateTime } from 'luxon';
import { builder } from '../builder.ts';

function parseIsoDate(value: unknown): string {
  if (typeof value === 'string' && DateTime.fromFormat(value, 'yyyy-MM-dd', { zone: 'utc' }).isValid)
    return value;
  throw new GraphQLError(`Date must be an ISO date yyyy-MM-dd, got ${JSON.stringify(value)}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

builder.scalarType('Date', {
  description: 'A calendar date, ISO yyyy-MM-dd, in the campaign time zone.',
  serialize: (value) => value,
  parseValue: parseIsoDate,
});

builder.scalarType('DateTime', {
  description: 'An instant, ISO 8601 with offset.',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const parsed = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(parsed.getTime())) {
      throw new GraphQLError(`DateTime must be an ISO 8601 instant, got ${JSON.stringify(value)}`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return parsed;
  },
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
    throw new GraphQLError('File must be a file sent as a multipart request part', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});

function isFile(value: unknown): value is File {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<File>;
  return (
    typeof file.arrayBuffer === 'function' && typeof file.size === 'number' && typeof file.name === 'string'
  );
}
