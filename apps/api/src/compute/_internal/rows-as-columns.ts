// Long arrays of flat rows (a 20,000-area plan's `areas`, a what-if's input areas) cross between
// the main thread and a worker thread or the heavy lane's process as columns. A structured clone
// (or the v8 serialization of a process's messages) writes and reads every row as an object of its
// own, in one piece: a 20,000-row plan coming back held the main thread 70–80 ms.
// As columns, the numbers travel as Float64Arrays and the booleans as Uint8Arrays (copies of
// bytes), the strings of a field as one string and where each ends (a 20,000-area plan's eight
// string and boolean fields, as arrays of values, took 8–10 ms to read back in one piece), and any
// other field as one array of its values. The main thread writes and reads rows a slice at a
// time, with the event loop free between slices (the ordinary requests first); a worker, at once.
// A table the main thread may never read (a what-if's plan rows, when only its completion date is
// asked for) can be left as columns behind its property, built at once when first read.
import { afterOrdinaryRequests } from '../../limits/ordinary-first.ts';

/** Arrays of at least this many rows travel as columns; shorter ones are cloned as they are. */
export const MIN_ROWS = 1000;
/** Rows written or read on the main thread between two turns of its event loop (about 1–2 ms). */
const ROWS_PER_SLICE = 2000;
/** How deep in a task's arguments or result long arrays are looked for (`[input].areas` is 2). */
const MAX_DEPTH = 3;

/** Marks an encoded array: a structured clone keeps string keys only. */
const MARK = '__musterRowsAsColumns';
/**
 * The mark's value: a BigInt, which no JSON body (read in the heavy lane, cache/body-digest.ts)
 * and no GraphQL input can hold, so an object sent by a client is never taken for columns.
 */
const ENCODED = 0x6d75737465n;
/** A text column longer than this (UTF-16 units) travels as an array of values (V8's longest string is 2²⁹ − 24). */
const MAX_TEXT_UNITS = 2 ** 28;

type Column =
  /** Every value a number or null: the numbers, and which rows hold null (absent when none). */
  | { numbers: Float64Array; nulls: Uint8Array | null }
  /** Every value a boolean or null: 0 false, 1 true, 2 null. */
  | { flags: Uint8Array }
  /**
   * Every value a string or null: the strings end to end in one string, where each row's ends
   * (UTF-16 units), and which rows hold null. One string is copied as bytes; 20,000 strings are
   * read one by one, about 1 ms a column on the main thread.
   */
  | { text: string; ends: Uint32Array; nulls: Uint8Array | null }
  | { values: unknown[] };

/** What one field holds in every row, as far as the rows read so far tell. */
type Kind = 'nothing' | 'numbers' | 'flags' | 'text' | 'values';

/** The kind of a field holding `kind` so far and then `value` (null fits every kind). */
function widened(kind: Kind, value: unknown): Kind {
  if (value === null || kind === 'values') return kind;
  const own =
    typeof value === 'number'
      ? 'numbers'
      : typeof value === 'boolean'
        ? 'flags'
        : typeof value === 'string'
          ? 'text'
          : 'values';
  return kind === 'nothing' || kind === own ? own : 'values';
}

/**
 * The rows' shapes: every key some row has (a column each), each distinct list of keys a row has,
 * in its order (as indexes into `keys`), and which one each row has (null: every row the first).
 */
type Shapes = { keys: string[]; shapes: number[][]; shapeOf: Uint8Array | null };

type Encoded = { [MARK]: bigint; length: number; columns: Column[] } & Shapes;

/** Rows of more shapes than this are cloned as they are. */
const MAX_SHAPES = 16;

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** Sets an own property, `__proto__` too (an assignment would set the prototype instead). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else target[key] = value;
}

const isEncoded = (value: unknown): value is Encoded =>
  isPlainObject(value) && (value as Partial<Encoded>)[MARK] === ENCODED;

/** True when `row`'s own keys are `shape`'s, in its order. */
function hasShape(row: Record<string, unknown>, shape: readonly number[], keys: readonly string[]): boolean {
  let index = 0;
  for (const key in row) {
    if (key !== keys[shape[index] as number]) return false;
    index += 1;
  }
  return index === shape.length;
}

/**
 * The shapes of `rows`, or null when some row is not a plain object or they have more than
 * MAX_SHAPES (a what-if's first area, its root, has no parent and no population: two shapes).
 */
function shapesOf(rows: readonly unknown[]): Shapes | null {
  const keys: string[] = [];
  const columnOf = new Map<string, number>();
  const shapes: number[][] = [];
  const shapeOf = new Uint8Array(rows.length);
  let last = -1;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!isPlainObject(row)) return null;
    // Most rows have the shape of the row before.
    let shape = last >= 0 && hasShape(row, shapes[last] as number[], keys) ? last : -1;
    for (let s = 0; shape < 0 && s < shapes.length; s++)
      if (hasShape(row, shapes[s] as number[], keys)) shape = s;
    if (shape < 0) {
      if (shapes.length === MAX_SHAPES) return null;
      shape = shapes.length;
      shapes.push(
        Object.keys(row).map((key) => {
          let column = columnOf.get(key);
          if (column === undefined) {
            column = keys.length;
            columnOf.set(key, column);
            keys.push(key);
          }
          return column;
        }),
      );
    }
    shapeOf[i] = shape;
    last = shape;
  }
  return { keys, shapes, shapeOf: shapes.length > 1 ? shapeOf : null };
}

/** For each shape, which columns its rows have. */
const columnsOfShapes = ({ keys, shapes }: Shapes): Uint8Array[] =>
  shapes.map((shape) => {
    const has = new Uint8Array(keys.length);
    for (const column of shape) has[column] = 1;
    return has;
  });

type Work = (from: number, to: number) => void;

/** Runs `work` over `length` rows: at once, or in slices, each after the ordinary requests. */
async function inSlices(length: number, work: Work, sliced: boolean): Promise<void> {
  if (!sliced) {
    work(0, length);
    return;
  }
  for (let from = 0; from < length; from += ROWS_PER_SLICE) {
    await afterOrdinaryRequests();
    work(from, Math.min(length, from + ROWS_PER_SLICE));
  }
}

async function encodeRows(rows: readonly Record<string, unknown>[], shaped: Shapes, sliced: boolean) {
  const { keys, shapes, shapeOf } = shaped;
  const kinds = keys.map((): Kind => 'nothing');
  const anyNull = keys.map(() => false);
  const textUnits = keys.map(() => 0);
  await inSlices(
    rows.length,
    (from, to) => {
      for (let i = from; i < to; i++) {
        const row = rows[i] as Record<string, unknown>;
        for (const k of shapes[shapeOf?.[i] ?? 0] as number[]) {
          const value = row[keys[k] as string];
          if (value === null) anyNull[k] = true;
          else kinds[k] = widened(kinds[k] as Kind, value);
          if (typeof value === 'string') textUnits[k] = (textUnits[k] as number) + value.length;
        }
      }
    },
    sliced,
  );
  kinds.forEach((kind, k) => {
    if (kind === 'text' && (textUnits[k] as number) > MAX_TEXT_UNITS) kinds[k] = 'values';
  });
  // A row without a column's key has nothing in it (0, false or an empty string), read by no one.
  const has = columnsOfShapes(shaped);
  const lacks = (i: number, k: number): boolean => shapeOf !== null && has[shapeOf[i] as number]?.[k] === 0;
  const length = rows.length;
  const nullsOf = (k: number) => (anyNull[k] ? new Uint8Array(length) : null);
  const columns: Column[] = kinds.map((kind, k) => {
    if (kind === 'flags') return { flags: new Uint8Array(length) };
    if (kind === 'text') return { text: '', ends: new Uint32Array(length), nulls: nullsOf(k) };
    if (kind === 'values') return { values: new Array<unknown>(length) };
    // Numbers, or null in every row.
    return { numbers: new Float64Array(length), nulls: nullsOf(k) };
  });
  // A text column's strings, a slice's joined at a time, and where the last one ended.
  const pieces = columns.map(() => [] as string[]);
  const written = columns.map(() => 0);
  await inSlices(
    length,
    (from, to) => {
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k] as string;
        const column = columns[k] as Column;
        if ('values' in column) {
          for (let i = from; i < to; i++)
            if (!lacks(i, k)) column.values[i] = (rows[i] as Record<string, unknown>)[key];
        } else if ('flags' in column) {
          for (let i = from; i < to; i++) {
            const value = lacks(i, k) ? false : (rows[i] as Record<string, unknown>)[key];
            column.flags[i] = value === null ? 2 : value ? 1 : 0;
          }
        } else if ('text' in column) {
          const strings = new Array<string>(to - from);
          let end = written[k] as number;
          for (let i = from; i < to; i++) {
            const value = lacks(i, k) ? '' : (rows[i] as Record<string, unknown>)[key];
            if (value === null) (column.nulls as Uint8Array)[i] = 1;
            const string = value === null ? '' : (value as string);
            strings[i - from] = string;
            end += string.length;
            column.ends[i] = end;
          }
          written[k] = end;
          (pieces[k] as string[]).push(strings.join(''));
        } else {
          for (let i = from; i < to; i++) {
            const value = lacks(i, k) ? 0 : (rows[i] as Record<string, unknown>)[key];
            if (value === null) (column.nulls as Uint8Array)[i] = 1;
            else column.numbers[i] = value as number;
          }
        }
      }
    },
    sliced,
  );
  columns.forEach((column, k) => {
    if ('text' in column) column.text = (pieces[k] as string[]).join('');
  });
  return { [MARK]: ENCODED, length, keys, shapes, shapeOf, columns } satisfies Encoded;
}

/** Row `i`'s value in `column`. */
function valueAt(column: Column, i: number): unknown {
  if ('values' in column) return column.values[i];
  if ('flags' in column) return column.flags[i] === 2 ? null : column.flags[i] === 1;
  if (column.nulls?.[i] === 1) return null;
  if ('numbers' in column) return column.numbers[i];
  return column.text.slice(i === 0 ? 0 : column.ends[i - 1], column.ends[i]);
}

/**
 * Keys a generated row builder names as they are: identifiers, not `__proto__` (which an object
 * literal takes for the prototype). A table with any other key (a client's, in a long body) is
 * built key by key, every shape of it.
 */
const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;
/**
 * Keys of a shape past which its rows are built key by key too: a plan's rows have 28, and a
 * client's body could name thousands (the function's text would grow with them, past what V8
 * takes for one function's parameters, for no gain).
 */
const MAX_GENERATED_KEYS = 128;

type RowBuilder = (i: number) => Record<string, unknown>;

/**
 * A function that builds row `i` of one shape in one object literal, its values read from the
 * columns: V8 makes such a row at once in its final layout. Null when a key is not plain.
 */
function rowBuilder(
  keys: readonly string[],
  shape: readonly number[],
  columns: readonly Column[],
): RowBuilder | null {
  if (shape.length > MAX_GENERATED_KEYS) return null;
  if (!shape.every((k) => PLAIN_KEY.test(keys[k] as string) && keys[k] !== '__proto__')) return null;
  // The columns' arrays are the function's parameters (c<k>, t<k>, e<k>, n<k>): no value of a row
  // is ever written into its text, only the keys, each checked above.
  const names: string[] = [];
  const arrays: unknown[] = [];
  const fields = shape.map((k) => {
    const column = columns[k] as Column;
    const key = keys[k] as string;
    const nullIf = (nulls: Uint8Array | null) => {
      if (nulls === null) return '';
      names.push(`n${k}`);
      arrays.push(nulls);
      return `n${k}[i] === 1 ? null : `;
    };
    if ('values' in column) {
      names.push(`c${k}`);
      arrays.push(column.values);
      return `${key}: c${k}[i]`;
    }
    if ('flags' in column) {
      names.push(`c${k}`);
      arrays.push(column.flags);
      return `${key}: c${k}[i] === 2 ? null : c${k}[i] === 1`;
    }
    if ('text' in column) {
      names.push(`t${k}`, `e${k}`);
      arrays.push(column.text, column.ends);
      return `${key}: ${nullIf(column.nulls)}t${k}.slice(i === 0 ? 0 : e${k}[i - 1], e${k}[i])`;
    }
    names.push(`c${k}`);
    arrays.push(column.numbers);
    return `${key}: ${nullIf(column.nulls)}c${k}[i]`;
  });
  return new Function(...names, `return (i) => ({ ${fields.join(', ')} });`)(...arrays) as RowBuilder;
}

/** Builds rows `from` … `to` − 1 of a table into `rows`. */
type RangeDecoder = (rows: Record<string, unknown>[], from: number, to: number) => void;

function rangeDecoder(encoded: Encoded): RangeDecoder {
  const { keys, shapes, shapeOf, columns } = encoded;
  const builders = shapes.map((shape) => rowBuilder(keys, shape, columns));
  if (builders.every((builder) => builder !== null)) {
    // A 20,000-area plan's rows of 28 keys: 25–35 ms built key by key (below), 8 ms this way.
    const [only] = builders as RowBuilder[];
    return (rows, from, to) => {
      if (shapeOf === null) for (let i = from; i < to; i++) rows[i] = (only as RowBuilder)(i);
      else for (let i = from; i < to; i++) rows[i] = (builders[shapeOf[i] as number] as RowBuilder)(i);
    };
  }
  // Every row is a copy of the first of its shape, then given its own values a column at a time:
  // the rows of a shape share one and each store finds its key in place. Built key by key, a row
  // of more than a dozen keys turned into a dictionary, slow to build and to read: a 20,000-area
  // plan's rows held the main thread about 100 ms. The first row, built key by key, is such a
  // dictionary too, and copies of it ten times slower to make than copies of its copy, an object
  // of the fast kind.
  const templates = shapes.map((shape, s) => {
    const first: Record<string, unknown> = {};
    const row = shapeOf === null ? 0 : shapeOf.indexOf(s);
    for (const k of shape) setOwn(first, keys[k] as string, valueAt(columns[k] as Column, row));
    return { ...first };
  });
  const has = columnsOfShapes(encoded);
  return (rows, from, to) => {
    // A spread copies `__proto__` as an own key (Object.assign would set the prototype), and an
    // assignment then finds that own key before the accessor of Object.prototype.
    for (let i = from; i < to; i++) rows[i] = { ...templates[shapeOf?.[i] ?? 0] };
    if (shapeOf !== null) {
      // Rows of several shapes: each value set where the row's shape has the key.
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k] as string;
        const column = columns[k] as Column;
        for (let i = from; i < to; i++) {
          if (has[shapeOf[i] as number]?.[k] === 1)
            (rows[i] as Record<string, unknown>)[key] = valueAt(column, i);
        }
      }
      return;
    }
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
      const column = columns[k] as Column;
      if ('values' in column) {
        const { values } = column;
        for (let i = from; i < to; i++) (rows[i] as Record<string, unknown>)[key] = values[i];
      } else if ('flags' in column) {
        const { flags } = column;
        for (let i = from; i < to; i++)
          (rows[i] as Record<string, unknown>)[key] = flags[i] === 2 ? null : flags[i] === 1;
      } else if ('text' in column) {
        const { text, ends, nulls } = column;
        let start = from === 0 ? 0 : (ends[from - 1] as number);
        for (let i = from; i < to; i++) {
          const end = ends[i] as number;
          (rows[i] as Record<string, unknown>)[key] = nulls?.[i] === 1 ? null : text.slice(start, end);
          start = end;
        }
      } else if (column.nulls === null) {
        const { numbers } = column;
        for (let i = from; i < to; i++) (rows[i] as Record<string, unknown>)[key] = numbers[i];
      } else {
        const { numbers, nulls } = column;
        for (let i = from; i < to; i++)
          (rows[i] as Record<string, unknown>)[key] = nulls[i] === 1 ? null : numbers[i];
      }
    }
  };
}

async function decodeRows(encoded: Encoded, sliced: boolean): Promise<Record<string, unknown>[]> {
  const rows = new Array<Record<string, unknown>>(encoded.length);
  const decode = rangeDecoder(encoded);
  await inSlices(encoded.length, (from, to) => decode(rows, from, to), sliced);
  return rows;
}

/** A long array found by {@link mapDeep}, and where its replacement goes. */
type Found = { item: unknown; holder: Record<string, unknown> | unknown[]; key: string | number };

/**
 * `value` copied to MAX_DEPTH through arrays shorter than MIN_ROWS and plain objects, each item
 * `wanted` left in place and listed in `found`; the rest as it is. Synchronous: a body of many short
 * lists is walked in one go, not a turn of the event loop per item.
 */
function copyDeep(
  value: unknown,
  depth: number,
  wanted: (value: unknown) => boolean,
  found: Found[],
  holder: Found['holder'],
  key: Found['key'],
): unknown {
  if (depth > MAX_DEPTH) return value;
  if (wanted(value)) {
    found.push({ item: value, holder, key });
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length >= MIN_ROWS) return value;
    // Index by index, so that a hole stays a hole, as a structured clone keeps it.
    const items = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++)
      if (i in value) items[i] = copyDeep(value[i], depth + 1, wanted, found, items, i);
    return items;
  }
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const name of Object.keys(value))
    setOwn(copy, name, copyDeep(value[name], depth + 1, wanted, found, copy, name));
  return copy;
}

/** `value` with each item `wanted` replaced by what `replace` answers for it, one after another. */
async function mapDeep(
  value: unknown,
  wanted: (value: unknown) => boolean,
  replace: (value: unknown) => Promise<unknown>,
): Promise<unknown> {
  const found: Found[] = [];
  const root: unknown[] = [];
  root[0] = copyDeep(value, 0, wanted, found, root, 0);
  for (const { item, holder, key } of found) {
    const replaced = await replace(item);
    if (Array.isArray(holder)) holder[key as number] = replaced;
    else setOwn(holder, key as string, replaced);
  }
  return root[0];
}

/**
 * The columns behind each table still left unbuilt in a property, by holder and key, with what
 * reading them needs, made once when first needed: the row builder (compiled) and each shape's
 * columns.
 */
type LazyTable = { encoded: Encoded; decoder(): RangeDecoder; shapeColumns(): Uint8Array[] };
const lazyTables = new WeakMap<object, Map<string, LazyTable>>();
const lazyCounts = { left: 0, built: 0 };

/** Tables left as columns by {@link rowsFromColumnsLazily} so far in this process, and how many of them were built since. */
export function tablesLeftAsColumns(): { left: number; built: number } {
  return { ...lazyCounts };
}

/**
 * Leaves a table as columns in `holder[key]` until something reads that property: the first read
 * builds every row at once (a 20,000-area plan's 28 fields in about 8 ms) and keeps them as the
 * property's value; a write replaces it.
 */
function keepAsColumns(holder: Record<string, unknown>, key: string, encoded: Encoded): void {
  let decode: RangeDecoder | null = null;
  let has: Uint8Array[] | null = null;
  const table: LazyTable = {
    encoded,
    decoder: () => (decode ??= rangeDecoder(encoded)),
    shapeColumns: () => (has ??= columnsOfShapes(encoded)),
  };
  const settle = (value: unknown): void => {
    Object.defineProperty(holder, key, { value, enumerable: true, writable: true, configurable: true });
    lazyTables.get(holder)?.delete(key);
  };
  Object.defineProperty(holder, key, {
    enumerable: true,
    configurable: true,
    get() {
      const rows = new Array<Record<string, unknown>>(encoded.length);
      table.decoder()(rows, 0, encoded.length);
      settle(rows);
      lazyCounts.built += 1;
      return rows;
    },
    set: settle,
  });
  const tables = lazyTables.get(holder) ?? new Map();
  tables.set(key, table);
  lazyTables.set(holder, tables);
  lazyCounts.left += 1;
}

/**
 * As {@link rowsFromColumns} on the main thread, but each table held by an object's property stays
 * as columns until the property is read, then is built in one piece (a table held in an array, or
 * in `__proto__`, is built now, a slice at a time). {@link unbuiltTable} reads single values and
 * rows of it meanwhile: a what-if asked for its completion date reads one row of its 20,000.
 */
export async function rowsFromColumnsLazily(value: unknown): Promise<unknown> {
  const found: Found[] = [];
  const root: unknown[] = [];
  root[0] = copyDeep(value, 0, isEncoded, found, root, 0);
  for (const { item, holder, key } of found) {
    if (!Array.isArray(holder) && key !== '__proto__') keepAsColumns(holder, key as string, item as Encoded);
    else {
      const rows = await decodeRows(item as Encoded, true);
      if (Array.isArray(holder)) holder[key as number] = rows;
      else setOwn(holder, key as string, rows);
    }
  }
  return root[0];
}

/** A table left as columns by {@link rowsFromColumnsLazily}, read without building its rows. */
export type UnbuiltTable = {
  length: number;
  /** Row `i`'s `field` (undefined when the row has no such key). */
  cell(field: string, i: number): unknown;
  /** The first row whose `field` is `value`, or −1; a text column's strings are compared in place. */
  indexOf(field: string, value: string | null): number;
  /** Row `i`, built on its own. */
  rowAt(i: number): Record<string, unknown>;
};

/** `holder[key]` while it is still a table of columns; null once built (read the property then). */
export function unbuiltTable(holder: object, key: string): UnbuiltTable | null {
  const table = lazyTables.get(holder)?.get(key);
  if (table === undefined) return null;
  const { keys, shapeOf, columns, length } = table.encoded;
  const has = shapeOf === null ? [] : table.shapeColumns();
  const holds = (k: number, i: number) => shapeOf === null || has[shapeOf[i] as number]?.[k] === 1;
  const cell = (field: string, i: number): unknown => {
    const k = keys.indexOf(field);
    if (k < 0 || !Number.isInteger(i) || i < 0 || i >= length || !holds(k, i)) return undefined;
    return valueAt(columns[k] as Column, i);
  };
  return {
    length,
    cell,
    indexOf(field, value) {
      const k = keys.indexOf(field);
      const column = columns[k];
      if (column === undefined) return -1;
      if (value === null || !('text' in column)) {
        for (let i = 0; i < length; i++) if (holds(k, i) && valueAt(column, i) === value) return i;
        return -1;
      }
      const { text, ends, nulls } = column;
      for (let i = 0, start = 0; i < length; start = ends[i] as number, i++) {
        const end = ends[i] as number;
        if (end - start === value.length && nulls?.[i] !== 1 && holds(k, i) && text.startsWith(value, start))
          return i;
      }
      return -1;
    },
    rowAt(i) {
      if (!Number.isInteger(i) || i < 0 || i >= length) throw new RangeError(`no row ${i} of ${length}`);
      const rows: Record<string, unknown>[] = [];
      table.decoder()(rows, i, i + 1);
      return rows[i] as Record<string, unknown>;
    },
  };
}

/**
 * `holder[key]`, a table of rows, read as {@link UnbuiltTable} reads it whether or not it is still
 * columns: what reads one row or one value need not know which.
 */
export function tableOf(holder: object, key: string): UnbuiltTable {
  const unbuilt = unbuiltTable(holder, key);
  if (unbuilt !== null) return unbuilt;
  const rows = (holder as Record<string, unknown>)[key] as readonly Record<string, unknown>[];
  const cell = (field: string, i: number): unknown => {
    const row = rows[i];
    return row !== undefined && Object.hasOwn(row, field) ? row[field] : undefined;
  };
  return {
    length: rows.length,
    cell,
    indexOf: (field, value) => rows.findIndex((row) => Object.hasOwn(row, field) && row[field] === value),
    rowAt(i) {
      const row = rows[i];
      if (!Number.isInteger(i) || row === undefined) throw new RangeError(`no row ${i} of ${rows.length}`);
      return row;
    },
  };
}

/**
 * A task's arguments or result ready to cross to the other thread or process: written a slice at
 * a time on the main thread (`sliced`), at once in a worker.
 *
 * @example
 * await rowsAsColumns({ areas: rows }, { sliced: true }); // 20,000 rows, the first a root with no parent
 * // → { areas: { __musterRowsAsColumns: 0x6d75737465n, length: 20000, keys: ['code', 'name', 'parentCode', 'population'],
 * //     shapes: [[0, 1], [0, 1, 2, 3]], shapeOf: Uint8Array(20000), columns: [{ text: 'roota0a1…', ends: Uint32Array(20000), nulls: null }, …] } }
 */
export function rowsAsColumns(value: unknown, options: { sliced: boolean }): Promise<unknown> {
  const shapesFound = new Map<unknown, Shapes>();
  return mapDeep(
    value,
    (item) => {
      const shaped = Array.isArray(item) && item.length >= MIN_ROWS ? shapesOf(item) : null;
      if (shaped !== null) shapesFound.set(item, shaped);
      return shaped !== null;
    },
    (item) => encodeRows(item as Record<string, unknown>[], shapesFound.get(item) as Shapes, options.sliced),
  );
}

/** What {@link rowsAsColumns} was given, its rows built again (a slice at a time when `sliced`). */
export function rowsFromColumns(value: unknown, options: { sliced: boolean }): Promise<unknown> {
  return mapDeep(value, isEncoded, (item) => decodeRows(item as Encoded, options.sliced));
}

/**
 * How many values of `value` (as {@link rowsAsColumns} answers) lie outside its columns, counted
 * up to `limit`: what a structured clone reads one by one.
 */
export function valuesOutsideColumns(value: unknown, limit: number): number {
  let count = 0;
  const visit = (item: unknown): void => {
    if (count >= limit) return;
    count += 1;
    if (isEncoded(item)) {
      count -= 1;
      return;
    }
    if (Array.isArray(item)) for (const element of item) visit(element);
    else if (isPlainObject(item)) for (const key of Object.keys(item)) visit(item[key]);
  };
  visit(value);
  return count;
}
