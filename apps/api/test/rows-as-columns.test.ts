// Long arrays of rows cross between threads as columns (src/compute/_internal/rows-as-columns.ts).
// The law: what arrives, once built again, is what a structured clone of the value (a worker's
// message as it was) delivers — the same rows, keys in the same order, every number bit for bit
// (-0 and NaN too), null and undefined apart. No database.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MIN_ROWS,
  tableOf as readTable,
  rowsAsColumns,
  rowsFromColumns,
  rowsFromColumnsLazily,
  tablesLeftAsColumns,
  unbuiltTable,
} from '../src/compute/_internal/rows-as-columns.ts';

const SEED = Number(process.env.FC_SEED ?? 20_261_130);
/** Each run copies a table of a thousand rows or more (a few milliseconds); 25 keep the file fast. */
const RUNS = Number(process.env.FC_RUNS ?? 25);
console.info(`fast-check seed ${SEED} (FC_SEED), ${RUNS} runs per property (FC_RUNS)`);

/** Strings of any UTF-16 code units, lone surrogates too. */
const anyString = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
});

/**
 * What one field of a table may hold in every row: numbers, booleans or strings (each with nulls
 * or without), or anything cloneable.
 */
const number = fc.oneof(fc.double(), fc.constantFrom(-0, Number.NaN, Number.POSITIVE_INFINITY));
const cellOf: fc.Arbitrary<fc.Arbitrary<unknown>> = fc
  .constantFrom('number', 'number-or-null', 'boolean', 'boolean-or-null', 'string', 'string-or-null', 'mixed')
  .map((kind): fc.Arbitrary<unknown> => {
    if (kind === 'number') return number;
    if (kind === 'number-or-null') return fc.option(number, { nil: null });
    if (kind === 'boolean') return fc.boolean();
    if (kind === 'boolean-or-null') return fc.option(fc.boolean(), { nil: null });
    if (kind === 'string') return anyString;
    if (kind === 'string-or-null') return fc.option(anyString, { nil: null });
    return fc.oneof(
      fc.boolean(),
      fc.constant(undefined),
      fc.constant(null),
      anyString,
      fc.record({ latitude: fc.double() }),
    );
  });

/** A table of MIN_ROWS to MIN_ROWS + 40 alike rows (the same keys, `__proto__` among the possible ones). */
const tableOf = fc
  .uniqueArray(fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('__proto__', '0', '12')), {
    minLength: 1,
    maxLength: 6,
  })
  .chain((keys) =>
    fc.tuple(...keys.map(() => cellOf)).chain((cells) =>
      fc.array(
        fc.tuple(...cells).map((values) => Object.fromEntries(keys.map((key, k) => [key, values[k]]))),
        { minLength: MIN_ROWS, maxLength: MIN_ROWS + 40 },
      ),
    ),
  );

/** The same rows in up to four shapes: some with their keys reversed, some without their first or last key. */
const unevenTableOf = fc.tuple(tableOf, fc.integer({ min: 2, max: 4 })).map(([rows, variants]) =>
  rows.map((row, i) => {
    const entries = Object.entries(row);
    const variant = i % variants;
    if (variant === 1) entries.reverse();
    if (variant === 2) entries.shift();
    if (variant === 3) entries.pop();
    return Object.fromEntries(entries);
  }),
);

async function roundTrip(value: unknown, sliced: boolean): Promise<unknown> {
  const sent = await rowsAsColumns(value, { sliced });
  return rowsFromColumns(structuredClone(sent), { sliced: !sliced });
}

describe('rows as columns between threads', () => {
  it('builds again exactly the rows sent, of one shape or several, through a structured clone, sliced or at once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(tableOf, unevenTableOf), fc.boolean(), async (rows, sliced) => {
        const value = [{ areas: rows, calendar: { start: '2021-03-22' } }, 'input'];
        // Sent as columns, whatever the shapes of its rows.
        const sent = (await rowsAsColumns(value, { sliced })) as [{ areas: unknown }];
        expect(Array.isArray(sent[0].areas)).toBe(false);
        const arrived = (await roundTrip(value, sliced)) as [{ areas: Record<string, unknown>[] }, string];
        expect(arrived).toStrictEqual(structuredClone(value));
        // toStrictEqual compares keys as sets: their order too, row by row.
        arrived[0].areas.forEach((row, i) => {
          expect(Object.keys(row)).toEqual(Object.keys(rows[i] as object));
        });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('builds again a plan’s wide rows as plain objects, keys in order, `__proto__` an own key, nulls as null', async () => {
    // An AreaPlan's 28 keys and more. With `__proto__` and `12` among them the rows are built from
    // a copy of the first, key by key; with identifiers only, by a function made for their shape.
    // Entries, not a literal: `__proto__:` in a literal sets the prototype instead of a key.
    const odd = new Set(['__proto__', '12']);
    const wide = Array.from({ length: 3 * MIN_ROWS }, (_, i) =>
      Object.fromEntries([
        ['code', `c${i}`],
        ['name', `Commune ${i}`],
        ['parentCode', i === 0 ? null : 'p'],
        ['level', i % 2 ? 'commune' : null],
        ['depth', i === 0 ? 0 : 1],
        ['isLeaf', i !== 0],
        ['location', i % 5 ? { latitude: 10.5, longitude: 106.25 } : null],
        ['areaKm2', i % 7 ? 12.5 : null],
        ['urbanShare', i % 3 ? i / 3000 : null],
        ['communeType', i % 4 ? 'ward' : null],
        // An assignment of an object or null here would set the row's prototype.
        ['__proto__', i % 2 ? { latitude: i } : null],
        ['population', 5000 + i],
        ['eligible', 4000 + i],
        ['alreadyServed', i % 11 ? 0 : -0],
        ['demand', i === 9 ? Number.NaN : 1000.5],
        ['openDays', 52],
        ['dailyCapacityPerMachine', 278.25],
        ['machineDays', i % 6 ? i * 0.5 : null],
        ['machinesNeeded', null],
        ['machinesNeededAtSites', i % 8 ? i : null],
        ['dailyTarget', i % 9 ? i : null],
        ['dailyTargetPerMachine', i % 10 ? i / 7 : null],
        ['machines', i % 2 ? 3 : null],
        ['servedBy', i % 2 ? 'p' : null],
        ['daysNeeded', i % 12 ? 40 : null],
        ['completionDate', i % 13 ? '2021-05-20' : null],
        ['meetsDeadline', i % 3 ? i % 2 === 0 : null],
        ['status', 'on-time'],
        // Values of every kind in one field: numbers, strings, booleans, undefined and null.
        ['reason', [1.5, 'late', true, undefined, null][i % 5]],
        ['12', i],
      ]),
    );
    const plain = wide.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !odd.has(key))));
    for (const rows of [wide, plain]) {
      const sent = await rowsAsColumns({ areas: rows }, { sliced: false });
      const lazily = (await rowsFromColumnsLazily(structuredClone(sent))) as { areas: unknown[] };
      const arrivals = [
        ...(await Promise.all([true, false].map((sliced) => roundTrip({ areas: rows }, sliced)))),
        lazily,
      ] as { areas: Record<string, unknown>[] }[];
      for (const arrived of arrivals) {
        expect(arrived.areas).toHaveLength(rows.length);
        arrived.areas.forEach((row, i) => {
          const sentRow = rows[i] as Record<string, unknown>;
          expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
          expect(Object.keys(row)).toEqual(Object.keys(sentRow));
          expect(Object.hasOwn(row, '__proto__')).toBe(rows === wide);
          expect(row).toStrictEqual(sentRow);
        });
      }
    }
  });

  it('keeps `__proto__` an own key beside plain ones, and builds keys that are the builder’s own names or reserved words', async () => {
    const withProto = Array.from({ length: MIN_ROWS }, (_, i) =>
      Object.fromEntries([
        ['code', `c${i}`],
        ['__proto__', i % 2 ? { latitude: i } : null],
      ]),
    );
    // Text columns with nulls, so that the builder's parameters t<k>, e<k> and n<k> are all in use.
    const names = ['constructor', 'get', 'async', 'if', 'i', 'c0', 't0', 'e0', 'n0', 'toString', '$_1'];
    const named = Array.from({ length: MIN_ROWS }, (_, i) =>
      Object.fromEntries(names.map((key, k) => [key, (i + k) % 3 ? `${key}${i}` : null])),
    );
    for (const rows of [withProto, named]) {
      const sent = await rowsAsColumns([rows, { areas: rows }], { sliced: false });
      const [eager] = (await rowsFromColumns(structuredClone(sent), { sliced: false })) as [unknown[]];
      const [, lazy] = (await rowsFromColumnsLazily(structuredClone(sent))) as [
        unknown,
        { areas: unknown[] },
      ];
      for (const built of [eager, lazy.areas] as Record<string, unknown>[][]) {
        expect(built).toStrictEqual(rows);
        built.forEach((row, i) => {
          expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
          expect(Object.keys(row)).toEqual(Object.keys(rows[i] as object));
        });
      }
    }
  });

  it('sends a long table’s numbers as Float64Arrays, its strings as one, and lets the event loop turn between slices', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({
      code: `a${i}`,
      demand: i * 1.5,
      machines: i % 3 ? i : null,
      meetsDeadline: i % 5 ? i % 2 === 0 : null,
      reason: i % 7 ? null : `late by ${i} days`,
      location: i % 2 ? { latitude: i } : null,
    }));
    let turns = 0;
    const counting = setInterval(() => {
      turns += 1;
    }, 0);
    const sent = (await rowsAsColumns({ areas: rows }, { sliced: true })) as {
      areas: { columns: Record<string, unknown>[] };
    };
    const arrived = await rowsFromColumns(structuredClone(sent), { sliced: true });
    clearInterval(counting);
    // What each column travels as: a structured clone copies a typed array or one string as bytes,
    // where an array of 20,000 strings or booleans is read value by value.
    const travelsAs = (column: Record<string, unknown>): string =>
      Object.entries(column)
        .filter(([, part]) => part !== null)
        .map(
          ([name, part]) =>
            `${name}: ${typeof part === 'string' ? 'string' : (part as object).constructor.name}`,
        )
        .join(', ');
    expect(sent.areas.columns.map(travelsAs)).toEqual([
      'text: string, ends: Uint32Array',
      'numbers: Float64Array',
      'numbers: Float64Array, nulls: Uint8Array',
      'flags: Uint8Array',
      'text: string, ends: Uint32Array, nulls: Uint8Array',
      'values: Array',
    ]);
    expect(arrived).toStrictEqual({ areas: rows });
    // 20,000 rows, 2,000 a slice, written and read: a timer ran between slices, not once at the end.
    expect(turns).toBeGreaterThan(2);
  });

  it('sends rows of several shapes as columns (a what-if’s root has no parent and no population)', async () => {
    const rows = [
      { code: 'root', name: 'Root' },
      ...Array.from({ length: MIN_ROWS }, (_, i) => ({
        code: `a${i}`,
        name: `Area ${i}`,
        parentCode: 'root',
        population: 4000 + i,
      })),
    ];
    const sent = (await rowsAsColumns([rows], { sliced: false })) as [{ keys: string[]; shapes: number[][] }];
    expect(sent[0].keys).toEqual(['code', 'name', 'parentCode', 'population']);
    expect(sent[0].shapes).toEqual([
      [0, 1],
      [0, 1, 2, 3],
    ]);
    expect(await roundTrip([rows], false)).toStrictEqual(structuredClone([rows]));
  });

  it('builds again rows of sixteen shapes over several slices, and strings split inside a surrogate pair', async () => {
    // 5,003 rows, 2,000 a slice; a high surrogate ends one row's code and a low one starts the next's.
    const rows = Array.from({ length: 5003 }, (_, i) =>
      Object.fromEntries([
        ['code', i % 2 ? `\ude00${i}` : `${i}\ud83d`],
        [`key${i % 16}`, i % 4 ? i : null],
      ]),
    );
    const sent = (await rowsAsColumns([rows], { sliced: true })) as [{ shapes: number[][] }];
    expect(sent[0].shapes).toHaveLength(16);
    for (const sliced of [true, false]) {
      expect(await roundTrip([rows], sliced)).toStrictEqual(structuredClone([rows]));
    }
  });

  it('takes for columns nothing a client could send: a copy of the mark in JSON stays as it came', async () => {
    const forged = JSON.parse(
      '{"variables": {"x": {"__musterRowsAsColumns": true, "length": 2000000, "keys": [], "shapes": [[]], "shapeOf": null, "columns": [null]}}}',
    );
    expect(await rowsFromColumns(forged, { sliced: false })).toStrictEqual(forged);
  });

  it('leaves as they are the arrays that are short, whose rows are no plain objects or have more than sixteen shapes', async () => {
    const short = Array.from({ length: MIN_ROWS - 1 }, (_, i) => ({ code: `a${i}` }));
    const shapes = Array.from({ length: MIN_ROWS }, (_, i) => ({ [`key${i % 17}`]: i }));
    const dates = Array.from({ length: MIN_ROWS }, (_, i) => new Date(i));
    for (const rows of [short, shapes, dates]) {
      const sent = (await rowsAsColumns([rows], { sliced: false })) as unknown[];
      expect(sent[0]).toStrictEqual(rows);
      expect(await roundTrip([rows], false)).toStrictEqual(structuredClone([rows]));
    }
  });
  it('leaves a table an object holds as columns until it is read: single values and rows read from them, then every row built once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(tableOf, unevenTableOf), fc.nat(), async (rows, pick) => {
        const sent = await rowsAsColumns([{ areas: rows, calendar: { start: '2021-03-22' } }], {
          sliced: false,
        });
        const counts = tablesLeftAsColumns();
        const [holder] = (await rowsFromColumnsLazily(structuredClone(sent))) as [Record<string, unknown>];
        expect(tablesLeftAsColumns()).toEqual({ left: counts.left + 1, built: counts.built });
        const table = unbuiltTable(holder, 'areas');
        expect(table?.length).toBe(rows.length);
        const i = pick % rows.length;
        const row = rows[i] as Record<string, unknown>;
        const keys = new Set(rows.flatMap((one) => Object.keys(one)));
        for (const key of keys) {
          // A key the row lacks reads as undefined, as the row itself answers it.
          const expected = Object.hasOwn(row, key) ? structuredClone(row[key]) : undefined;
          expect([table?.cell(key, i)]).toStrictEqual([expected]);
        }
        // The first row holding a string or null, as the rows answer it (a row without the key holds neither).
        for (const key of keys) {
          const value = row[key];
          if (Object.hasOwn(row, key) && (value === null || typeof value === 'string')) {
            const first = rows.findIndex((other) => Object.hasOwn(other, key) && other[key] === value);
            expect(table?.indexOf(key, value)).toBe(first);
          }
        }
        // A string longer than any of the table's (the row expected is looked for all the same).
        const absent = '\u{1F600}'.repeat(50);
        for (const key of keys) {
          const first = rows.findIndex((other) => Object.hasOwn(other, key) && other[key] === absent);
          expect(table?.indexOf(key, absent)).toBe(first);
        }
        expect(() => table?.rowAt(rows.length)).toThrow(RangeError);
        const single = table?.rowAt(i) as Record<string, unknown>;
        expect(single).toStrictEqual(structuredClone(row));
        expect(Object.keys(single)).toEqual(Object.keys(row));
        // Still columns until the property is read, then rows, built once.
        expect(unbuiltTable(holder, 'areas')).not.toBeNull();
        expect(holder.areas).toStrictEqual(structuredClone(rows));
        expect(holder.areas).toBe(holder.areas);
        expect(unbuiltTable(holder, 'areas')).toBeNull();
        // Built, the same table reads the same through the built rows, the row itself for rowAt.
        const built = readTable(holder, 'areas');
        expect(built.length).toBe(rows.length);
        expect(built.rowAt(i)).toBe((holder.areas as unknown[])[i]);
        expect(() => built.rowAt(rows.length)).toThrow(RangeError);
        for (const key of keys) {
          expect([built.cell(key, i)]).toStrictEqual([table?.cell(key, i)]);
          const value = row[key];
          if (value === null || typeof value === 'string') {
            expect(built.indexOf(key, value)).toBe(table?.indexOf(key, value));
          }
        }
        expect(tablesLeftAsColumns()).toEqual({ left: counts.left + 1, built: counts.built + 1 });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('builds at once a table an array holds; a write replaces a table left as columns; a clone reads its rows', async () => {
    const rows = Array.from({ length: MIN_ROWS }, (_, i) => ({ code: `a${i}`, population: i }));
    const sent = await rowsAsColumns([rows, { areas: rows }, { areas: rows }], { sliced: false });
    const [inArray, read, written] = (await rowsFromColumnsLazily(structuredClone(sent))) as [
      unknown[],
      Record<string, unknown>,
      Record<string, unknown>,
    ];
    expect(inArray).toStrictEqual(rows);
    expect(structuredClone(read)).toStrictEqual({ areas: rows });
    written.areas = ['replaced'];
    expect(unbuiltTable(written, 'areas')).toBeNull();
    expect(written).toStrictEqual({ areas: ['replaced'] });
  });

  it('builds rows of more keys than a generated builder takes key by key, alike', async () => {
    const keys = Array.from({ length: 129 }, (_, k) => `field${k}`);
    const rows = Array.from({ length: MIN_ROWS }, (_, i) =>
      Object.fromEntries(
        keys.map((key, k) => [key, k % 3 === 0 ? `${key}-${i}` : k % 3 === 1 ? i * k : null]),
      ),
    );
    for (const sliced of [true, false]) {
      const [built] = (await roundTrip([rows], sliced)) as [Record<string, unknown>[]];
      expect(built).toStrictEqual(rows);
      expect(Object.keys(built[0] as object)).toEqual(keys);
    }
  });

  it('builds keys that read as code as keys: nothing in them runs', async () => {
    const keys = [
      'a: (globalThis.injected = 1), b',
      'x })); globalThis.injected = 2; (() => ({',
      'constructor',
      '$_1',
    ];
    const rows = Array.from({ length: MIN_ROWS }, (_, i) =>
      Object.fromEntries(keys.map((key, k) => [key, i * k])),
    );
    const sent = await rowsAsColumns([rows, { areas: rows }], { sliced: false });
    const [eager] = (await rowsFromColumns(structuredClone(sent), { sliced: false })) as [unknown[]];
    const [, lazy] = (await rowsFromColumnsLazily(structuredClone(sent))) as [unknown, { areas: unknown[] }];
    expect(eager).toStrictEqual(rows);
    expect(lazy.areas).toStrictEqual(rows);
    expect('injected' in globalThis).toBe(false);
  });
});
