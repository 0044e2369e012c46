import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n.tsx';
import { PROBLEM_MESSAGE, problemOf, refusalKindOf } from './problem.ts';

const refused = (code: string) =>
  new CombinedError({ graphQLErrors: [new GraphQLError('refused', { extensions: { code } })] });

describe('problemOf', () => {
  it('says a request over the service’s cost is too large, not that the service failed', () => {
    // 10.000 visitors at a site: "the service failed to answer, try again", which never succeeds.
    expect(problemOf(refused('LIMIT_EXCEEDED'))).toBe('tooLarge');
    expect(translate('vi', PROBLEM_MESSAGE.tooLarge)).toMatch(/^Yêu cầu này quá lớn/);
    expect(problemOf(refused('FORBIDDEN'))).toBe('forbidden');
    expect(problemOf(refused('INTERNAL_SERVER_ERROR'))).toBe('server');
  });

  it('says a request stopped by the service’s time as a busy service, which may answer when asked again', () => {
    const limited = (limit: unknown) =>
      new CombinedError({
        graphQLErrors: [new GraphQLError('stopped', { extensions: { code: 'LIMIT_EXCEEDED', limit } })],
      });
    expect(problemOf(limited('time'))).toBe('busy');
    expect(translate('en', PROBLEM_MESSAGE.busy)).toBe(
      'The service is busy: this took longer than one request may. Try again in a moment.',
    );
    // Over the cost points, or a document over one of its limits (a depth of 12): refused again.
    expect(problemOf(limited('cost'))).toBe('tooLarge');
    expect(problemOf(limited(12))).toBe('tooLarge');
  });
});

describe('refusalKindOf', () => {
  it('tells a refusal by its HTTP status alone or by its code alone', () => {
    // A gateway's bare 401 or 403 has no GraphQL body; a GraphQL answer over HTTP 200 has only codes.
    expect(refusalKindOf(401, [])).toBe('unauthenticated');
    expect(refusalKindOf(403, [undefined])).toBe('forbidden');
    expect(refusalKindOf(200, ['UNAUTHENTICATED'])).toBe('unauthenticated');
    expect(refusalKindOf(undefined, ['INTERNAL_SERVER_ERROR', 'LIMIT_EXCEEDED'])).toBe('tooLarge');
    expect(refusalKindOf(404, ['NOT_FOUND'])).toBeNull();
    expect(refusalKindOf(500, [])).toBeNull();
  });
});
