import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema, schemaFile } from '../src/print-schema.ts';

describe('the committed schema', () => {
  it('matches the schema the code builds (run `pnpm --filter @muster/api print-schema` after a change)', () => {
    expect(printedSchema()).toBe(readFileSync(schemaFile, 'utf8'));
  });
});
