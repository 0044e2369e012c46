// PostgreSQL text cannot hold U+0000, so a string argument with one would fail deep in a query
// as an internal error. It is refused before execution instead, as bad input naming the argument
// (`code`, `reports[0].note`), whether it came as a literal or in the variables.
import { type DocumentNode, GraphQLError, Kind, type ValueNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const NUL = '\u0000';

/**
 * The path below `value` (`[3].note`) of the first string holding a NUL, or null. The path is
 * written only once one is found: a what-if's 20,000 areas are read without building a string.
 */
function nulInValue(value: unknown): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? '' : null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = nulInValue(value[index]);
      if (found !== null) return `[${index}]${found}`;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (key.includes(NUL)) return `.${key.replaceAll(NUL, '\\u0000')}`;
      const found = nulInValue((value as Record<string, unknown>)[key]);
      if (found !== null) return `.${key}${found}`;
    }
  }
  return null;
}

/** The path of the first string holding a NUL in the variables (`reports[0].note`), or null. */
function nulInVariables(variables: Record<string, unknown>): string | null {
  for (const [name, value] of Object.entries(variables)) {
    const found = nulInValue(value);
    if (found !== null) return `${name}${found}`;
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
      const field = nulInDocument(args.document) ?? nulInVariables(args.variableValues ?? {});
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
