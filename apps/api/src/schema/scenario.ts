// Scenarios: named sets of planning assumptions, read and written. The checks, the merging of an
// update and the rows Prisma stores live in ../scenarios/.
import type { ServiceOverride } from '@muster/planning';
import { scenarioScope, subtreeOf } from '../auth/access.ts';
import { signedIn } from '../auth/signed-in.ts';
import { builder } from '../builder.ts';
import { prisma } from '../db.ts';
import { PlanningInputError } from '../errors.ts';
import type { Scenario } from '../generated/prisma/client.ts';
import { checkScenario } from '../scenarios/check-scenario.ts';
import { ScenarioChangedError } from '../scenarios/scenario-changed-error.ts';
import { applyChanges, NEW_SCENARIO } from '../scenarios/scenario-fields.ts';
import { scenarioFromReplan } from '../scenarios/scenario-from-replan.ts';
import { createData } from '../scenarios/scenario-rows.ts';
import { updateScenario } from '../scenarios/update-scenario.ts';
import { computeErrors, ErrorInterface, inputErrors } from './error.ts';
import { ReplanPaceEnum } from './replan-pace.ts';
import { ScenarioFromReplanInputRef, ScenarioInputRef, ScenarioUpdateInputRef } from './scenario-input.ts';

const CalendarRef = builder.objectRef<Scenario>('Calendar').implement({
  description: 'A scenario’s days: ISO dates, both ends included, in its time zone.',
  fields: (t) => ({
    start: t.expose('start', { description: 'First day of service.', type: 'Date' }),
    deadline: t.expose('deadline', { description: 'Last day of service, included.', type: 'Date' }),
    timeZone: t.exposeString('timeZone', {
      description: 'IANA time zone of the dates and hours, e.g. Asia/Ho_Chi_Minh.',
    }),
    closedDates: t.field({
      description: 'Dates with no service (holidays).',
      type: ['Date'],
      resolve: (s) => s.closedDates,
    }),
    closedWeekdays: t.exposeIntList('closedWeekdays', {
      description: 'ISO weekdays with no service, 1 = Monday … 7 = Sunday.',
    }),
  }),
});

const OpeningHoursRef = builder.objectRef<Scenario>('OpeningHours').implement({
  description: 'The daily window, HH:mm local time; a close at or before the open ends after midnight.',
  fields: (t) => ({
    open: t.exposeString('open', { description: 'Local time the window opens, HH:mm.' }),
    close: t.exposeString('close', { description: 'Local time the window closes, HH:mm (24:00 allowed).' }),
  }),
});

const ServiceRef = builder.objectRef<Scenario>('Service').implement({
  description: 'How one machine serves dossiers, as the scenario stores it (null: the library’s default).',
  fields: (t) => ({
    minutesPerDossier: t.exposeFloat('minutesPerDossier', {
      description: 'Mean minutes to take one ordinary dossier, minutes.',
    }),
    serviceCv: t.exposeFloat('serviceCv', {
      description: 'Coefficient of variation of the service time, no unit; null: 1.',
      nullable: true,
    }),
    availability: t.exposeFloat('availability', {
      description: 'Share of open time a machine works, 0..1; null: 1 (no breakdowns).',
      nullable: true,
    }),
    hardCaseShare: t.exposeFloat('hardCaseShare', {
      description: 'Share of dossiers that are hard cases, 0..1; null: none.',
      nullable: true,
    }),
    hardCaseExtraMinutes: t.exposeFloat('hardCaseExtraMinutes', {
      description: 'Extra minutes a hard case takes, minutes; null: none.',
      nullable: true,
    }),
  }),
});

builder.prismaObject('ScenarioMachines', {
  name: 'MachineAllocation',
  description: 'Machines that serve an area and its subtree (less descendants with their own figure).',
  fields: (t) => ({
    areaCode: t.exposeString('areaCode', { description: 'The area served (with its subtree), by code.' }),
    area: t.relation('area', { description: 'The area served.' }),
    machines: t.exposeInt('machines', { description: 'Machines given to it, machines.' }),
  }),
});

builder.prismaObject('ScenarioServed', {
  name: 'ScenarioServed',
  description: 'Eligible people already served in a leaf, as a scenario counts them.',
  fields: (t) => ({
    areaCode: t.exposeString('areaCode', { description: 'The leaf (commune).' }),
    alreadyServed: t.exposeInt('alreadyServed', { description: 'People already served (dossiers taken).' }),
  }),
});

const ServiceOverrideRef = builder.objectRef<ServiceOverride>('ServiceOverride').implement({
  description:
    'The service of an area’s subtree where it differs from the scenario’s (the nearest up the tree wins).',
  fields: (t) => ({
    areaCode: t.exposeString('areaCode', { description: 'The area whose subtree it serves.' }),
    minutesPerDossier: t.float({
      description: 'Mean minutes to take one ordinary dossier.',
      resolve: (o) => o.service.minutesPerDossier,
    }),
    serviceCv: t.float({
      nullable: true,
      description: 'Coefficient of variation of the service time.',
      resolve: (o) => o.service.serviceCv ?? null,
    }),
    availability: t.float({
      nullable: true,
      description: 'Share of open time a machine works, 0..1.',
      resolve: (o) => o.service.availability ?? null,
    }),
    hardCaseShare: t.float({
      nullable: true,
      description: 'Share of dossiers that take longer, 0..1.',
      resolve: (o) => o.service.hardCaseShare ?? null,
    }),
    hardCaseExtraMinutes: t.float({
      nullable: true,
      description: 'Extra minutes a hard case takes.',
      resolve: (o) => o.service.hardCaseExtraMinutes ?? null,
    }),
  }),
});

builder.prismaNode('Scenario', {
  description: 'A named set of planning assumptions for an area and its descendants.',
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    scenarioId: t.exposeID('id', {
      description:
        'The scenario’s own key (a UUID; a name such as `dak-nong-2021` for the demo’s): what `scenarioId` and `id` arguments take.',
    }),
    name: t.exposeString('name', { description: 'Name shown to planners, 1 to 200 characters.' }),
    areaCode: t.exposeString('areaCode', {
      description: 'Code of the scenario’s root area: it plans that area and everything below.',
    }),
    area: t.relation('area', { description: 'The scenario’s root area.' }),
    areas: t.prismaField({
      type: ['Area'],
      description:
        'The areas the scenario plans: its root and every area below it, at any depth, parents before children (by depth, then code), each with its `parentCode`. The tree its plans are computed on, so a what-if can send that same tree. Figures as on `Area` (only for a caller whose area holds them).',
      resolve: async (query, scenario) => {
        const root = await prisma.area.findUniqueOrThrow({
          where: { code: scenario.areaCode },
          select: { path: true },
        });
        return prisma.area.findMany({
          ...query,
          where: subtreeOf(root.path),
          orderBy: [{ depth: 'asc' }, { code: 'asc' }],
        });
      },
    }),
    calendar: t.field({ description: 'Its days.', type: CalendarRef, resolve: (s) => s }),
    hours: t.field({ description: 'Its daily opening window.', type: OpeningHoursRef, resolve: (s) => s }),
    service: t.field({ description: 'How a machine serves dossiers.', type: ServiceRef, resolve: (s) => s }),
    machines: t.relation('machines', {
      description: 'Machines per area; empty: plans say how many are needed.',
      query: { orderBy: { areaCode: 'asc' } },
    }),
    waitTargetMinutes: t.exposeFloat('waitTargetMinutes', {
      description: 'Mean wait staffing plans for, minutes; null: 30.',
      nullable: true,
    }),
    teamsPerSite: t.exposeInt('teamsPerSite', {
      description: 'Teams rotating at each site, for rosters; null: as many as the rules need.',
      nullable: true,
    }),
    note: t.exposeString('note', { description: 'Free note, up to 2,000 characters.', nullable: true }),
    derivedFrom: t.relation('derivedFrom', {
      nullable: true,
      description: 'The scenario this one was made from by a replan; null when made by hand.',
    }),
    derivedAsOf: t.expose('derivedAsOf', {
      type: 'Date',
      nullable: true,
      description: 'The replan’s asOf: the last day whose reports it counts; null when made by hand.',
    }),
    derivedPace: t.field({
      type: ReplanPaceEnum,
      nullable: true,
      description: 'The replan’s pace; null when made by hand.',
      resolve: (s) => s.derivedPace as 'planned' | 'observed' | 'blended' | null,
    }),
    alreadyServed: t.relation('served', {
      description:
        'Eligible people already served per leaf as this scenario counts them (a replan’s reports), where they differ from the area’s own figure.',
      query: { orderBy: { areaCode: 'asc' } },
    }),
    serviceOverrides: t.field({
      type: [ServiceOverrideRef],
      description: 'Services that differ from `service` in part of the tree (a replan’s paces per area).',
      resolve: (s) =>
        s.serviceOverrides == null ? [] : (JSON.parse(s.serviceOverrides) as ServiceOverride[]),
    }),
    createdBy: t.exposeString('createdBy', { description: 'The name on the token that created it.' }),
    updatedBy: t.exposeString('updatedBy', { description: 'The name on the token that changed it last.' }),
    createdAt: t.expose('createdAt', { description: 'When it was created (UTC).', type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', {
      description:
        'When it was last changed (UTC, to the millisecond); every change moves it on. Sent back as `updateScenario`’s `expectedUpdatedAt`, it refuses an update over a change the caller has not seen.',
      type: 'DateTime',
    }),
  }),
});

builder.objectType(ScenarioChangedError, {
  name: 'ScenarioChangedError',
  description:
    'An update refused because the scenario changed after the caller read it (its `updatedAt` is not the `expectedUpdatedAt` sent): nothing was stored. Read `scenario` and make the change again on what it holds now.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ScenarioChangedError,
  fields: (t) => ({
    field: t.exposeString('path', { description: 'The argument refused: `expectedUpdatedAt`.' }),
    expectedUpdatedAt: t.expose('expectedUpdatedAt', {
      type: 'DateTime',
      description: 'The `updatedAt` the caller read and sent (UTC, to the millisecond).',
    }),
    updatedAt: t.expose('updatedAt', {
      type: 'DateTime',
      description:
        'When the scenario was last changed (UTC, to the millisecond): the `expectedUpdatedAt` of an update made on what it holds now.',
    }),
    updatedBy: t.exposeString('updatedBy', {
      description: 'Who changed it last: the name on their token.',
    }),
    scenario: t.prismaField({
      type: 'Scenario',
      nullable: true,
      description: 'The scenario as it is stored now; null if it was deleted since.',
      resolve: (query, error) => prisma.scenario.findUnique({ ...query, where: { id: error.scenarioId } }),
    }),
  }),
});

builder.queryFields((t) => ({
  scenarios: t.prismaField({
    type: ['Scenario'],
    nullable: true,
    description:
      'Scenarios by name that the caller sees (rooted in its area or above it); only those of one root area when `areaCode` is given. Null, with its error, without a token.',
    args: { areaCode: t.arg.string({ description: 'Only the scenarios of this root area (its code).' }) },
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
    args: { id: t.arg.id({ required: true, description: 'The scenario’s own key (`scenarioId`).' }) },
    description: 'A scenario by id; null when it does not exist or is outside what the caller sees.',
    authScopes: (_root, args) => ({ seesScenario: String(args.id) }),
    // Outside the caller's scope reads as missing: nobody learns which scenarios exist elsewhere.
    unauthorizedResolver: (_root, _args, { principal }, _info, error) => {
      if (principal === null) throw error;
      return null;
    },
    resolve: (query, _root, args) => prisma.scenario.findUnique({ ...query, where: { id: String(args.id) } }),
  }),
}));

builder.mutationFields((t) => ({
  createScenario: t.prismaField({
    type: 'Scenario',
    description:
      'Stores a new scenario: from `input`, or from `fromReplan`, the remaining campaign of a scenario replanned from its reports (linked to it by `derivedFrom`). Exactly one of the two. Every field of `input` refused is named in `InputError.problems`.',
    errors: { types: computeErrors },
    args: {
      input: t.arg({ type: ScenarioInputRef, description: 'The new scenario’s assumptions.' }),
      fromReplan: t.arg({
        type: ScenarioFromReplanInputRef,
        description: 'A stored scenario replanned from its reports up to asOf, at a pace.',
      }),
    },
    skipTypeScopes: true,
    // From a replan: the right to read the scenario replanned and to plan where it is rooted.
    authScopes: (_root, args) =>
      args.fromReplan
        ? {
            $all: {
              seesScenario: String(args.fromReplan.scenarioId),
              plansScenario: String(args.fromReplan.scenarioId),
            },
          }
        : args.input
          ? { plansArea: args.input.areaCode }
          : { signedIn: true },
    resolve: async (query, _root, args, { principal, memo }) => {
      const by = signedIn(principal, (p) => p.name);
      if ((args.input == null) === (args.fromReplan == null)) {
        throw new PlanningInputError({
          path: args.input == null ? 'input' : 'fromReplan',
          code: 'required',
          expected: 'exactly one of input and fromReplan',
          received: args.input == null ? 'neither' : 'both',
        });
      }
      if (args.fromReplan) {
        const { scenarioId, asOf, pace, name, note } = args.fromReplan;
        const data = await scenarioFromReplan(
          prisma,
          memo,
          { scenarioId: String(scenarioId), asOf, pace: pace ?? 'blended', name, note },
          by,
        );
        return prisma.scenario.create({ ...query, data });
      }
      const fields = applyChanges(NEW_SCENARIO, args.input as NonNullable<typeof args.input>);
      await checkScenario(prisma, fields, { calendarTyped: true });
      return prisma.scenario.create({ ...query, data: createData(fields, by) });
    },
  }),
  updateScenario: t.prismaField({
    type: 'Scenario',
    description:
      'Changes the fields given of a stored scenario (machines replaced whole), checked again: every field refused is named in `InputError.problems`. With `expectedUpdatedAt`, refused with `ScenarioChangedError` when someone changed the scenario since; nothing is stored then. Planners inside its area, admins.',
    errors: { types: [...inputErrors, ScenarioChangedError] },
    args: {
      id: t.arg.id({ required: true, description: 'The scenario’s own key (`scenarioId`).' }),
      input: t.arg({
        type: ScenarioUpdateInputRef,
        required: true,
        description: 'The fields to change; absent ones stay.',
      }),
      expectedUpdatedAt: t.arg({
        type: 'DateTime',
        description:
          'The scenario’s `updatedAt` as the caller read it (an instant, to the millisecond). Given, the update is refused with `ScenarioChangedError` if the scenario changed since, and nothing is stored. Absent: the fields given go over whatever is stored now, whoever changed it last.',
      }),
    },
    skipTypeScopes: true,
    // Moving a scenario needs the right to plan both where it is and where it goes; one the
    // caller does not see is answered as missing.
    authScopes: (_root, args) => ({
      $all: {
        seesScenario: String(args.id),
        plansScenario: String(args.id),
        ...(args.input.areaCode != null ? { plansArea: args.input.areaCode } : {}),
      },
    }),
    resolve: (query, _root, args, { principal }) => {
      const id = String(args.id);
      return updateScenario(
        prisma,
        {
          id,
          changes: args.input,
          expectedUpdatedAt: args.expectedUpdatedAt,
          by: signedIn(principal, (p) => p.name),
        },
        (tx, data) => tx.scenario.update({ ...query, where: { id }, data }),
      );
    },
  }),
}));
