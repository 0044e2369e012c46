// Whether a scenario may be stored: its own fields (name, note, staffing targets), its areas in
// the database, and its campaign fields checked by the planning library as it will plan them.
import { checkCampaignInput, PlanningInputError } from '@muster/planning';
import { subtreeOf } from '../auth/access.ts';
import { NotFoundError } from '../errors.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { checkCampaignBounds } from '../planning/campaign-bounds.ts';
import type { ScenarioFields } from './scenario-fields.ts';

const MAX_NAME_LENGTH = 200;
const MAX_NOTE_LENGTH = 2000;
/** A wait target longer than a day is a typo, not a target. */
const MAX_WAIT_TARGET_MINUTES = 24 * 60;

/** Refuses a scenario that may not be stored, naming the field of the input (`input.calendar.start`). */
export async function checkScenario(prisma: PrismaClient, fields: ScenarioFields): Promise<void> {
  if (fields.name.trim() === '' || fields.name.length > MAX_NAME_LENGTH) {
    throw new PlanningInputError({
      path: 'input.name',
      code: 'range',
      expected: `a name of 1 to ${MAX_NAME_LENGTH} characters`,
      received: fields.name,
    });
  }
  if (fields.note != null && fields.note.length > MAX_NOTE_LENGTH) {
    throw new PlanningInputError({
      path: 'input.note',
      code: 'range',
      expected: `a note of at most ${MAX_NOTE_LENGTH} characters`,
      received: `${fields.note.length} characters`,
    });
  }
  const wait = fields.waitTargetMinutes;
  if (wait != null && !(wait > 0 && wait <= MAX_WAIT_TARGET_MINUTES)) {
    throw new PlanningInputError({
      path: 'input.waitTargetMinutes',
      code: 'range',
      expected: `a number of minutes above 0 and at most ${MAX_WAIT_TARGET_MINUTES}`,
      received: wait,
    });
  }
  if (fields.teamsPerSite != null && !(Number.isInteger(fields.teamsPerSite) && fields.teamsPerSite >= 1)) {
    throw new PlanningInputError({
      path: 'input.teamsPerSite',
      code: 'range',
      expected: 'a positive integer',
      received: fields.teamsPerSite,
    });
  }
  checkCampaignBounds(fields, 'input');
  const root = await prisma.area.findUnique({ where: { code: fields.areaCode } });
  if (!root) throw new NotFoundError('area', fields.areaCode, 'input.areaCode');
  const inside = await prisma.area.findMany({
    where: { code: { in: fields.machines.map((m) => m.areaCode) }, ...subtreeOf(root.path) },
    select: { code: true, name: true },
  });
  const known = new Set(inside.map((area) => area.code));
  fields.machines.forEach(({ areaCode }, index) => {
    if (!known.has(areaCode)) {
      throw new PlanningInputError({
        path: `input.machines[${index}].areaCode`,
        code: 'unknown-reference',
        expected: `an area within ${root.code} (${root.name})`,
        received: areaCode,
      });
    }
  });
  // The areas the machines name, under the scenario's root: enough for the library to check the
  // calendar, hours, service and machines (each area once, whole counts) as it will plan them.
  checkCampaignInput(
    {
      areas: [
        { code: root.code, name: root.name },
        ...inside
          .filter((area) => area.code !== root.code)
          .map((area) => ({ code: area.code, name: area.name, parentCode: root.code })),
      ],
      calendar: fields.calendar,
      hours: fields.hours,
      service: fields.service,
      machines: fields.machines,
    },
    'input',
  );
}
