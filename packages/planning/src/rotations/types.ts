// What a roster is made of and checked against: the types planners and callers pass and read.

/** A shift that repeats every day, at local times in the roster's time zone. */
export type RosterShift = {
  name: string;
  /** `HH:mm` local start. */
  start: string;
  /** `HH:mm` local end; at or before `start` means the next day ("22:00"–"06:00"). */
  end: string;
  /** Teams needed on this shift each day. */
  crews: number;
};

/** Rules a roster must keep; every field has a default. */
export type RosterRules = {
  /** Hours between the end of one shift and the start of the team's next. Default 11. */
  minRestHours?: number;
  /** Hours a team may work in any 7 consecutive days. Default 48. */
  maxHoursPerWeek?: number;
  /** Night shifts a team may work in a row. Default 3. */
  maxConsecutiveNights?: number;
  /** Days off a team has in any 7 consecutive days. Default 1. */
  daysOffPerWeek?: number;
};

/** What {@link buildRoster} reads. */
export type RosterInput = {
  /** First day, ISO `2021-03-20`. */
  startDate: string;
  days: number;
  /** IANA zone of the shift times. Default `Asia/Ho_Chi_Minh`. */
  timeZone?: string;
  shifts: RosterShift[];
  /** A number of teams (named `Team 1`…) or their names. */
  teams: number | string[];
  rules?: RosterRules;
};

/** A broken rule: which, whose, when, and what happened, in words a planner reads. */
export type RosterViolation = {
  /** The rule's name, e.g. `minimumRest`. */
  rule: string;
  /** Hard rules make a roster infeasible; soft ones are worth fixing. */
  severity: 'hard' | 'soft';
  /** The team concerned; empty for a shift left short of crews. */
  team: string;
  /** ISO date the violation starts on. */
  date: string;
  detail: string;
};

/** One team on one shift of one day. */
export type RosterAssignment = { date: string; shift: string; team: string };

/** Each team's load, for fairness. */
export type TeamLoad = {
  team: string;
  hours: number;
  nights: number;
  /** Shifts that start on a Saturday or Sunday. */
  weekends: number;
  maxHoursInAnyWeek: number;
};

/** A roster to check: the roster's input plus its assignments (made by hand or by {@link buildRoster}). */
export type CheckRosterInput = RosterInput & { assignments: RosterAssignment[] };

/** What {@link checkRoster} finds. */
export type RosterCheck = {
  teams: TeamLoad[];
  violations: RosterViolation[];
  /** No hard rule is broken. */
  feasible: boolean;
};
