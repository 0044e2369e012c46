// Prisma's `prisma-client` generator exports the JSON null sentinels with an inferred type that
// TypeScript cannot write into a declaration file (TS4094), which breaks `tsc -b` on this
// composite project. Annotating them with a type TypeScript can name fixes that; nothing else
// changes.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const internal = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'src',
  'generated',
  'prisma',
  'internal',
);
const sentinel = /^export const (DbNull|JsonNull|AnyNull) = runtime\.objectEnumValues\.instances\.\1$/gm;

for (const file of ['prismaNamespace.ts', 'prismaNamespaceBrowser.ts']) {
  const target = path.join(internal, file);
  const source = readFileSync(target, 'utf8');
  const patched = source.replace(
    sentinel,
    (_line, name) =>
      `export const ${name}: typeof runtime.objectEnumValues.instances.${name} = runtime.objectEnumValues.instances.${name}`,
  );
  if (patched !== source) writeFileSync(target, patched);
}
