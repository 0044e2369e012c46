// How deep a request's variables may nest, read without graphql (the heavy lane checks how deep a
// long body nests with it): limits/nesting.ts refuses the rest.

/**
 * Levels a variable's value may nest (a list or an object is one level more than what it holds).
 * A what-if's `input` holds `areas[0].location`: 3 levels.
 */
export const MAX_VARIABLE_NESTING = 32;

/**
 * Where below `value` a value nests more than `max` levels (a path such as `.areas[3].location`,
 * empty for `value` itself), or null. The walk goes no deeper than `max` + 1 levels, so it cannot
 * overflow the stack, and writes the path only once it is found: a what-if's 20,000 areas are
 * walked without building a string.
 */
export function pathNestedDeeperThan(value: unknown, max: number): string | null {
  if (value === null || typeof value !== 'object') return null;
  if (max === 0) return '';
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = pathNestedDeeperThan(value[index], max - 1);
      if (found !== null) return `[${index}]${found}`;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const found = pathNestedDeeperThan((value as Record<string, unknown>)[key], max - 1);
    if (found !== null) return `.${key}${found}`;
  }
  return null;
}

/**
 * Where a variable's value nests more than {@link MAX_VARIABLE_NESTING} levels (a path below the
 * variables, `a[0][0]`), or null.
 */
export function variableNestedTooDeep(variables: object): string | null {
  for (const [name, value] of Object.entries(variables)) {
    const found = pathNestedDeeperThan(value, MAX_VARIABLE_NESTING);
    if (found !== null) return `${name}${found}`;
  }
  return null;
}
