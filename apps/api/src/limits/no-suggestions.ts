// graphql-js answers a near miss with the names it knows ("Did you mean "level"?", "Did you mean the
// enum value "DISTRICT"?"): fields, arguments, types, input fields and enum values, from validation
// and from reading the variables. A caller who may not introspect the schema would learn it that
// way, so the hint is taken out of every such message; the error itself (and its code) stands.
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Every form of graphql-js's hint, with the space before it. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

function withoutSuggestion<T>(error: T): T {
  if (error instanceof GraphQLError) error.message = error.message.replace(SUGGESTION, '');
  return error;
}

/** Takes graphql-js's "Did you mean …?" out of validation errors and of the variables' errors. */
export function useNoSuggestions(): Plugin {
  return {
    onValidate:
      () =>
      ({ valid, result, setResult }) => {
        if (!valid) setResult(result.map(withoutSuggestion));
      },
    onExecute: () => ({
      onExecuteDone: ({ result }) => {
        if ('errors' in result && result.errors) result.errors.forEach(withoutSuggestion);
      },
    }),
  };
}
