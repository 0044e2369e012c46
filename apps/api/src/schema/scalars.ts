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
