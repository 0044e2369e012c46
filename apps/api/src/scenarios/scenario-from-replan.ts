// A new scenario of the remaining campaign, from a stored scenario replanned from its reports:
// its fields with the calendar from the first open day after asOf, each leaf's already served as
// the replan counts it, the replan's paces as service overrides, and a link to where it came from.
import { PlanningInputError, type ReplanPace } from '@muster/planning';
import { replanScenario } from '../actuals/replan.ts';
import type { Memo } from '../compute/memo.ts';
import { InputErrors, refusalsOf } from '../errors.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { storedScenario } from '../planning/stored-plan.ts';
import { checkScenario } from './check-scenario.ts';
import { fieldsOfRow } from './scenario-fields.ts';
import { createData } from './scenario-rows.ts';

/** `createScenario(fromReplan:)`'s argument. */
export type FromReplan = {
  scenarioId: string;
  asOf: string;
  pace: ReplanPace;
  name?: string | null;
  note?: string | null;
};

const MAX_NAME_LENGTH = 200;

/** A refusal of the replan named under the argument (`asOf` is `fromReplan.asOf`). */
function movedUnderArgument(refusal: PlanningInputError): PlanningInputError {
  return Object.assign(
    new PlanningInputError({
      path: `fromReplan.${refusal.path}`,
      code: refusal.code,
      expected: refusal.expected,
      received: undefined,
    }),
    { received: refusal.received, message: `fromReplan.${refusal.message}` },
  );
}

/** The replan's refusals name the argument's fields, every one of them. */
function underArgument(error: unknown): unknown {
  const refusals = refusalsOf(error);
  if (refusals === null) return error;
  const [first, ...others] = refusals.problems.map(movedUnderArgument);
  if (first === undefined) return error;
  return refusals.count === 1 ? first : new InputErrors([first, ...others], refusals.count);
}

/** The row of the new scenario, written by `by`, once the replan is computed and its fields checked. */
export async function scenarioFromReplan(
  prisma: PrismaClient,
  memo: Memo,
  from: FromReplan,
  by: string,
): Promise<Prisma.ScenarioUncheckedCreateInput> {
  const stored = await storedScenario(memo, prisma, from.scenarioId);
  const source = stored.scenario;
  const replan = await replanScenario(prisma, memo, {
    scenarioId: source.id,
    areaCode: source.areaCode,
    asOf: from.asOf,
    pace: from.pace,
  }).catch((error: unknown) => {
    throw underArgument(error);
  });
  const fields = {
    ...fieldsOfRow(source),
    name:
      from.name ??
      `${source.name} — from ${replan.input.calendar.start}, ${from.pace} pace`.slice(0, MAX_NAME_LENGTH),
    note: from.note ?? `Replanned from ${source.name} with the reports up to ${from.asOf}.`,
  };
  fields.calendar = { ...fields.calendar, start: replan.input.calendar.start };
  await checkScenario(prisma, fields);
  const ownServed = new Map(stored.subtree.map((area) => [area.code, area.alreadyServed]));
  const parents = new Set(stored.subtree.map((area) => area.parentCode));
  const served = replan.input.areas
    .filter(
      (area) => !parents.has(area.code) && (area.alreadyServed ?? 0) !== (ownServed.get(area.code) ?? 0),
    )
    .map((area) => ({ areaCode: area.code, alreadyServed: area.alreadyServed ?? 0 }));
  return {
    ...createData(fields, by),
    derivedFromId: source.id,
    derivedAsOf: from.asOf,
    derivedPace: from.pace,
    serviceOverrides: replan.input.serviceOverrides ? JSON.stringify(replan.input.serviceOverrides) : null,
    served: { create: served },
  };
}
