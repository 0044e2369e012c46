// The planning library's inputs as GraphQL input types, field for field, so a refusal's path in
// the library (`machines[1].machines`) is the path in the argument (`input.machines[1].machines`).

import type { CampaignInput } from '@muster/planning';
import { PlanningInputError } from '@muster/planning';
import { builder } from '../builder.ts';
import { compute } from '../compute/pool.ts';
import { LimitExceededError, refusalsOf, throwInputErrors } from '../errors.ts';
import { campaignBoundsRefusals } from '../planning/campaign-bounds.ts';
import { refusalsInInputOrder } from '../planning/refusals-in-input-order.ts';
import { withoutNulls } from '../planning/without-nulls.ts';
import { AreaLevelEnum, CommuneTypeEnum } from './area.ts';

const GeoPointInputRef = builder.inputType('GeoPointInput', {
  description: 'A place in decimal degrees (WGS 84), such as a commune’s centroid.',
  fields: (t) => ({
    latitude: t.float({ required: true, description: 'Degrees north, −90 to 90.' }),
    longitude: t.float({ required: true, description: 'Degrees east, −180 to 180.' }),
  }),
});

const AreaInputRef = builder.inputType('AreaInput', {
  description: 'One area of a what-if; `parentCode` links the tree (any depth). Figures on leaves roll up.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'Unique code, such as the GSO code `40`.' }),
    name: t.string({ required: true, description: 'Name shown to planners.' }),
    parentCode: t.string({ description: 'Code of the parent area; absent on a root.' }),
    level: t.field({ type: AreaLevelEnum, description: 'What kind of unit it is; optional.' }),
    population: t.int({ description: 'People living in the area.' }),
    eligibleShare: t.float({ description: 'Share eligible (aged 14+), 0..1; inherited by descendants.' }),
    eligible: t.int({ description: 'Eligible people; wins over population × eligibleShare.' }),
    alreadyServed: t.int({ description: 'Eligible people already served (dossiers taken).' }),
    turnout: t.float({
      description: 'Share of the eligible expected to come, 0..1; inherited by descendants.',
    }),
    location: t.field({
      type: GeoPointInputRef,
      description: 'Where the area is (its centroid); mobile teams travel between communes’ locations.',
    }),
    areaKm2: t.float({
      description: 'Land area, km²; with the population, the density that sets a commune’s terrain class.',
    }),
    urbanShare: t.float({
      description: 'Share of the residents living in urban areas, 0..1; from 0.5 a commune is urban terrain.',
    }),
    communeType: t.field({
      type: CommuneTypeEnum,
      description: 'The commune’s legal type (a ward is urban terrain).',
    }),
  }),
});

export const CalendarInputRef = builder.inputType('CalendarInput', {
  description: 'The campaign’s days: ISO dates, both ends included, in a time zone.',
  fields: (t) => ({
    start: t.field({ type: 'Date', required: true, description: 'First day of service.' }),
    deadline: t.field({
      type: 'Date',
      required: true,
      description:
        'Last day of service, included: within 3,660 days (ten years) after the start (before it, the campaign has no open day).',
    }),
    timeZone: t.string({ description: 'IANA zone; Asia/Ho_Chi_Minh for stored scenarios by default.' }),
    closedDates: t.field({ type: ['Date'], description: 'Dates with no service (holidays).' }),
    closedWeekdays: t.intList({ description: 'ISO weekdays with no service, 1 = Monday … 7 = Sunday.' }),
  }),
});

export const OpeningHoursInputRef = builder.inputType('OpeningHoursInput', {
  description:
    'Daily window HH:mm; a close at or before the open ends after midnight; round the clock is 00:00–24:00.',
  fields: (t) => ({
    open: t.string({ required: true, description: 'Local time the window opens, HH:mm.' }),
    close: t.string({ required: true, description: 'Local time the window closes, HH:mm (24:00 allowed).' }),
  }),
});

export const ServiceInputRef = builder.inputType('ServiceInput', {
  description: 'How one machine serves dossiers (the planning library’s ServiceInput).',
  fields: (t) => ({
    minutesPerDossier: t.float({
      required: true,
      description: 'Mean minutes to take one ordinary dossier, from 0.01 to 10,080 (a week).',
    }),
    serviceCv: t.float({ description: 'Coefficient of variation of the service time. Default 1.' }),
    availability: t.float({ description: 'Share of open time a machine works, 0..1. Default 1.' }),
    hardCaseShare: t.float({ description: 'Share of dossiers that take longer, 0..1. Default 0.' }),
    hardCaseExtraMinutes: t.float({
      description: 'Extra minutes a hard case takes, at most 10,080 (a week). Default 0.',
    }),
  }),
});

export const MachineAllocationInputRef = builder.inputType('MachineAllocationInput', {
  description: 'Machines that serve an area and its subtree (less descendants with their own figure).',
  fields: (t) => ({
    areaCode: t.string({ required: true, description: 'The area whose subtree the machines serve.' }),
    machines: t.int({ required: true, description: 'Whole machines, from 0 to 100,000.' }),
  }),
});

export const CampaignInputRef = builder.inputType('CampaignInput', {
  description: 'Everything a campaign plan is computed from (the planning library’s CampaignInput).',
  fields: (t) => ({
    areas: t.field({
      type: [AreaInputRef],
      required: true,
      description: 'Flat list; parentCode links the tree.',
    }),
    calendar: t.field({ type: CalendarInputRef, required: true, description: 'The campaign’s days.' }),
    hours: t.field({ type: OpeningHoursInputRef, required: true, description: 'Daily opening window.' }),
    service: t.field({ type: ServiceInputRef, required: true, description: 'How a machine serves.' }),
    machines: t.field({
      type: [MachineAllocationInputRef],
      description: 'One entry per area; absent: the plan says how many machines are needed.',
    }),
  }),
});

/** Most areas a what-if may list: the whole country (11,371 areas) with room to spare. */
const MAX_WHAT_IF_AREAS = 20_000;

/**
 * Every refusal the planning library makes of `input`, read in the worker pool as it plans (the
 * first `MAX_LISTED_PROBLEMS` of `count`); none when the request has no budget left to read it
 * (its refusals of the bounds are answered alone, not a LimitExceededError).
 */
async function libraryRefusals(
  input: CampaignInput,
): Promise<{ problems: PlanningInputError[]; count: number }> {
  try {
    await compute('checkCampaignInput', input, 'input');
    return { problems: [], count: 0 };
  } catch (error) {
    if (error instanceof LimitExceededError) return { problems: [], count: 0 };
    const refusals = refusalsOf(error);
    if (refusals === null) throw error;
    return refusals;
  }
}

/**
 * Every field of an input type, none left out: an argument rebuilt field by field in the library's
 * order fails to compile when the type gains a field, rather than dropping it.
 */
type EveryField<T> = { [K in keyof Required<T>]: T[K] | undefined };

/** An area argument as the library reads it: its fields in the order the library names them in. */
function areaInOrder(area: typeof AreaInputRef.$inferInput): CampaignInput['areas'][number] {
  const ordered: EveryField<typeof area> = {
    code: area.code,
    name: area.name,
    parentCode: area.parentCode,
    level: area.level,
    population: area.population,
    eligibleShare: area.eligibleShare,
    eligible: area.eligible,
    alreadyServed: area.alreadyServed,
    turnout: area.turnout,
    location: area.location,
    areaKm2: area.areaKm2,
    urbanShare: area.urbanShare,
    communeType: area.communeType,
  };
  return withoutNulls(ordered) as CampaignInput['areas'][number];
}

/**
 * A `CampaignInput` argument as the library's input: the same fields, nulls read as absent.
 * Refused, when a figure is beyond what the service plans (planning/campaign-bounds.ts), with every
 * figure the service's bounds or the library refuse, in the order of the input (each field once, by
 * the bounds first). The library reads the input in the worker pool (a 20,000-area input took
 * 25–90 ms on the 2-core development machine, too long for the main thread): an input within the
 * bounds is read as it is planned, its refusals coming with the plan.
 */
export async function toCampaignInput(arg: typeof CampaignInputRef.$inferInput): Promise<CampaignInput> {
  if (arg.areas.length > MAX_WHAT_IF_AREAS) {
    throw new PlanningInputError({
      path: 'input.areas',
      code: 'range',
      expected: `at most ${MAX_WHAT_IF_AREAS} areas`,
      received: `${arg.areas.length} areas`,
    });
  }
  const { calendar, hours, service } = arg;
  // Each part's fields in the library's order, as the input types declare them (the schema sorts
  // them by name): the order its refusals are named in.
  const calendarInOrder: EveryField<typeof calendar> = {
    start: calendar.start,
    deadline: calendar.deadline,
    timeZone: calendar.timeZone,
    closedDates: calendar.closedDates,
    closedWeekdays: calendar.closedWeekdays,
  };
  const hoursInOrder: EveryField<typeof hours> = { open: hours.open, close: hours.close };
  const serviceInOrder: EveryField<typeof service> = {
    minutesPerDossier: service.minutesPerDossier,
    serviceCv: service.serviceCv,
    availability: service.availability,
    hardCaseShare: service.hardCaseShare,
    hardCaseExtraMinutes: service.hardCaseExtraMinutes,
  };
  const input: CampaignInput = {
    areas: arg.areas.map(areaInOrder),
    calendar: withoutNulls(calendarInOrder) as CampaignInput['calendar'],
    hours: hoursInOrder as CampaignInput['hours'],
    service: withoutNulls(serviceInOrder) as CampaignInput['service'],
    ...(arg.machines ? { machines: [...arg.machines] } : {}),
  };
  const bounds = campaignBoundsRefusals(input, 'input');
  if (bounds.length > 0) {
    const library = await libraryRefusals(input);
    const named = refusalsInInputOrder([...bounds, ...library.problems], input, 'input');
    // A figure both refuse is named once; those the worker did not send on are counted as they are.
    throwInputErrors(named, named.length + library.count - library.problems.length);
  }
  return input;
}
