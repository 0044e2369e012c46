// A document's cost is estimated before anything runs (Pothos complexity: every field costs 1, a
// list multiplies what it selects by 10 unless the field says otherwise, computed fields weigh
// their work from their arguments) and a request over MAX_COST is refused with LIMIT_EXCEEDED
// naming the field that weighs most. Arguments are read as the resolvers read them, so a literal
// and a variable of the same value cost the same. Then the request executes within its own
// allowance (cost points and time), which the worker pool reads for every computation. Long lists
// in the variables are coerced once, in slices, for both (long-variables.ts).
import { createComplexityRule } from '@pothos/plugin-complexity';
import { decodeGlobalID } from '@pothos/plugin-relay';
import {
  GraphQLError,
  type GraphQLOutputType,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  validate,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { bodyDigestOf } from '../cache/body-digest.ts';
import { nameValue } from '../compute/memo.ts';
import type { Context } from '../context.ts';
import { parseAreaPlanKey } from '../planning/plan-result.ts';
import { type CoercedRequest, coerceLongVariables } from './long-variables.ts';
import { withRequestWork } from './request-work.ts';
import { MAX_COST, NOMINAL, planWork } from './work.ts';

/** What the complexity of a list multiplies its selection by, unless the field says otherwise. */
const LIST_MULTIPLIER = 10;

/** The computed fields priced in one estimate: their points by field, and the work already priced. */
type Pricing = { byField: Map<string, number>; priced: Set<string>; planRows: number };

const pricings = new WeakMap<object, Pricing>();

function pricingOf(context: object): Pricing {
  let pricing = pricings.get(context);
  if (!pricing) {
    pricing = { byField: new Map(), priced: new Set(), planRows: LIST_MULTIPLIER };
    pricings.set(context, pricing);
  }
  return pricing;
}

/**
 * The complexity of a computed field: its work in points, remembered under `field` so that a
 * refusal can name it. Work under a `key` already priced in this document (the same plan asked
 * for through another alias) is computed once, so it costs 1 more.
 */
export function priced(context: object, field: string, points: number, key?: string): number {
  const pricing = pricingOf(context);
  if (key !== undefined) {
    if (pricing.priced.has(key)) return 1;
    pricing.priced.add(key);
  }
  pricing.byField.set(field, (pricing.byField.get(field) ?? 0) + points);
  return points;
}

/**
 * Says how many rows the plan being priced answers (`CampaignPlan.areas` multiplies its selection by
 * a twentieth of them: a row's field costs about 2.5 µs to resolve and write out).
 */
export function pricePlanRows(context: object, rows: number): void {
  pricingOf(context).planRows = Math.max(1, Math.ceil(rows / 20));
}

/** The multiplier of `CampaignPlan.areas`: set by the plan or what-if above it. */
export function planRowsMultiplier(context: object): number {
  return pricingOf(context).planRows;
}

/**
 * The complexity of `node`/`nodes`: 1 an id, and a stored scenario's plan for each scenario whose
 * rows (`AreaPlan`) are asked for, priced once per scenario as `plan` is. Ids come as sent (the
 * estimate runs before the arguments are parsed) or parsed.
 */
export function priceNodes(context: object, ids: readonly unknown[]): number {
  let points = 0;
  for (const id of ids) {
    points += 1;
    let parsed: { typename: string; id: string } | null = null;
    try {
      parsed = typeof id === 'string' ? decodeGlobalID(id) : (id as { typename: string; id: string });
    } catch {
      // A malformed id is refused when the arguments are parsed; it costs its 1 here.
    }
    const row = parsed?.typename === 'AreaPlan' ? parseAreaPlanKey(parsed.id) : null;
    if (row !== null) {
      points += priced(
        context,
        'Query.node',
        planWork(NOMINAL.scenarioAreas),
        `plan:scenario:${row.scenarioId}`,
      );
    }
  }
  return points;
}

/**
 * Default complexity: 1 a field. A list of stored rows (a Prisma model: areas, teams, reports)
 * multiplies its selection by 10, the n + 1 reads it may cause; a list of computed values (a
 * plan's days, a roster's assignments) by 1, the computation that made it being priced already;
 * so are a page's edges, the connection's page size having multiplied them.
 */
export function defaultFieldComplexity(
  _args: unknown,
  _context: unknown,
  field: { type: GraphQLOutputType },
): number | { field: number; multiplier: number } {
  const type = isNonNullType(field.type) ? field.type.ofType : field.type;
  if (!isListType(type)) return 1;
  const item = getNamedType(type);
  const stored = isObjectType(item) && item.extensions?.pothosPrismaModel !== undefined;
  return { field: 1, multiplier: stored ? LIST_MULTIPLIER : 1 };
}

function refusal(cost: number, pricing: Pricing | undefined): GraphQLError {
  const heaviest = [...(pricing?.byField ?? new Map<string, number>())].sort((a, b) => b[1] - a[1])[0];
  const field = heaviest?.[0];
  const detail = heaviest
    ? `; most of it is ${heaviest[0]} (${heaviest[1].toLocaleString('en')} points)`
    : '';
  return new GraphQLError(
    `The request's estimated cost is ${cost.toLocaleString('en')} points, over the limit of ${MAX_COST.toLocaleString('en')}${detail}. Ask for less (fewer days, teams, rows or aliases) or split the request.`,
    { extensions: { code: 'LIMIT_EXCEEDED', ...(field ? { field } : {}), cost, limit: MAX_COST } },
  );
}

/** The yoga plugin: the estimate before execution, then execution within the request's allowance. */
export function useCostLimit(): Plugin<Context> {
  return {
    onExecute(payload) {
      const long = coerceLongVariables(payload.args);
      // Most requests hold no long list: estimated and set to run in this turn, as they came.
      if (long === null) return estimateThenRun(payload, null);
      return long.then((coerced) => estimateThenRun(payload, coerced));
    },
  };
}

type OnExecute = Parameters<NonNullable<Plugin<Context>['onExecute']>>[0];

/**
 * Refuses the request when its estimate is over MAX_COST, else sets it to run within its
 * allowance; `coerced` (variables coerced already) is what both read when it is given.
 */
function estimateThenRun(
  { args, setResultAndStopExecution, executeFn, setExecuteFn }: OnExecute,
  coerced: CoercedRequest | null,
): void {
  const context = args.contextValue;
  const read = coerced ?? args;
  // A long variable is named by the body it came in, for the plan keys (compute/memo.ts).
  const body = coerced ? bodyDigestOf(context.request) : undefined;
  for (const name of body !== undefined ? (coerced?.coercedNames ?? []) : []) {
    const value = coerced?.variableValues[name];
    if (typeof value === 'object' && value !== null) nameValue(value, `body:${body}:$${name}`);
  }
  const errors = validate(read.schema, read.document, [
    createComplexityRule({
      context,
      variableValues: (read.variableValues ?? {}) as Record<string, unknown>,
      ...(args.operationName ? { operationName: args.operationName } : {}),
      validate: ({ complexity }, report) => {
        // The computed fields' part of the estimate (not stored rows' pages) decides the lane.
        let computed = 0;
        for (const points of pricings.get(context)?.byField.values() ?? []) computed += points;
        context.work.estimated = computed;
        if (complexity > MAX_COST) report(refusal(complexity, pricings.get(context)));
      },
    }),
  ]);
  // Variables that do not fit are left to execution, which names the field (BAD_USER_INPUT).
  const refused = errors.filter((error) => error.extensions.code === 'LIMIT_EXCEEDED');
  if (refused.length > 0) {
    setResultAndStopExecution({ errors: refused });
    return;
  }
  setExecuteFn((executeArgs) =>
    withRequestWork(context.work, () => executeFn(coerced ? { ...executeArgs, ...coerced } : executeArgs)),
  );
}
