import { readFileSync } from 'node:fs';
import {
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { printedSchema, schemaFile } from '../src/print-schema.ts';
import { schema } from '../src/schema/index.ts';

/**
 * Every type, field, argument and enum value of the schema that has no description, named as
 * `Type`, `Type.field`, `Type.field(argument)` or `Enum.VALUE`.
 */
function undescribed(of: GraphQLSchema): string[] {
  const missing: string[] = [];
  const need = (description: string | null | undefined, name: string) => {
    if (!description?.trim()) missing.push(name);
  };
  for (const type of Object.values(of.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    need(type.description, type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        need(field.description, `${type.name}.${field.name}`);
        for (const argument of field.args)
          need(argument.description, `${type.name}.${field.name}(${argument.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        need(field.description, `${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) need(value.description, `${type.name}.${value.name}`);
    }
  }
  return missing.sort();
}

describe('the committed schema', () => {
  it('matches the schema the code builds (run `pnpm --filter @muster/api print-schema` after a change)', () => {
    expect(printedSchema()).toBe(readFileSync(schemaFile, 'utf8'));
  });

  it('describes every type, field, argument and enum value (with its units where it has some)', () => {
    expect(undescribed(schema)).toEqual([]);
  });
});
