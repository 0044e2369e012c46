// PostgreSQL text cannot hold U+0000, so a string argument with one would fail deep in a query
// as an internal error. It is refused before execution instead, as bad input naming the argument
// (`code`, `reports[0].note`), whether it came as a literal or in the variables.
import { type DocumentNode, GraphQLError, Kind, type ValueNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const NUL = '\u0000';

/** The path of the first string holding a NUL in a JSON value, or null. */
function nulInValue(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulInValue(item, `${path}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes(NUL)) return `${path}.${key.replaceAll(NUL, '\\u0000')}`;
      const found = nulInValue(item, `${path}.${key}`);
      if (found !== null) return found;
    }
  }
  return null;
}

/** The path of the first string literal holding a NUL in an argument's value, or null. */
function nulInLiteral(value: ValueNode, path: string): string | null {
  if (value.kind === Kind.STRING) return value.value.includes(NUL) ? path : null;
  if (value.kind === Kind.LIST) {
    for (const [index, item] of value.values.entries()) {
      const found = nulInLiteral(item, `${path}[${index}]`);
      if (found !== null) return found;
    }
  }
  if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      const found = nulInLiteral(field.value, `${path}.${field.name.value}`);
      if (found !== null) return found;
    }
  }
  return null;
}

/** The argument path of the first string literal holding a NUL in a document, or null. */
function nulInDocument(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    Argument: (node) => {
      found ??= nulInLiteral(node.value, node.name.value);
    },
  });
  return found;
}

export function useNoNulCharacters(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const field =
        nulInDocument(args.document) ??
        Object.entries(args.variableValues ?? {}).reduce<string | null>(
          (found, [name, value]) => found ?? nulInValue(value, name),
          null,
        );
      if (field === null) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError(`${field} must not contain a NUL character (U+0000).`, {
            extensions: { code: 'BAD_USER_INPUT', field, reason: 'format' },
          }),
        ],
      });
    },
  };
}
