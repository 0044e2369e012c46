// graphql-js refuses a literal argument that does not fit its type while validating the document
// ("Expected value of type "Date", found "2021-13-01"; …", "Field "AreaInput.code" of required
// type "String!" was not provided."), naming the value's place only by its line and column. A
// variable's refusal names its path (`reports[0].date`, see yoga.ts's maskError); a literal's
// now does too, in `extensions.field`, found by walking the arguments to the node it refused.
import { type ASTNode, type DocumentNode, GraphQLError, Kind, type ValueNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** The path of each argument, value and input field of `value` (`input.areas[2].code`). */
function pathsInValue(value: ValueNode, path: string, into: Map<ASTNode, string>): void {
  into.set(value, path);
  if (value.kind === Kind.LIST) {
    for (const [index, item] of value.values.entries()) pathsInValue(item, `${path}[${index}]`, into);
  }
  if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      const fieldPath = `${path}.${field.name.value}`;
      into.set(field, fieldPath);
      pathsInValue(field.value, fieldPath, into);
    }
  }
}

function argumentPaths(document: DocumentNode): Map<ASTNode, string> {
  const paths = new Map<ASTNode, string>();
  visit(document, {
    Argument: (node) => {
      paths.set(node, node.name.value);
      pathsInValue(node.value, node.name.value, paths);
    },
  });
  return paths;
}

/** "Field "AreaInput.code" of required type …": the input field missing from an object literal. */
const MISSING_INPUT_FIELD = /^Field "\w+\.(\w+)" of required type /;
/** "Field "plan" argument "scenarioId" of type … is required": an argument missing from a field. */
const MISSING_ARGUMENT = /^Field "\w+" argument "(\w+)" of type /;

/** The argument path a validation error refers to, or undefined when it is not about an argument's value. */
function fieldOf(error: GraphQLError, paths: () => Map<ASTNode, string>): string | undefined {
  const node = error.nodes?.[0];
  if (node === undefined) return undefined;
  const missingArgument = MISSING_ARGUMENT.exec(error.message)?.[1];
  if (missingArgument !== undefined && node.kind === Kind.FIELD) return missingArgument;
  const path = paths().get(node);
  if (path === undefined) return undefined;
  const missingField = MISSING_INPUT_FIELD.exec(error.message)?.[1];
  return missingField === undefined ? path : `${path}.${missingField}`;
}

/** Names the argument (`date`, `input.areas[2].code`) in `extensions.field` of a refused literal. */
export function useLiteralFields(): Plugin {
  return {
    onValidate:
      ({ params }) =>
      ({ valid, result, setResult }) => {
        if (valid) return;
        let paths: Map<ASTNode, string> | undefined;
        const lazyPaths = () => {
          paths ??= argumentPaths(params.documentAST);
          return paths;
        };
        setResult(
          result.map((error) => {
            const field = error.extensions.field === undefined ? fieldOf(error, lazyPaths) : undefined;
            if (field === undefined) return error;
            return new GraphQLError(error.message, {
              nodes: error.nodes,
              source: error.source,
              positions: error.positions,
              path: error.path,
              originalError: error.originalError,
              extensions: { ...error.extensions, field },
            });
          }),
        );
      },
  };
}
