// The GraphQL inputs of a scenario: the planning library's calendar, hours, service and machines,
// field for field, beside the scenario's own name, area and staffing targets.
import { builder } from '../builder.ts';
import {
  CalendarInputRef,
  MachineAllocationInputRef,
  OpeningHoursInputRef,
  ServiceInputRef,
} from './campaign-input.ts';
import { ReplanPaceEnum } from './replan-pace.ts';

export const ScenarioInputRef = builder.inputType('ScenarioInput', {
  description: 'A new scenario: the assumptions of a campaign plan for an area and its descendants.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Name shown to planners, 1 to 200 characters.' }),
    areaCode: t.string({ required: true, description: 'The root of the areas the scenario plans.' }),
    calendar: t.field({
      type: CalendarInputRef,
      required: true,
      description: 'The campaign’s days; a deadline before the start is refused.',
    }),
    hours: t.field({ type: OpeningHoursInputRef, required: true, description: 'Daily opening window.' }),
    service: t.field({ type: ServiceInputRef, required: true, description: 'How a machine serves.' }),
    machines: t.field({
      type: [MachineAllocationInputRef],
      description: 'Machines per area; absent or empty: plans say how many are needed.',
    }),
    waitTargetMinutes: t.float({ description: 'Target mean wait in minutes, for hourly staffing.' }),
    teamsPerSite: t.int({ description: 'Teams per site working in rotation.' }),
    note: t.string({ description: 'Free text, at most 2,000 characters.' }),
  }),
});

export const ScenarioFromReplanInputRef = builder.inputType('ScenarioFromReplanInput', {
  description:
    'A new scenario of the remaining campaign: a stored scenario replanned from its reports up to asOf (as `replan` answers), linked to it.',
  fields: (t) => ({
    scenarioId: t.id({ required: true, description: 'The scenario replanned.' }),
    asOf: t.field({
      type: 'Date',
      required: true,
      description: 'The last day whose reports count; the new scenario starts on the next open day.',
    }),
    pace: t.field({
      type: ReplanPaceEnum,
      defaultValue: 'blended',
      description:
        'The pace of the remaining campaign, kept as the new scenario’s service per area (default BLENDED).',
    }),
    name: t.string({
      description: 'Name, 1 to 200 characters; default: the scenario’s, with the date and pace.',
    }),
    note: t.string({ description: 'Free text, at most 2,000 characters.' }),
  }),
});

export const ScenarioUpdateInputRef = builder.inputType('ScenarioUpdateInput', {
  description: 'Fields to change; absent fields keep their value. Nested objects are replaced whole.',
  fields: (t) => ({
    name: t.string({ description: 'Name shown to planners, 1 to 200 characters.' }),
    areaCode: t.string({ description: 'The root of the areas the scenario plans.' }),
    calendar: t.field({
      type: CalendarInputRef,
      description: 'The campaign’s days, replaced whole; a deadline before the start is refused.',
    }),
    hours: t.field({ type: OpeningHoursInputRef, description: 'Daily opening window.' }),
    service: t.field({ type: ServiceInputRef, description: 'How a machine serves.' }),
    machines: t.field({
      type: [MachineAllocationInputRef],
      description: 'Machines per area, replaced whole.',
    }),
    waitTargetMinutes: t.float({
      description: 'Target mean wait in minutes, for hourly staffing; null clears it.',
    }),
    teamsPerSite: t.int({ description: 'Teams per site working in rotation; null clears it.' }),
    note: t.string({ description: 'Free text, at most 2,000 characters; null clears it.' }),
  }),
});

/** What `updateScenario` takes (and `createScenario`, whose fields it has, all given). */
export type ScenarioChanges = typeof ScenarioUpdateInputRef.$inferInput;
