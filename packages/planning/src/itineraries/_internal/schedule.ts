import { type Clock, SHARED_CLOCK } from './team-clocks.ts';
import { shortOpenPaths, shortOrder } from './tour.ts';
import { type TravelTable, travelHours } from './travel.ts';

/** One place to serve, in hours of work of the slowest team (all its machines together). */
export type Stop = {
  /** Hours the slowest team would work there; a team of pace 2 does them in half the time. */
  workHours: number;
  /** Hour of the plan's line before which work may not start (its earliest visit date). */
  earliestHour: number;
  /** Lower phases are served first: every stop of phase 1 is scheduled before any of phase 2. */
  phase: number;
};

/** One stay of one team, on the team's own line (hours of its working time since the start). */
export type RawVisit = {
  team: number;
  stop: number;
  departHour: number;
  travelHours: number;
  waitHours: number;
  setupStartHour: number;
  workStartHour: number;
  workEndHour: number;
};

export type ScheduleOptions = {
  /** One per team: its work per hour over the slowest team's (1 for identical teams). */
  paces: readonly number[];
  setupHours: number;
  /** Longest stay of one team in one place, hours of work; Infinity for no limit. */
  maxVisitWorkHours: number;
  /** A team does not unpack for less work than this, unless it finishes the stop. */
  minVisitWorkHours: number;
  /** Each team's own hours against the plan's line, when their crews differ. Default one line for all. */
  clock?: Clock;
};

export type Schedule = {
  visits: RawVisit[];
  teamEndHours: number[];
  /** Stops where one team had to stay longer than `maxVisitWorkHours` because every team already stays there its limit. */
  overstayedStops: number[];
};

type TeamState = { at: number; hour: number };
type Segment = { team: number; visits: RawVisit[]; end: TeamState };

const EPSILON = 1e-9;
/** Bisection on the phase end stops when it is this close, in hours (about 4 seconds). */
const BISECTION_TOLERANCE_HOURS = 1e-3;
const MAX_BISECTIONS = 60;
/**
 * Cut, reorder each team's piece for its own start, join the pieces and cut again: a cut
 * shows which stops belong together, and the join lets the next cut use the shorter orders.
 * A few rounds take most of the gain (Prins 2004 alternates split and route improvement alike).
 */
const REORDER_ROUNDS = 4;

/**
 * Route first, split second: a short open path through the stops of each phase, cut into one
 * consecutive piece per team so that all teams end the phase together. The cut is the
 * smallest common end hour at which the pieces cover the path (bisection over a greedy fill,
 * which is exact for a given path because work may be split between teams); a stop cut in
 * two is served by both teams at once. Each team works at its own pace, so a team with more
 * machines takes a longer piece. Stops are table indices minus one (0 is home).
 */
export function scheduleStops(
  table: TravelTable,
  stops: readonly Stop[],
  options: ScheduleOptions,
): Schedule {
  const teams: TeamState[] = options.paces.map(() => ({ at: 0, hour: 0 }));
  const visits: RawVisit[] = [];
  const overstayed = new Set<number>();
  const phases = [...new Set(stops.map((s) => s.phase))].sort((a, b) => a - b);
  for (const phase of phases) {
    const nodes: number[] = [];
    stops.forEach((stop, index) => {
      if (stop.phase === phase && stop.workHours > EPSILON) nodes.push(index + 1);
    });
    if (nodes.length === 0) continue;
    // Classes are strict: a team with nothing left of an earlier class waits for it to finish.
    const clock = options.clock ?? SHARED_CLOCK;
    const classStart = Math.max(0, ...visits.map((v) => clock.toPlan(v.team, v.workEndHour, true)));
    teams.forEach((team, t) => {
      team.hour = Math.max(team.hour, clock.toTeam(t, classStart));
    });
    let best: { segments: Segment[]; end: number; relaxed: boolean; path: number[] } | undefined;
    for (const start of shortOpenPaths(table, 0, nodes)) {
      let path = start;
      for (let round = 0; round < REORDER_ROUNDS; round++) {
        const found = bestCut(table, stops, path, teams, options);
        const gained = best === undefined || found.end < best.end - EPSILON;
        if (gained) best = { ...found, path };
        if (!gained && round > 0) break;
        path = reorderSegments(table, found.segments, teams);
      }
    }
    if (
      best !== undefined &&
      nodes.length <= RELOCATE_BY_END_UP_TO &&
      teams.length <= RELOCATE_BY_END_TEAMS_UP_TO
    ) {
      best = relocateByEnd(table, stops, teams, options, best);
    }
    if (best === undefined) continue;
    for (const segment of best.segments) {
      teams[segment.team] = segment.end;
      for (const visit of segment.visits) {
        visits.push(visit);
        if (
          best.relaxed &&
          visit.workEndHour - visit.workStartHour > options.maxVisitWorkHours + BISECTION_TOLERANCE_HOURS
        ) {
          overstayed.add(visit.stop);
        }
      }
    }
  }
  return {
    visits,
    teamEndHours: teams.map((t) => t.hour),
    overstayedStops: [...overstayed].sort((a, b) => a - b),
  };
}

/**
 * The pieces' stops, each piece reordered from its team's start, joined in cut order. A stop
 * shared with the neighbouring piece stays at that end, so the join keeps one copy of it.
 */
function reorderSegments(
  table: TravelTable,
  segments: readonly Segment[],
  teams: readonly TeamState[],
): number[] {
  const pieces = segments.map((segment) => segment.visits.map((v) => v.stop + 1));
  const path: number[] = [];
  pieces.forEach((piece, k) => {
    const unique = piece.filter((node, i) => piece.indexOf(node) === i);
    const sharedFirst = k > 0 && unique.length > 0 && pieces[k - 1]?.includes(unique[0] as number);
    const last = unique.at(-1);
    const sharedLast =
      k < pieces.length - 1 && unique.length > 1 && last !== undefined && pieces[k + 1]?.includes(last);
    const head = sharedFirst ? [unique[0] as number] : [];
    const tail = sharedLast && last !== undefined ? [last] : [];
    const middle = unique.slice(head.length, unique.length - tail.length);
    const from = head[0] ?? teams[segments[k]?.team ?? 0]?.at ?? 0;
    const ordered = [...head, ...shortOrder(table, from, middle, tail[0]), ...tail];
    for (const node of ordered) if (path.at(-1) !== node && !path.includes(node)) path.push(node);
  });
  return path;
}

/**
 * On small phases the path is tuned for the end hour itself rather than for travel: move one
 * stop to another place in the path and keep the move when the cut ends sooner. Quadratic
 * in moves times a cut each, so only where a poor path costs most (few stops, long drives).
 */
const RELOCATE_BY_END_UP_TO = 12;
/** With many teams each cut costs more and a poor path costs less (every stop gets its own team). */
const RELOCATE_BY_END_TEAMS_UP_TO = 16;
const MAX_RELOCATE_ROUNDS = 20;

function relocateByEnd(
  table: TravelTable,
  stops: readonly Stop[],
  teams: readonly TeamState[],
  options: ScheduleOptions,
  start: { segments: Segment[]; end: number; relaxed: boolean; path: number[] },
): { segments: Segment[]; end: number; relaxed: boolean; path: number[] } {
  let best = start;
  for (let round = 0; round < MAX_RELOCATE_ROUNDS; round++) {
    let gained = false;
    for (let i = 0; i < best.path.length; i++) {
      for (let j = 0; j < best.path.length; j++) {
        if (i === j) continue;
        const path = best.path.slice();
        const [node] = path.splice(i, 1);
        path.splice(j, 0, node as number);
        const found = bestCut(table, stops, path, teams, options);
        if (found.end < best.end - BISECTION_TOLERANCE_HOURS) {
          best = { ...found, path };
          gained = true;
        }
      }
    }
    if (!gained) break;
  }
  return best;
}

function bestCut(
  table: TravelTable,
  stops: readonly Stop[],
  path: readonly number[],
  teams: readonly TeamState[],
  options: ScheduleOptions,
): { segments: Segment[]; end: number; relaxed: boolean } {
  const clock = options.clock ?? SHARED_CLOCK;
  const starts = clock.shared ? teams.map((t) => t.hour) : teams.map((t, k) => clock.toPlan(k, t.hour));
  const lo = Math.min(...starts);
  let hi = Math.max(...starts) + 1;
  let maxTravel = 0;
  let previous = 0;
  for (const node of path) {
    const stop = stops[node - 1];
    hi += travelHours(table, previous, node) + options.setupHours + (stop?.workHours ?? 0);
    hi = Math.max(hi, (stop?.earliestHour ?? 0) + 1);
    for (const team of teams) maxTravel = Math.max(maxTravel, travelHours(table, team.at, node));
    previous = node;
  }
  hi += maxTravel + (stops.reduce((m, s) => Math.max(m, s.earliestHour), 0) || 0);
  // Any one team alone covers the path in that many of its own hours, wherever its days fall.
  if (!clock.shared) {
    const span = hi - lo;
    for (const [k, t] of teams.entries()) hi = Math.max(hi, clock.toPlan(k, t.hour + span, true));
  }
  for (const relaxed of [false, true]) {
    // The trials only ask whether the path is covered; the pieces are made once, at the end found.
    let upper = hi;
    let covered = fillTo(table, stops, path, teams, options, upper, relaxed, false).covered;
    for (let doubling = 0; !covered && doubling < 4; doubling++) {
      upper *= 2;
      covered = fillTo(table, stops, path, teams, options, upper, relaxed, false).covered;
    }
    if (!covered) continue;
    let low = lo;
    for (let i = 0; i < MAX_BISECTIONS && upper - low > BISECTION_TOLERANCE_HOURS; i++) {
      const mid = (low + upper) / 2;
      if (fillTo(table, stops, path, teams, options, mid, relaxed, false).covered) upper = mid;
      else low = mid;
    }
    const fill = fillTo(table, stops, path, teams, options, upper, relaxed);
    return { segments: fill.segments, end: endHourOf(teams, fill.segments, clock), relaxed };
  }
  // Unreachable in practice: one team alone with no stay limit covers any path by `hi`.
  const fill = fillTo(
    table,
    stops,
    path,
    teams,
    { ...options, maxVisitWorkHours: Number.POSITIVE_INFINITY },
    hi * 16,
    true,
  );
  return {
    segments: fill.segments,
    end: Math.max(endHourOf(teams, fill.segments, clock), hi),
    relaxed: true,
  };
}

/** Hour of the plan's line when the last team stops: at its start, or at the end of its piece. */
function endHourOf(teams: readonly TeamState[], segments: readonly Segment[], clock: Clock): number {
  let end = Number.NEGATIVE_INFINITY;
  teams.forEach((t, k) => {
    end = Math.max(end, clock.shared ? t.hour : clock.toPlan(k, t.hour, true));
  });
  for (const s of segments)
    end = Math.max(end, clock.shared ? s.end.hour : clock.toPlan(s.team, s.end.hour, true));
  return end;
}

type Pending = { node: number; remainingHours: number };

/**
 * Gives each team, in turn, the next stops of the path until `endHour`. The next team is the
 * one that can reach the first pending stop soonest. A stop a team must leave because of the
 * stay limit goes first to the next team. With `relaxed`, the last team ignores the stay limit.
 */
function fillTo(
  table: TravelTable,
  stops: readonly Stop[],
  path: readonly number[],
  teams: readonly TeamState[],
  options: ScheduleOptions,
  endHour: number,
  relaxed: boolean,
  /** False for a trial: only `covered` is read, no visit is made. */
  withVisits = true,
): { covered: boolean; segments: Segment[] } {
  const clock = options.clock ?? SHARED_CLOCK;
  const shared = clock.shared;
  let queue: Pending[] = path.map((node) => ({ node, remainingHours: stops[node - 1]?.workHours ?? 0 }));
  const used = new Array<boolean>(teams.length).fill(false);
  const segments: Segment[] = [];
  for (let round = 0; round < teams.length && queue.length > 0; round++) {
    const first = queue[0] as Pending;
    let team = -1;
    let soonest = Number.POSITIVE_INFINITY;
    teams.forEach((state, index) => {
      if (used[index]) return;
      const arrive = state.hour + travelHours(table, state.at, first.node);
      const reach = shared ? arrive : clock.toPlan(index, arrive);
      if (reach < soonest - EPSILON) {
        soonest = reach;
        team = index;
      }
    });
    if (team < 0) break;
    used[team] = true;
    const cap = relaxed && round === teams.length - 1 ? Number.POSITIVE_INFINITY : options.maxVisitWorkHours;
    const state = teams[team] as TeamState;
    const pace = options.paces[team] ?? 1;
    // The cut's end and the stops' earliest hours, on this team's own line.
    const teamEnd = shared ? endHour : clock.toTeam(team, endHour);
    let at = state.at;
    let hour = state.hour;
    const carried: Pending[] = [];
    const segmentVisits: RawVisit[] = [];
    while (queue.length > 0) {
      const item = queue[0] as Pending;
      const stop = stops[item.node - 1] as Stop;
      const travel = travelHours(table, at, item.node);
      const arrive = hour + travel;
      const earliest = shared ? stop.earliestHour : clock.toTeam(team, stop.earliestHour);
      const setupStart = Math.max(arrive, earliest);
      const workStart = setupStart + options.setupHours;
      const room = Math.min(teamEnd - workStart, cap);
      // Work left is in hours of the slowest team; this team needs `remaining / pace` of its own.
      const needed = item.remainingHours / pace;
      if (room < Math.min(needed, options.minVisitWorkHours) - EPSILON) break;
      const portion = Math.min(needed, room);
      if (withVisits)
        segmentVisits.push({
          team,
          stop: item.node - 1,
          departHour: hour,
          travelHours: travel,
          waitHours: setupStart - arrive,
          setupStartHour: setupStart,
          workStartHour: workStart,
          workEndHour: workStart + portion,
        });
      at = item.node;
      hour = workStart + portion;
      item.remainingHours -= portion * pace;
      if (item.remainingHours > EPSILON) {
        if (teamEnd - hour > EPSILON) {
          // Left because of the stay limit, not the end hour: the next team takes over here.
          carried.push(item);
          queue.shift();
          continue;
        }
        break;
      }
      queue.shift();
    }
    queue = carried.length > 0 ? [...carried, ...queue] : queue;
    if (withVisits) segments.push({ team, visits: segmentVisits, end: { at, hour } });
  }
  return { covered: queue.length === 0, segments };
}
