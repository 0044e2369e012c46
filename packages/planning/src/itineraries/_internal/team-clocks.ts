import { requireIsoDate } from '../../_internal/validate.ts';
import { listOpenDays, type OpenDay, type ResolvedCalendar } from '../../time/open-days.ts';
import type { OpeningWindow } from '../../time/opening-window.ts';
import type { CrewPattern } from './crews.ts';
import { buildTimeline, dayIndexAt, type Timeline } from './timeline.ts';

/** How the scheduler moves between a team's own working hours and the plan's line. */
export type Clock = {
  /** Every team works the plan's days: both conversions are the identity. */
  shared: boolean;
  /** Hours team `team` has worked by the plan's `hour`. */
  toTeam(team: number, hour: number): number;
  /**
   * The plan's hour at which team `team` has worked `teamHour`: where it resumes, or, with
   * `closing`, where it stopped (the end of its day, not the start of its next).
   */
  toPlan(team: number, teamHour: number, closing?: boolean): number;
};

/** One line for all: the teams share their crews' days. */
export const SHARED_CLOCK: Clock = {
  shared: true,
  toTeam: (_team, hour) => hour,
  toPlan: (_team, teamHour) => teamHour,
};

/**
 * The working hours of teams whose crews differ: each team has its own line (its crews' days
 * laid end to end) and the plan has one, the days any team works. Work, travel and set-up are
 * placed on a team's own line, so a team works only on its own days for its own hours; teams are
 * compared (who arrives first, when a phase ends, where a cut ends) on the plan's line.
 */
export type TeamClocks = Clock & {
  /** The plan's line: the days any team works. */
  readonly line: Timeline;
  /** Each team's own line, by team index. */
  readonly teamLines: readonly Timeline[];
  /** Grows every line until the plan's holds `hours`; false when ten years do not. */
  hold(hours: number): boolean;
  /** The smallest plan hour by which the teams together work `hours`, each counted × its weight. */
  hourHolding(hours: number, weights: readonly number[]): number;
};

const EPSILON = 1e-9;
/** The lines are grown by doubling, from the deadline up to ten years of open days. */
const MAX_GROWTHS = 16;

/** One pattern's days placed on the plan's line. */
type PatternLine = {
  own: Timeline;
  /** The plan's day of each of its own days. */
  planDayOf: Int32Array;
  /** Its own hours before each plan day, and whether it works that day. */
  ownStartAt: Float64Array;
  works: Uint8Array;
};

/**
 * The teams' lines from the start through the deadline or `lastDate`, whichever is later;
 * null when no team works a day in ten years. Teams with the same pattern share a line, and when
 * every team has the same, all conversions are the identity.
 */
export function teamClocks(
  calendar: ResolvedCalendar,
  window: OpeningWindow,
  patterns: readonly CrewPattern[],
  fallback: CrewPattern,
  lastDate: string,
): TeamClocks | null {
  const distinct = [...new Set(patterns.length === 0 ? [fallback] : patterns)];
  const patternOf = patterns.map((p) => distinct.indexOf(p));
  const shared = distinct.length === 1;
  const deadlineDate = calendar.deadline.toISODate() ?? '';
  const to =
    lastDate > deadlineDate ? requireIsoDate(lastDate, 'date', calendar.timeZone) : calendar.deadline;
  let open = listOpenDays({ ...calendar, deadline: to }, window, { atLeast: 1 });
  let state = linesOver(open, distinct);
  if (state.line.days.length === 0) return null;
  let exhausted = false;
  /** Lists `atLeast` open days and lays the lines over them; false when ten years hold fewer. */
  const growTo = (atLeast: number): boolean => {
    if (exhausted) return false;
    const more = listOpenDays(calendar, window, { atLeast });
    if (more.length > open.length) {
      open = more;
      state = linesOver(open, distinct);
    }
    exhausted = more.length < atLeast;
    return !exhausted;
  };
  const growMore = (): boolean => growTo(open.length * 2 + 7);
  const ownOf = (team: number): PatternLine => state.lines[patternOf[team] ?? 0] as PatternLine;
  // No closure is made per conversion: they run in the scheduler's innermost loop.
  const onPlanLine = (hour: number): boolean => hour <= state.line.totalHours - EPSILON;
  const onTeamLine = (team: number, teamHour: number, closing: boolean): boolean => {
    const total = ownOf(team).own.totalHours;
    return closing ? teamHour <= total + EPSILON : teamHour < total - EPSILON;
  };
  return {
    shared,
    get line() {
      return state.line;
    },
    get teamLines() {
      return patterns.map((_, team) => ownOf(team).own);
    },
    toTeam: shared
      ? SHARED_CLOCK.toTeam
      : (team, hour) => {
          for (let i = 0; i < MAX_GROWTHS && !onPlanLine(hour); i++) if (!growMore()) break;
          const { line } = state;
          const pattern = ownOf(team);
          if (hour > line.totalHours) return pattern.own.totalHours + (hour - line.totalHours);
          const j = dayIndexAt(line, hour);
          const offset = hour - (line.startHours[j] ?? 0);
          const worked = pattern.works[j] ? Math.min(offset, line.days[j]?.hours ?? 0) : 0;
          return (pattern.ownStartAt[j] ?? 0) + worked;
        },
    toPlan: shared
      ? SHARED_CLOCK.toPlan
      : (team, teamHour, closing = false) => {
          for (let i = 0; i < MAX_GROWTHS && !onTeamLine(team, teamHour, closing); i++)
            if (!growMore()) break;
          const { line } = state;
          const pattern = ownOf(team);
          if (teamHour > pattern.own.totalHours) return line.totalHours + (teamHour - pattern.own.totalHours);
          const i = dayIndexAt(pattern.own, teamHour, closing);
          const offset = teamHour - (pattern.own.startHours[i] ?? 0);
          return (line.startHours[pattern.planDayOf[i] ?? 0] ?? 0) + offset;
        },
    hold(hours) {
      // A crew works at least one day in seven (fewer than 7 days off), so seven open days per day needed suffice.
      const shortestDay = Math.max(1e-3, Math.min(...state.line.days.map((d) => d.hours)));
      let atLeast = state.line.days.length + Math.ceil((hours - state.line.totalHours) / shortestDay) + 1;
      for (let attempt = 0; attempt < 4 && hours > state.line.totalHours; attempt++) {
        if (!growTo(atLeast)) break;
        atLeast *= 2;
      }
      return hours <= state.line.totalHours;
    },
    hourHolding(hours, weights) {
      if (shared) return hours / weights.reduce((sum, w) => sum + w, 0);
      const walk = (): number | null => {
        const { line } = state;
        let done = 0;
        for (let j = 0; j < line.days.length; j++) {
          const perHour = weights.reduce((sum, w, team) => sum + (ownOf(team).works[j] ? w : 0), 0);
          const dayHours = line.days[j]?.hours ?? 0;
          if (perHour > 0 && done + perHour * dayHours >= hours - EPSILON)
            return (line.startHours[j] ?? 0) + Math.max(0, hours - done) / perHour;
          done += perHour * dayHours;
        }
        return null;
      };
      let found = walk();
      for (let i = 0; found === null && i < MAX_GROWTHS && growMore(); i++) found = walk();
      return found ?? state.line.totalHours;
    },
  };
}

/** The plan's line (the days any pattern works) and each pattern's days placed on it. */
function linesOver(
  open: readonly OpenDay[],
  patterns: readonly CrewPattern[],
): { line: Timeline; lines: PatternLine[] } {
  const worked = patterns.map((p) => p.apply(open).working);
  const days: OpenDay[] = [];
  const next = worked.map(() => 0);
  for (const day of open) {
    let hours = -1;
    worked.forEach((w, k) => {
      const d = w[next[k] ?? 0];
      if (d?.date === day.date) {
        hours = Math.max(hours, d.hours);
        next[k] = (next[k] ?? 0) + 1;
      }
    });
    if (hours >= 0) days.push({ date: day.date, hours });
  }
  const line = buildTimeline(days);
  return { line, lines: worked.map((w) => placeOn(line, w)) };
}

/** A pattern's working days, each located on the plan's line (which holds them all). */
function placeOn(line: Timeline, worked: readonly OpenDay[]): PatternLine {
  const own = buildTimeline(worked);
  const planDayOf = new Int32Array(worked.length);
  const ownStartAt = new Float64Array(line.days.length);
  const works = new Uint8Array(line.days.length);
  let i = 0;
  let ownHours = 0;
  line.days.forEach((day, j) => {
    ownStartAt[j] = ownHours;
    if (worked[i]?.date === day.date) {
      planDayOf[i] = j;
      works[j] = 1;
      ownHours += worked[i]?.hours ?? 0;
      i++;
    }
  });
  return { own, planDayOf, ownStartAt, works };
}
