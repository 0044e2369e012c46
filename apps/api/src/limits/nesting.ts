// How deep a request may nest. graphql-js parses a document by recursive descent, and the walks of
// a request's variables (the NUL check, the answer cache's key, laying long lists out as columns)
// recurse too: a document of 2,000 nested brackets, or variables of 5,000 nested lists, overflowed
// the stack, and the request was answered "Unexpected error." (INTERNAL_SERVER_ERROR). Both are
// refused before anything recurses, as LIMIT_EXCEEDED naming the limit (and the variable).
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { MAX_VARIABLE_NESTING, variableNestedTooDeep } from './value-nesting.ts';

/**
 * Brackets (`{`, `[`, `(`) a document may hold open inside one another. The deepest document the
 * product's clients send holds about 20 (12 levels of selections, the most the depth limit allows,
 * and an argument's object literal).
 */
export const MAX_DOCUMENT_NESTING = 64;

/**
 * Whether `source` opens more than `max` brackets inside one another within its first `maxTokens`
 * tokens (beyond them the token limit refuses it; a lexical error is left to the parser to report).
 */
export function nestsDeeperThan(source: string, max: number, maxTokens: number): boolean {
  const lexer = new Lexer(new Source(source));
  let depth = 0;
  try {
    for (let tokens = 0; tokens <= maxTokens; tokens++) {
      const { kind } = lexer.advance();
      if (kind === TokenKind.EOF) return false;
      if (kind === TokenKind.BRACE_L || kind === TokenKind.BRACKET_L || kind === TokenKind.PAREN_L) {
        if (++depth > max) return true;
      } else if (kind === TokenKind.BRACE_R || kind === TokenKind.BRACKET_R || kind === TokenKind.PAREN_R) {
        depth--;
      }
    }
  } catch {
    return false;
  }
  return false;
}

/** The refusal of variables nested deeper than {@link MAX_VARIABLE_NESTING} at `field`. */
function variablesTooDeep(field: string): GraphQLError {
  return new GraphQLError(
    `The variables nest deeper than ${MAX_VARIABLE_NESTING} levels (lists and objects) at ${field}.`,
    { extensions: { code: 'LIMIT_EXCEEDED', field, limit: MAX_VARIABLE_NESTING } },
  );
}

/** Variables the heavy lane already found within the limit (a long body's, read there). */
const checkedVariables = new WeakSet<object>();

export function markVariablesChecked(variables: unknown): void {
  if (variables !== null && typeof variables === 'object') checkedVariables.add(variables);
}

/**
 * The yoga plugin: refuses a document nested deeper than {@link MAX_DOCUMENT_NESTING} before it is
 * parsed (to be placed after the token limit, whose parser it wraps), and variables nested deeper
 * than {@link MAX_VARIABLE_NESTING} before anything reads them.
 */
export function useNestingLimits({ maxTokens }: { maxTokens: number }): Plugin {
  return {
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        const text = typeof source === 'string' ? source : source.body;
        if (nestsDeeperThan(text, MAX_DOCUMENT_NESTING, maxTokens)) {
          // Answered as the document limits are (yoga.ts maskError: LIMIT_EXCEEDED and the limit).
          throw new GraphQLError(
            `Syntax Error: Nesting limit of ${MAX_DOCUMENT_NESTING} exceeded (brackets {, [ and ( open inside one another).`,
          );
        }
        return parseFn(source, options);
      });
    },
    onParams({ params, setResult }) {
      const { variables } = params;
      // Variables that are not an object (a list, say) are refused by yoga.
      if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) return;
      if (checkedVariables.has(variables)) return;
      const field = variableNestedTooDeep(variables);
      if (field !== null) setResult({ errors: [variablesTooDeep(field)] });
    },
  };
}
