import type { MachineAllocation } from '@muster/planning';
import { machineCapacity, PlanningInputError, resolveCalendar, resolveOpeningWindow } from '@muster/planning';
import { scenarioScope, subtreeOf } from '../auth/access.ts';
import { signedIn } from '../auth/signed-in.ts';
import { builder } from '../builder.ts';
import { prisma } from '../db.ts';
import { NotFoundError } from '../errors.ts';
import type { Scenario } from '../generated/prisma/client.ts';
import { machinesOf } from '../planning/scenario-input.ts';
import {
  CalendarInputRef,
  MachineAllocationInputRef,
  OpeningHoursInputRef,
  ServiceInputRef,
  withoutNulls,
} from './campaign-input.ts';
import { inputErrors } from './error.ts';

const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const MAX_NAME_LENGTH = 200;
const MAX_NOTE_LENGTH = 2000;

const CalendarRef = builder.objectRef<Scenario>('Calendar').implement({
  fields: (t) => ({
    start: t.expose('start', { type: 'Date' }),
    deadline: t.expose('deadline', { type: 'Date' }),
    timeZone: t.exposeString('timeZone'),
    closedDates: t.field({ type: ['Date'], resolve: (s) => s.closedDates }),
    closedWeekdays: t.exposeIntList('closedWeekdays'),
  }),
});

const OpeningHoursRef = builder.objectRef<Scenario>('OpeningHours').implement({
  fields: (t) => ({ open: t.exposeString('open'), close: t.exposeString('close') }),
});

const ServiceRef = builder.objectRef<Scenario>('Service').implement({
  fields: (t) => ({
    minutesPerDossier: t.exposeFloat('minutesPerDossier'),
    serviceCv: t.exposeFloat('serviceCv', { nullable: true }),
    availability: t.exposeFloat('availability', { nullable: true }),
    hardCaseShare: t.exposeFloat('hardCaseShare', { nullable: true }),
    hardCaseExtraMinutes: t.exposeFloat('hardCaseExtraMinutes', { nullable: true }),
  }),
});

builder.prismaObject('ScenarioMachines', {
  name: 'MachineAllocation',
  description: 'Machines that serve an area and its subtree (less descendants with their own figure).',
  fields: (t) => ({
    areaCode: t.exposeString('areaCode'),
    area: t.relation('area'),
    machines: t.exposeInt('machines'),
  }),
});

builder.prismaObject('Scenario', {
  description: 'A named set of planning assumptions for an area and its descendants.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    areaCode: t.exposeString('areaCode'),
    area: t.relation('area'),
    calendar: t.field({ type: CalendarRef, resolve: (s) => s }),
    hours: t.field({ type: OpeningHoursRef, resolve: (s) => s }),
    service: t.field({ type: ServiceRef, resolve: (s) => s }),
    machines: t.relation('machines', {
      description: 'Machines per area; empty: plans say how many are needed.',
      query: { orderBy: { areaCode: 'asc' } },
    }),
    waitTargetMinutes: t.exposeFloat('waitTargetMinutes', { nullable: true }),
    teamsPerSite: t.exposeInt('teamsPerSite', { nullable: true }),
    note: t.exposeString('note', { nullable: true }),
    createdBy: t.exposeString('createdBy', { description: 'The name on the token that created it.' }),
    updatedBy: t.exposeString('updatedBy', { description: 'The name on the token that changed it last.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const ScenarioInputRef = builder.inputType('ScenarioInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    areaCode: t.string({ required: true, description: 'The root of the areas the scenario plans.' }),
    calendar: t.field({ type: CalendarInputRef, required: true }),
    hours: t.field({ type: OpeningHoursInputRef, required: true }),
    service: t.field({ type: ServiceInputRef, required: true }),
    machines: t.field({ type: [MachineAllocationInputRef] }),
    waitTargetMinutes: t.float({ description: 'Target mean wait in minutes, for hourly staffing.' }),
    teamsPerSite: t.int({ description: 'Teams per site working in rotation.' }),
    note: t.string(),
  }),
});

const ScenarioUpdateInputRef = builder.inputType('ScenarioUpdateInput', {
  description: 'Fields to change; absent fields keep their value. Nested objects are replaced whole.',
  fields: (t) => ({
    name: t.string(),
    areaCode: t.string(),
    calendar: t.field({ type: CalendarInputRef }),
    hours: t.field({ type: OpeningHoursInputRef }),
    service: t.field({ type: ServiceInputRef }),
    machines: t.field({ type: [MachineAllocationInputRef] }),
    waitTargetMinutes: t.float(),
    teamsPerSite: t.int(),
    note: t.string(),
  }),
});

type ScenarioData = Omit<Scenario, 'id' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy'> & {
  machines: MachineAllocation[];
};

/** Checks a whole scenario with the planning library's own validators; paths start at `input`. */
async function validateScenario(data: ScenarioData): Promise<void> {
  const seen = new Set<string>();
  data.machines.forEach((allocation, index) => {
    if (seen.has(allocation.areaCode)) {
      throw new PlanningInputError({
        path: `input.machines[${index}].areaCode`,
        code: 'duplicate',
        expected: 'an area code listed once',
        received: allocation.areaCode,
      });
    }
    seen.add(allocation.areaCode);
  });
  if (data.name.trim() === '' || data.name.length > MAX_NAME_LENGTH) {
    throw new PlanningInputError({
      path: 'input.name',
      code: 'range',
      expected: `a name of 1 to ${MAX_NAME_LENGTH} characters`,
      received: data.name,
    });
  }
  if (data.note != null && data.note.length > MAX_NOTE_LENGTH) {
    throw new PlanningInputError({
      path: 'input.note',
      code: 'range',
      expected: `a note of at most ${MAX_NOTE_LENGTH} characters`,
      received: `${data.note.length} characters`,
    });
  }
  resolveCalendar(
    {
      start: data.start,
      deadline: data.deadline,
      timeZone: data.timeZone,
      closedDates: data.closedDates,
      closedWeekdays: data.closedWeekdays,
    },
    'input.calendar',
  );
  resolveOpeningWindow({ open: data.open, close: data.close }, 'input.hours');
  machineCapacity(
    withoutNulls({
      minutesPerDossier: data.minutesPerDossier,
      serviceCv: data.serviceCv,
      availability: data.availability,
      hardCaseShare: data.hardCaseShare,
      hardCaseExtraMinutes: data.hardCaseExtraMinutes,
    }),
    'input.service',
  );
  if (data.waitTargetMinutes != null && !(data.waitTargetMinutes > 0 && data.waitTargetMinutes <= 24 * 60)) {
    throw new PlanningInputError({
      path: 'input.waitTargetMinutes',
      code: 'range',
      expected: 'a number of minutes above 0 and at most 1440',
      received: data.waitTargetMinutes,
    });
  }
  if (data.teamsPerSite != null && !(Number.isInteger(data.teamsPerSite) && data.teamsPerSite >= 1)) {
    throw new PlanningInputError({
      path: 'input.teamsPerSite',
      code: 'range',
      expected: 'a positive integer',
      received: data.teamsPerSite,
    });
  }
  const root = await prisma.area.findUnique({ where: { code: data.areaCode } });
  if (!root) {
    throw new PlanningInputError({
      path: 'input.areaCode',
      code: 'unknown-reference',
      expected: 'the code of a known area',
      received: data.areaCode,
    });
  }
  const inside = await prisma.area.findMany({
    where: { code: { in: [...seen] }, ...subtreeOf(root.path) },
    select: { code: true },
  });
  const known = new Set(inside.map((area) => area.code));
  data.machines.forEach(({ areaCode: code, machines: count }, index) => {
    if (!known.has(code)) {
      throw new PlanningInputError({
        path: `input.machines[${index}].areaCode`,
        code: 'unknown-reference',
        expected: `an area within ${root.code} (${root.name})`,
        received: code,
      });
    }
    if (!Number.isInteger(count) || count < 0) {
      throw new PlanningInputError({
        path: `input.machines[${index}].machines`,
        code: 'range',
        expected: 'a non-negative integer',
        received: count,
      });
    }
  });
}

type ScenarioArg = {
  name?: string | null;
  areaCode?: string | null;
  calendar?: {
    start: string;
    deadline: string;
    timeZone?: string | null;
    closedDates?: readonly string[] | null;
    closedWeekdays?: readonly number[] | null;
  } | null;
  hours?: { open: string; close: string } | null;
  service?: {
    minutesPerDossier: number;
    serviceCv?: number | null;
    availability?: number | null;
    hardCaseShare?: number | null;
    hardCaseExtraMinutes?: number | null;
  } | null;
  machines?: readonly { areaCode: string; machines: number }[] | null;
  waitTargetMinutes?: number | null;
  teamsPerSite?: number | null;
  note?: string | null;
};

/** Applies the given fields of an input over a base scenario. */
function merge(base: ScenarioData, input: ScenarioArg): ScenarioData {
  const data: ScenarioData = { ...base };
  if (input.name != null) data.name = input.name;
  if (input.areaCode != null) data.areaCode = input.areaCode;
  if (input.calendar) {
    data.start = input.calendar.start;
    data.deadline = input.calendar.deadline;
    data.timeZone = input.calendar.timeZone ?? DEFAULT_TIME_ZONE;
    data.closedDates = [...(input.calendar.closedDates ?? [])];
    data.closedWeekdays = [...(input.calendar.closedWeekdays ?? [])];
  }
  if (input.hours) {
    data.open = input.hours.open;
    data.close = input.hours.close;
  }
  if (input.service) {
    data.minutesPerDossier = input.service.minutesPerDossier;
    data.serviceCv = input.service.serviceCv ?? null;
    data.availability = input.service.availability ?? null;
    data.hardCaseShare = input.service.hardCaseShare ?? null;
    data.hardCaseExtraMinutes = input.service.hardCaseExtraMinutes ?? null;
  }
  if (input.machines) data.machines = machinesOf(input.machines);
  if (input.waitTargetMinutes !== undefined) data.waitTargetMinutes = input.waitTargetMinutes;
  if (input.teamsPerSite !== undefined) data.teamsPerSite = input.teamsPerSite;
  if (input.note !== undefined) data.note = input.note;
  return data;
}

const EMPTY: ScenarioData = {
  name: '',
  areaCode: '',
  start: '',
  deadline: '',
  timeZone: DEFAULT_TIME_ZONE,
  closedDates: [],
  closedWeekdays: [],
  open: '',
  close: '',
  minutesPerDossier: 0,
  serviceCv: null,
  availability: null,
  hardCaseShare: null,
  hardCaseExtraMinutes: null,
  waitTargetMinutes: null,
  teamsPerSite: null,
  machines: [],
  note: null,
};

function splitMachines({ machines: pools, ...fields }: ScenarioData) {
  return { fields, pools };
}

builder.queryFields((t) => ({
  scenarios: t.prismaField({
    type: ['Scenario'],
    description:
      'Scenarios by name that the caller sees (rooted in its area or above it); only those of one root area when `areaCode` is given.',
    args: { areaCode: t.arg.string() },
    resolve: (query, _root, args, { principal }) =>
      prisma.scenario.findMany({
        ...query,
        where: {
          AND: [signedIn(principal, scenarioScope), args.areaCode != null ? { areaCode: args.areaCode } : {}],
        },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      }),
  }),
  scenario: t.prismaField({
    type: 'Scenario',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    authScopes: (_root, args) => ({ seesScenario: String(args.id) }),
    resolve: (query, _root, args) => prisma.scenario.findUnique({ ...query, where: { id: String(args.id) } }),
  }),
}));

builder.mutationFields((t) => ({
  createScenario: t.prismaField({
    type: 'Scenario',
    errors: { types: inputErrors },
    args: { input: t.arg({ type: ScenarioInputRef, required: true }) },
    skipTypeScopes: true,
    authScopes: (_root, args) => ({ plansArea: args.input.areaCode }),
    resolve: async (query, _root, args, { principal }) => {
      const data = merge(EMPTY, args.input);
      await validateScenario(data);
      const { fields, pools } = splitMachines(data);
      const by = signedIn(principal, (p) => p.name);
      return prisma.scenario.create({
        ...query,
        data: { ...fields, createdBy: by, updatedBy: by, machines: { create: pools } },
      });
    },
  }),
  updateScenario: t.prismaField({
    type: 'Scenario',
    errors: { types: inputErrors },
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: ScenarioUpdateInputRef, required: true }),
    },
    skipTypeScopes: true,
    // Moving a scenario needs the right to plan both where it is and where it goes.
    authScopes: (_root, args) => ({
      $all: {
        plansScenario: String(args.id),
        ...(args.input.areaCode != null ? { plansArea: args.input.areaCode } : {}),
      },
    }),
    resolve: async (query, _root, args, { principal }) => {
      const id = String(args.id);
      const existing = await prisma.scenario.findUnique({ where: { id }, include: { machines: true } });
      if (!existing) throw new NotFoundError('scenario', id, 'id');
      const {
        id: _id,
        createdAt: _c,
        updatedAt: _u,
        createdBy: _cb,
        updatedBy: _ub,
        machines,
        ...rest
      } = existing;
      const data = merge({ ...rest, machines: machinesOf(machines) }, args.input);
      await validateScenario(data);
      const { fields, pools } = splitMachines(data);
      return prisma.scenario.update({
        ...query,
        where: { id },
        data: {
          ...fields,
          updatedBy: signedIn(principal, (p) => p.name),
          machines: { deleteMany: {}, create: pools },
        },
      });
    },
  }),
}));
