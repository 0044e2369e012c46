// Whether a scenario may be stored: its own fields (name, note, staffing targets), its areas in
// the database, and its campaign fields checked by the planning library as it will plan them.
// Every check runs, so that a refusal names every field refused at once.
import { PlanningInputError } from '@muster/planning';
import { subtreeOf } from '../auth/access.ts';
import { NotFoundError, throwInputErrors } from '../errors.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { campaignRefusals } from './_internal/campaign-refusals.ts';
import type { ScenarioFields } from './scenario-fields.ts';

const MAX_NAME_LENGTH = 200;
const MAX_NOTE_LENGTH = 2000;
/** A wait target longer than a day is a typo, not a target. */
const MAX_WAIT_TARGET_MINUTES = 24 * 60;

/** What a check refuses: a bad value, or the scenario's area that does not exist. */
type Problem = PlanningInputError | NotFoundError;

function refusal(
  path: string,
  code: PlanningInputError['code'],
  expected: string,
  received: unknown,
): PlanningInputError {
  return new PlanningInputError({ path, code, expected, received });
}

function nameRefusals({ name }: ScenarioFields): PlanningInputError[] {
  if (name.trim() !== '' && name.length <= MAX_NAME_LENGTH) return [];
  return [refusal('input.name', 'range', `a name of 1 to ${MAX_NAME_LENGTH} characters`, name)];
}

/** The staffing targets and the note, each on its own. */
function targetAndNoteRefusals(fields: ScenarioFields): PlanningInputError[] {
  const refused: PlanningInputError[] = [];
  const wait = fields.waitTargetMinutes;
  if (wait != null && !(wait > 0 && wait <= MAX_WAIT_TARGET_MINUTES)) {
    refused.push(
      refusal(
        'input.waitTargetMinutes',
        'range',
        `a number of minutes above 0 and at most ${MAX_WAIT_TARGET_MINUTES}`,
        wait,
      ),
    );
  }
  const teams = fields.teamsPerSite;
  if (teams != null && !(Number.isInteger(teams) && teams >= 1)) {
    refused.push(refusal('input.teamsPerSite', 'range', 'a positive integer', teams));
  }
  if (fields.note != null && fields.note.length > MAX_NOTE_LENGTH) {
    refused.push(
      refusal(
        'input.note',
        'range',
        `a note of at most ${MAX_NOTE_LENGTH} characters`,
        `${fields.note.length} characters`,
      ),
    );
  }
  return refused;
}

export type CheckScenarioOptions = {
  /**
   * The caller typed the calendar (`createScenario(input:)`, an update that gives one): a deadline
   * before the start is refused. Default false: a replan's remaining campaign may start after it.
   */
  calendarTyped?: boolean;
};

/**
 * Refuses a scenario that may not be stored, naming every field refused under `input`
 * (`input.calendar.start`), in the order of the input: one problem as its check found it (an
 * unknown area as `NotFoundError`), several in one `InputErrors` ({@link throwInputErrors}).
 */
export async function checkScenario(
  prisma: PrismaClient,
  fields: ScenarioFields,
  options: CheckScenarioOptions = {},
): Promise<void> {
  const root = await prisma.area.findUnique({ where: { code: fields.areaCode } });
  const inside = root
    ? await prisma.area.findMany({
        where: { code: { in: fields.machines.map((m) => m.areaCode) }, ...subtreeOf(root.path) },
        select: { code: true, name: true },
      })
    : [];
  const known = new Set(inside.map((area) => area.code));
  const outside = new Map<number, PlanningInputError>();
  if (root) {
    fields.machines.forEach(({ areaCode }, index) => {
      if (known.has(areaCode)) return;
      const path = `input.machines[${index}].areaCode`;
      outside.set(
        index,
        refusal(path, 'unknown-reference', `an area within ${root.code} (${root.name})`, areaCode),
      );
    });
  }
  const problems: Problem[] = [
    ...nameRefusals(fields),
    ...(root ? [] : [new NotFoundError('area', fields.areaCode, 'input.areaCode')]),
    // The areas the machines name, under the scenario's root: enough for the library to judge the
    // machines (each area once, whole counts) as it will plan them.
    ...campaignRefusals(fields, {
      areas: root && [
        { code: root.code, name: root.name },
        ...inside
          .filter((area) => area.code !== root.code)
          .map((area) => ({ code: area.code, name: area.name, parentCode: root.code })),
      ],
      calendarTyped: options.calendarTyped ?? false,
      areaRefusals: outside,
    }),
    ...targetAndNoteRefusals(fields),
  ];
  throwInputErrors(problems);
}
