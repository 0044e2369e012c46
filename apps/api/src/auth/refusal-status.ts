// The HTTP status of a refused request: 401 or 403 when the refusal left no data at all (no data,
// or every field asked null by a refusal of its own: a refused list alone), 200 when data is
// returned (a refused field is null with its error, or a member of its result union, and the rest
// of the answer stands; a field null with no refusal, such as a scenario not found, is an answer).
import type { Plugin } from 'graphql-yoga';

const STATUS_OF_CODE: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

export function useRefusalStatus(): Plugin {
  return {
    onExecutionResult({ result, setResult }) {
      if (result === undefined || Symbol.asyncIterator in result) return;
      if (!result.errors?.length) return;
      const refusals = result.errors.filter((error) => STATUS_OF_CODE[String(error.extensions?.code)]);
      if (result.data != null) {
        const refused = new Set(refusals.map((error) => error.path?.[0]));
        if (Object.entries(result.data).some(([key, value]) => value !== null || !refused.has(key))) return;
      }
      const statuses = result.errors.map((error) => STATUS_OF_CODE[String(error.extensions?.code)] ?? 0);
      const status = Math.max(...statuses);
      if (status > 0) setResult({ ...result, extensions: { ...result.extensions, http: { status } } });
    },
  };
}
