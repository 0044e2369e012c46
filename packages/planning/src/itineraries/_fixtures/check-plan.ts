/**
 * Test-only checks of a mobile plan that do not trust the planner: every law is recomputed
 * from the input and the plan's own visits.
 */
import type { MobilePlan, PlanMobileTeamsInput } from '../types.ts';

const EARTH_KM = 6371.0088;

/** Straight-line km, written again here (spherical law of cosines) so the planner's haversine is not its own judge. */
export function greatCircleKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
) {
  const r = Math.PI / 180;
  const cos =
    Math.sin(a.latitude * r) * Math.sin(b.latitude * r) +
    Math.cos(a.latitude * r) * Math.cos(b.latitude * r) * Math.cos((a.longitude - b.longitude) * r);
  return EARTH_KM * Math.acos(Math.min(1, Math.max(-1, cos)));
}

/** Returns the broken laws, one sentence each; an empty list is a sound plan. */
export function brokenLaws(input: PlanMobileTeamsInput, plan: MobilePlan, tolerance = 1e-6): string[] {
  const broken: string[] = [];
  const setup = input.setupHours ?? 1;
  // Without breakdowns or hard cases a machine takes 60 / minutesPerDossier dossiers an hour.
  const { minutesPerDossier, availability, hardCaseShare } = input.service;
  const dossiersPerMachineHour =
    availability === undefined && hardCaseShare === undefined ? 60 / minutesPerDossier : undefined;
  const machinesOf = new Map(input.teams.map((t) => [t.id, t.machines]));
  const byId = new Map(input.communes.map((c) => [c.id, c]));
  const taken = new Map<string, number>();
  for (const team of plan.teams) {
    let free = 0;
    let at: { latitude: number; longitude: number } | undefined = input.home;
    for (const v of team.visits) {
      if (v.departHour < free - tolerance)
        broken.push(`${team.team} leaves for ${v.communeId} before it is free`);
      const to = byId.get(v.communeId);
      const toPoint = to?.location;
      if (at !== undefined && toPoint !== undefined && !('hoursMatrix' in (input.travel ?? {}))) {
        const speed = (input.travel as { speedKmPerHour?: number } | undefined)?.speedKmPerHour ?? 30;
        const detour = (input.travel as { detourFactor?: number } | undefined)?.detourFactor ?? 1.4;
        const expected = (greatCircleKm(at, toPoint) * detour) / speed;
        if (Math.abs(expected - v.travelHoursBefore) > 1e-4) {
          broken.push(
            `${team.team} drives to ${v.communeId} in ${v.travelHoursBefore} h, the straight line gives ${expected}`,
          );
        }
        at = toPoint;
      }
      const earliestWork = v.departHour + v.travelHoursBefore + v.waitHoursBefore + setup;
      if (v.workStartHour < earliestWork - tolerance)
        broken.push(`${team.team} works at ${v.communeId} before it has arrived and set up`);
      if (v.workEndHour < v.workStartHour - tolerance)
        broken.push(`${team.team} ends before it starts at ${v.communeId}`);
      free = v.workEndHour;
      const machines = machinesOf.get(team.team);
      if (machines === undefined) broken.push(`${team.team} is not one of the input's teams`);
      else if (team.machines !== machines)
        broken.push(`${team.team} carries ${team.machines} machines, not ${machines}`);
      // Each team works at its own machines' pace: no visit takes more than they can (a dossier of rounding aside).
      if (
        dossiersPerMachineHour !== undefined &&
        machines !== undefined &&
        v.dossiers > machines * dossiersPerMachineHour * v.workHours + 1 + tolerance
      )
        broken.push(
          `${team.team} takes ${v.dossiers} dossiers at ${v.communeId} in ${v.workHours} h with ${machines} machines`,
        );
      const perDay = v.dossiersPerDay.reduce((s, d) => s + d.dossiers, 0);
      if (perDay !== v.dossiers)
        broken.push(`${team.team} at ${v.communeId}: days add to ${perDay}, visit says ${v.dossiers}`);
      if (v.dossiersPerDay.some((d) => d.dossiers < 0 || !Number.isInteger(d.dossiers)))
        broken.push(`${team.team} at ${v.communeId}: a day has a negative or fractional count`);
      if (v.arriveDate > v.leaveDate) broken.push(`${team.team} leaves ${v.communeId} before it arrives`);
      taken.set(v.communeId, (taken.get(v.communeId) ?? 0) + v.dossiers);
    }
  }
  // Every dossier once: the visits at a stop add up to the demand of the stop and its guests.
  const stopDemand = new Map<string, number>();
  for (const c of plan.communes) {
    if (c.servedBy === 'fixed-site') continue;
    const stop = c.servedBy === 'shared-visit' ? (c.servedAt ?? '') : c.communeId;
    stopDemand.set(stop, (stopDemand.get(stop) ?? 0) + c.demand);
  }
  for (const [stop, demand] of stopDemand) {
    const got = taken.get(stop) ?? 0;
    if (got !== demand) broken.push(`${stop} gets ${got} dossiers planned for a demand of ${demand}`);
  }
  // Dossiers by the deadline, counted from the dated days of the visits.
  const byDeadline = new Map<string, number>();
  const closedDates = new Set(input.calendar.closedDates ?? []);
  const closedWeekdays = new Set(input.calendar.closedWeekdays ?? []);
  for (const team of plan.teams) {
    for (const v of team.visits) {
      for (const d of v.dossiersPerDay) {
        const weekday = ((new Date(`${d.date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
        if (closedDates.has(d.date) || closedWeekdays.has(weekday))
          broken.push(`${team.team} works on closed day ${d.date}`);
        if (d.date <= plan.deadline)
          byDeadline.set(v.communeId, (byDeadline.get(v.communeId) ?? 0) + d.dossiers);
      }
    }
  }
  const hosts = new Set(plan.communes.filter((c) => c.servedBy === 'shared-visit').map((c) => c.servedAt));
  for (const c of plan.communes) {
    if (
      c.servedBy === 'mobile-team' &&
      !hosts.has(c.communeId) &&
      c.dossiersByDeadline !== (byDeadline.get(c.communeId) ?? 0)
    )
      broken.push(
        `${c.communeId}: ${c.dossiersByDeadline} by the deadline, the dated visits say ${byDeadline.get(c.communeId) ?? 0}`,
      );
  }
  return broken;
}
