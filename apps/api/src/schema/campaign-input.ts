// The planning library's inputs as GraphQL input types, field for field, so a refusal's path in
// the library (`machines[1].machines`) is the path in the argument (`input.machines[1].machines`).

import type { CampaignInput } from '@muster/planning';
import { PlanningInputError } from '@muster/planning';
import { builder } from '../builder.ts';
import { checkCampaignBounds } from '../planning/campaign-bounds.ts';
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

/** A `CampaignInput` argument as the library's input: the same fields, nulls read as absent. */
export function toCampaignInput(arg: typeof CampaignInputRef.$inferInput): CampaignInput {
  if (arg.areas.length > MAX_WHAT_IF_AREAS) {
    throw new PlanningInputError({
      path: 'input.areas',
      code: 'range',
      expected: `at most ${MAX_WHAT_IF_AREAS} areas`,
      received: `${arg.areas.length} areas`,
    });
  }
  checkCampaignBounds(arg, 'input');
  return {
    areas: arg.areas.map((area) => withoutNulls(area) as CampaignInput['areas'][number]),
    calendar: withoutNulls(arg.calendar) as CampaignInput['calendar'],
    hours: arg.hours,
    service: withoutNulls(arg.service) as CampaignInput['service'],
    ...(arg.machines ? { machines: [...arg.machines] } : {}),
  };
}
