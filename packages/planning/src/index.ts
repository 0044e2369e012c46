export type { Replan, ReplanOptions } from './actuals/replan-from-actuals.ts';
export type {
  ActualDayReport,
  ActualsWarning,
  ComparedDay,
  CompareWithActualsOptions,
  CompletionForecast,
  DayAboveMaximumWarning,
  DayReporting,
  DeadlineAlternative,
  HoursAlternative,
  InfeasibleAlternative,
  LateArea,
  MachineChange,
  MachineMove,
  MachinesAbovePlannedWarning,
  MachinesAlternative,
  PaceAlternative,
  PaceDiffersWarning,
  PartialDayWarning,
  PlanComparison,
  ReplanAlternative,
  ReplannedArea,
  ReplanPace,
  ReportFinding,
  ReportingCompleteness,
  ReviewActualReportsOptions,
  ReviewedReport,
  TotalBelowTeamReportsWarning,
  WhatMustChange,
} from './actuals/types.ts';
export type {
  AreaPlan,
  AreaReasonCode,
  AreaStatus,
  Assumption,
  CampaignInput,
  CampaignPlan,
  CampaignTotals,
  Infeasibility,
  MachineAllocation,
  PlannedDay,
  PlanWarning,
  ServiceOverride,
  SolveForResult,
  SolveForUnknown,
} from './campaign/types.ts';
export type { MachineCapacity, ServiceInput } from './capacity/machine-capacity.ts';
export type { ThroughputObservation } from './capacity/minutes-per-dossier-from-throughput.ts';
export type { AreaInput, AreaNode, AreaTree, CommuneType } from './demand/area-tree.ts';
export type { AreaDemand, ComputeDemandOptions, DemandDefaultsUsed } from './demand/compute-demand.ts';
export type { PlanningInputErrorCode, PlanningInputErrorOptions } from './errors/planning-input-error.ts';
export type { GeoPoint } from './geo/geo-point.ts';
export type { CalendarLanguage, ItineraryToICalendarOptions } from './itineraries/itinerary-to-icalendar.ts';
export type { MobileCommunesFromPlanOptions } from './itineraries/mobile-communes-from-plan.ts';
export type {
  MobileTeamsNeededInput,
  MobileTeamsNeededOptions,
  MobileTeamsNeededResult,
} from './itineraries/mobile-teams-needed.ts';
export type {
  CommuneCoverage,
  CommuneSplit,
  CrewCalendar,
  EnrollmentSite,
  FixedSite,
  MobileCommune,
  MobilePlan,
  MobilePlanAssumptions,
  MobilePlanResult,
  MobileTeam,
  MobileTravel,
  MobileVisit,
  PlanMobileTeamsInput,
  PlanMobileTeamsOptions,
  PlanSitesAndTeamsInput,
  PlanSitesAndTeamsOptions,
  PriorityRule,
  SitePlan,
  SiteReach,
  SitesAndTeamsPlan,
  SitesAndTeamsResult,
  SplitReason,
  TeamItinerary,
  TerrainClass,
  TravelPoint,
  UnreachedCommune,
} from './itineraries/types.ts';
export type { QueueInput, QueueMetrics } from './queueing/queue-metrics.ts';
export type { QueueTarget, ServersForTargetInput } from './queueing/servers-for-target.ts';
export type {
  ServiceDistribution,
  SimulatedPeriod,
  SimulateQueueOptions,
  SimulationResult,
  SimulationStandardErrors,
} from './queueing/simulate-queue.ts';
export type { Roster } from './rotations/build-roster.ts';
export type { MinimumTeamsInput } from './rotations/minimum-teams.ts';
export type { RosterToICalendarOptions } from './rotations/roster-to-icalendar.ts';
export type {
  CheckRosterInput,
  RosterAssignment,
  RosterCheck,
  RosterInput,
  RosterRules,
  RosterShift,
  RosterViolation,
  TeamLoad,
} from './rotations/types.ts';
export type {
  CoverShiftsInput,
  CoverShiftsOptions,
  ShiftCover,
  ShiftTemplate,
} from './shifts/cover-shifts.ts';
export type { GenerateShiftsInput } from './shifts/generate-shifts.ts';
export type { WindowShiftsInput } from './shifts/window-shifts.ts';
export type { ArrivalProfileInput, ArrivalProfileName } from './staffing/arrival-profiles.ts';
export type {
  OpeningWindowRecommendation,
  RecommendOpeningWindowOptions,
} from './staffing/recommend-opening-window.ts';
export type {
  EvaluateStaffingInput,
  HourlyStaffingOptions,
  HourlyStaffingPlan,
  SiteArrivals,
  StaffedHour,
  StaffingEvaluation,
  StaffingHour,
  StaffingService,
  WaitFigureOptions,
} from './staffing/types.ts';
export type { CalendarInput, ListOpenDaysOptions, OpenDay, ResolvedCalendar } from './time/open-days.ts';
export type { OpeningHours, OpeningWindow } from './time/opening-window.ts';
export type { ParseTimeOfDayOptions } from './time/parse-time-of-day.ts';

export { campaignLastDay, LATE_REPORT_GAP_DAYS, type ReportedDay } from './actuals/campaign-last-day.ts';
export { compareAreasWithActuals } from './actuals/compare-areas-with-actuals.ts';
export { compareWithActuals } from './actuals/compare-with-actuals.ts';
export { replanFromActuals } from './actuals/replan-from-actuals.ts';
export { reviewActualReports } from './actuals/review-actual-reports.ts';
export { checkCampaignInput } from './campaign/check-campaign-input.ts';
export { nthOpenDate } from './campaign/nth-open-date.ts';
export { planCampaign } from './campaign/plan-campaign.ts';
export { plannedDailySeries } from './campaign/planned-daily-series.ts';
export { plannedMachinesByArea } from './campaign/planned-machines-by-area.ts';
export { solveFor, trySolveFor } from './campaign/solve-for.ts';
export { machineCapacity } from './capacity/machine-capacity.ts';
export { minutesPerDossierFromThroughput } from './capacity/minutes-per-dossier-from-throughput.ts';
export { buildAreaTree } from './demand/area-tree.ts';
export { computeDemand } from './demand/compute-demand.ts';
export { MalformedInputError } from './errors/malformed-input-error.ts';
export { MalformedReportsError } from './errors/malformed-reports-error.ts';
export { PlanningInfeasibleError } from './errors/planning-infeasible-error.ts';
export { PlanningInputError } from './errors/planning-input-error.ts';
export { itineraryToICalendar } from './itineraries/itinerary-to-icalendar.ts';
export { mobileCommunesFromPlan } from './itineraries/mobile-communes-from-plan.ts';
export { mobileTeamsNeeded } from './itineraries/mobile-teams-needed.ts';
export { planMobileTeams } from './itineraries/plan-mobile-teams.ts';
export { planSitesAndTeams } from './itineraries/plan-sites-and-teams.ts';
export { erlangC } from './queueing/erlang-c.ts';
export { queueMetrics } from './queueing/queue-metrics.ts';
export { serversForTarget } from './queueing/servers-for-target.ts';
export { simulateQueue } from './queueing/simulate-queue.ts';
export { buildRoster } from './rotations/build-roster.ts';
export { checkRoster } from './rotations/check-roster.ts';
export { defaultNameNumber } from './rotations/default-name-number.ts';
export { formatRosterTable } from './rotations/format-roster-table.ts';
export { minimumTeams } from './rotations/minimum-teams.ts';
export { rosterToCsv } from './rotations/roster-to-csv.ts';
export { rosterToICalendar } from './rotations/roster-to-icalendar.ts';
export { coverShifts } from './shifts/cover-shifts.ts';
export { crewsFromMachines } from './shifts/crews-from-machines.ts';
export { generateShifts } from './shifts/generate-shifts.ts';
export { windowShifts } from './shifts/window-shifts.ts';
export { ARRIVAL_PROFILES, arrivalProfile } from './staffing/arrival-profiles.ts';
export { evaluateStaffing } from './staffing/evaluate-staffing.ts';
export { planHourlyStaffing } from './staffing/plan-hourly-staffing.ts';
export { planHourlyStaffingForSites } from './staffing/plan-hourly-staffing-for-sites.ts';
export { recommendOpeningWindow } from './staffing/recommend-opening-window.ts';
export { listOpenDays, resolveCalendar } from './time/open-days.ts';
export { resolveOpeningWindow } from './time/opening-window.ts';
export { formatTimeOfDay, parseTimeOfDay } from './time/parse-time-of-day.ts';
