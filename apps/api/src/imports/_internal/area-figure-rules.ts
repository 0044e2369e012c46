// The rules an area file's figures keep, so that nothing it stores is refused by the planning
// library later (every plan of the province with it) or changes a figure without a word. Each rule
// is named with the sentence it enforces; a row breaking one is refused naming its cell. Leaves
// carry the figures (the library's `buildAreaTree`: eligible at most the population), parents hold
// the sums of their children (`computeDemand`): a figure a file gives is stored as given, or refused.
import { PlanningInputError, type PlanningInputErrorOptions } from '@muster/planning';
import { MAX_INT } from '../../planning/campaign-bounds.ts';
import type {
  AreaCount,
  AreaFigureIssue,
  AreaFigureRuleName,
  AreaSheetRow,
} from '../../spreadsheets/index.ts';
import { type AreaAround, type AreasAround, ancestorsOf } from './areas-around.ts';
import type { RolledUp } from './roll-up-areas.ts';

/** What the rules read: the file's rows, the areas around them and their figures once stored. */
export type AreaFigureContext = {
  rows: readonly AreaSheetRow[];
  around: AreasAround;
  rolledUp: RolledUp;
  /** Whether every row of the file was read and placed: the sums are only known then. */
  whole: boolean;
};

/**
 * A row refused for a rule of the area tree, with the figures it compares, so that the file's
 * refusal carries them beside its English sentence (`CellIssue.areaFigures`).
 */
export class AreaFigureError extends PlanningInputError {
  readonly figures: AreaFigureIssue;

  constructor(options: PlanningInputErrorOptions, figures: AreaFigureIssue) {
    super(options);
    this.figures = figures;
  }
}

/** One rule: its name, the sentence it enforces, and the refusals of the rows that break it. */
type AreaFigureRule = {
  name: AreaFigureRuleName;
  sentence: string;
  check: (context: AreaFigureContext) => AreaFigureError[];
};

const COUNTS: readonly AreaCount[] = ['population', 'eligible', 'alreadyServed'];

const count = (value: number) => value.toLocaleString('en');

function refusal(
  index: number,
  field: string,
  code: PlanningInputError['code'],
  expected: string,
  received: unknown,
  figures: AreaFigureIssue,
) {
  return new AreaFigureError({ path: `areas[${index}].${field}`, code, expected, received }, figures);
}

/** The figures a refusal compares: `value` as the file would leave `area`'s count, `bound` the rule's. */
function figuresOf(
  rule: AreaFigureRuleName,
  area: { code: string; name: string },
  which: AreaCount,
  value: number,
  bound: number,
  areasUnder: number | null = null,
): AreaFigureIssue {
  return { rule, areaCode: area.code, areaName: area.name, count: which, value, bound, areasUnder };
}

/** The file's areas with a row, each with its row; `leaves` those with no area below once stored. */
function rowAreas(context: AreaFigureContext, which: 'leaves' | 'parents') {
  const list: { area: AreaAround; row: AreaSheetRow; index: number }[] = [];
  for (const area of context.around.areas.values()) {
    if (area.rowIndex === null) continue;
    const parent = context.rolledUp.sums.has(area.code);
    if (parent !== (which === 'parents')) continue;
    list.push({ area, row: context.rows[area.rowIndex] as AreaSheetRow, index: area.rowIndex });
  }
  return list;
}

const countsWithinStored: AreaFigureRule = {
  name: 'countsWithinStored',
  sentence: `a count is at most ${count(MAX_INT)}, the largest the service stores (and an answer carries)`,
  check: (context) =>
    context.rows.flatMap((row, index) =>
      COUNTS.flatMap((field) => {
        const value = row[field];
        return value !== null && value > MAX_INT
          ? [
              refusal(
                index,
                field,
                'range',
                `at most ${count(MAX_INT)} (the largest count the service stores)`,
                value,
                figuresOf('countsWithinStored', row, field, value, MAX_INT),
              ),
            ]
          : [];
      }),
    ),
};

const eligibleWithinPopulation: AreaFigureRule = {
  name: 'eligibleWithinPopulation',
  sentence: 'an area’s eligible people are at most its population (the planning library refuses more)',
  check: (context) =>
    rowAreas(context, 'leaves').flatMap(({ area, row, index }) => {
      const { population, eligible } = area;
      // A row that gives neither is not refused for figures stored before it.
      if (row.population === null && row.eligible === null) return [];
      if (population === null || eligible === null || eligible <= population) return [];
      const why = 'the eligible are among the people living there';
      if (row.eligible !== null) {
        const whose = row.population === null ? 'the population stored for it' : 'its population';
        return [
          refusal(
            index,
            'eligible',
            'range',
            `at most ${count(population)} (${whose}: ${why})`,
            eligible,
            figuresOf('eligibleWithinPopulation', area, 'eligible', eligible, population),
          ),
        ];
      }
      return [
        refusal(
          index,
          'population',
          'range',
          `at least ${count(eligible)} (the eligible people stored for it: ${why})`,
          population,
          figuresOf('eligibleWithinPopulation', area, 'population', population, eligible),
        ),
      ];
    }),
};

const servedWithinEligible: AreaFigureRule = {
  name: 'servedWithinEligible',
  sentence: 'the people already served in an area are at most its eligible people',
  check: (context) =>
    rowAreas(context, 'leaves').flatMap(({ area, row, index }) => {
      const eligible = context.rolledUp.figures.get(area.code)?.eligible ?? null;
      if (eligible === null || area.alreadyServed <= eligible) return [];
      if (row.alreadyServed !== null) {
        return [
          refusal(
            index,
            'alreadyServed',
            'range',
            `at most ${count(eligible)} (its eligible people: those already served are among them)`,
            area.alreadyServed,
            figuresOf('servedWithinEligible', area, 'alreadyServed', area.alreadyServed, eligible),
          ),
        ];
      }
      const field = (['eligible', 'population', 'eligibleShare'] as const).find((key) => row[key] !== null);
      if (field === undefined) return [];
      return [
        refusal(
          index,
          field,
          'conflict',
          `a figure that leaves its eligible people (${count(eligible)}) at least the ${count(area.alreadyServed)} already served stored for it`,
          row[field],
          figuresOf('servedWithinEligible', area, 'eligible', eligible, area.alreadyServed),
        ),
      ];
    }),
};

const FIGURE_WORDS: Record<AreaCount, string> = {
  population: 'population',
  eligible: 'eligible people',
  alreadyServed: 'people already served',
};

const parentFiguresAreSums: AreaFigureRule = {
  name: 'parentFiguresAreSums',
  sentence:
    'a figure a file gives an area with areas under it is what those add up to (an area with areas under it holds their sums)',
  check: (context) =>
    context.whole
      ? rowAreas(context, 'parents').flatMap(({ area, row, index }) => {
          const sums = context.rolledUp.sums.get(area.code);
          if (!sums) return [];
          const n = sums.children.length;
          const below = n === 1 ? 'the 1 area under it adds' : `the ${n} areas under it add`;
          return COUNTS.flatMap((field) => {
            const given = row[field];
            if (given === null || given === sums[field]) return [];
            return [
              refusal(
                index,
                field,
                'conflict',
                `${count(sums[field])}, what ${below} up to once this file is stored (an area with areas under it holds their sums: change theirs)`,
                given,
                figuresOf('parentFiguresAreSums', area, field, given, sums[field], n),
              ),
            ];
          });
        })
      : [],
};

const childrenHoldTheirParent: AreaFigureRule = {
  name: 'childrenHoldTheirParent',
  sentence:
    'the areas a file puts under an area stored with figures of its own and nothing under it add up to those figures (its population, its people already served)',
  check: (context) => {
    if (!context.whole) return [];
    const refusals: AreaFigureError[] = [];
    for (const [code, sums] of context.rolledUp.sums) {
      const area = context.around.areas.get(code) as AreaAround;
      const before = area.storedLeaf;
      if (before === null) continue;
      // The file's own figures for the area are checked as those of any parent.
      const given = area.rowIndex === null ? null : (context.rows[area.rowIndex] as AreaSheetRow);
      const first = Math.min(...sums.children.map((child) => child.rowIndex ?? Number.POSITIVE_INFINITY));
      if (!Number.isFinite(first)) continue;
      const n = sums.children.length;
      const these =
        n === 1 ? 'the 1 area this file puts under it adds' : `the ${n} areas this file puts under it add`;
      const owned: [AreaCount, number | null][] = [
        ['population', before.population],
        ['alreadyServed', before.alreadyServed > 0 ? before.alreadyServed : null],
      ];
      for (const [field, own] of owned) {
        if (own === null || (given !== null && given[field] !== null) || sums[field] === own) continue;
        const words = FIGURE_WORDS[field];
        const has = field === 'population' ? `has population ${count(own)}` : `has ${count(own)} ${words}`;
        refusals.push(
          refusal(
            first,
            field,
            'conflict',
            `such that the areas this file puts under ${area.name} (${code}) add up to its ${words}: ${area.name} ${has}; ${these} up to ${count(sums[field])} (an area with areas under it holds their sums)`,
            (context.rows[first] as AreaSheetRow)[field],
            figuresOf('childrenHoldTheirParent', area, field, sums[field], own, n),
          ),
        );
      }
    }
    return refusals;
  },
};

const sumsWithinStored: AreaFigureRule = {
  name: 'sumsWithinStored',
  sentence: `the sums an area holds are at most ${count(MAX_INT)}, the largest count the service stores`,
  check: (context) => {
    if (!context.whole || countsWithinStored.check(context).length > 0) return [];
    const { areas } = context.around;
    const refusals: AreaFigureError[] = [];
    for (const [code, sums] of context.rolledUp.sums) {
      const field = COUNTS.find((key) => sums[key] > MAX_INT);
      if (field === undefined) continue;
      // Named on the file's first row at or under the area: the sum is the file's doing.
      let first = Number.POSITIVE_INFINITY;
      for (const area of areas.values()) {
        if (area.rowIndex === null || area.rowIndex >= first) continue;
        if (area.code === code || ancestorsOf(areas, area).some((above) => above.code === code)) {
          first = area.rowIndex;
        }
      }
      if (!Number.isFinite(first)) continue;
      const above = areas.get(code) as AreaAround;
      const { name } = above;
      refusals.push(
        refusal(
          first,
          field,
          'range',
          `a figure that keeps the ${FIGURE_WORDS[field]} of ${name} (${code}), the sum of the areas under it, at most ${count(MAX_INT)} (the largest count the service stores)`,
          (context.rows[first] as AreaSheetRow)[field],
          figuresOf('sumsWithinStored', above, field, sums[field], MAX_INT, sums.children.length),
        ),
      );
    }
    return refusals;
  },
};

/** The rules, in the order their refusals are listed on a row. */
export const AREA_FIGURE_RULES: readonly AreaFigureRule[] = [
  countsWithinStored,
  sumsWithinStored,
  childrenHoldTheirParent,
  parentFiguresAreSums,
  eligibleWithinPopulation,
  servedWithinEligible,
];
