// A re-plan's alternatives in the reader's words, from their figures, each with whether it can make
// the deadline at all. The API says which cannot: an InfeasibleAlternative, or a pace above what a
// machine does in 24 hours at the modelled service time (`aboveDayMaximum`), which no site can
// reach however it works; neither is offered among the ways to make the deadline.
import type { ReplanAlternativesQuery } from '../../gql/graphql.ts';
import type { I18n } from '../../i18n/i18n.tsx';

/** One alternative of a late area's re-plan, as the re-plan view asks for it. */
export type ReplanAlternative = NonNullable<
  Extract<ReplanAlternativesQuery['replan'], { __typename: 'Replan' }>['whatMustChange']
>['alternatives'][number];

/**
 * Why an alternative cannot do it, as the planning library names it: `trySolveFor`'s reasons for
 * longer hours and a later deadline, and what-must-change's own for machines and pace
 * (`pool-overbooked`: the other areas its machines serve take all their hours). The schema lists
 * them under `InfeasibleAlternative.reason`.
 */
const REASONS = [
  'more-than-a-day',
  'no-open-days',
  'zero-hour-window',
  'beyond-horizon',
  'no-machines',
  'pool-overbooked',
] as const;

type Reason = (typeof REASONS)[number];

const isReason = (reason: string): reason is Reason => (REASONS as readonly string[]).includes(reason);

/** Minutes as hours and minutes in the reader's words ("3 h 35 min"). */
function duration({ t }: Pick<I18n, 't'>, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return t('replan.duration', { hours: String(hours), minutes: String(rest) });
}

/**
 * One pool's change: its machines before and after, or, for a pool above the reader's area whose
 * machines the API does not give them (`machinesAfter` null), what the alternative adds to it.
 */
function machinesWhere(
  { t, n }: Pick<I18n, 't' | 'n'>,
  change: MachinesAlternative['changes'][number],
): string {
  if (change.machinesAfter === null || change.machinesAfter === undefined) {
    const gained = change.machinesGained;
    return t('replan.machinesInPool', { gained: `${gained > 0 ? '+' : ''}${n(gained)}`, name: change.name });
  }
  return `${change.name} ${n(change.machinesBefore ?? 0)} → ${n(change.machinesAfter)}`;
}

type MachinesAlternative = Extract<ReplanAlternative, { __typename: 'MachinesAlternative' }>;

/**
 * Where the machines must go: each late area with the dossiers it has left ("Huyện B: 2,720
 * dossiers left"), most left first as the API gives them. None when every late area is the pool
 * its machines join (a commune with machines of its own): the pools' changes name them already.
 */
function lateAreaLines(
  { t, n }: Pick<I18n, 't' | 'n'>,
  alternative: MachinesAlternative,
): { areaCode: string; line: string }[] {
  if (alternative.lateAreas.every((area) => area.areaCode === area.poolAreaCode)) return [];
  return alternative.lateAreas.map((area) => ({
    areaCode: area.areaCode,
    line: t('replan.lateArea', {
      name: area.name,
      left: n(area.remainingDossiers),
      count: String(area.remainingDossiers),
    }),
  }));
}

/**
 * One alternative as a sentence of the catalogue, and whether it makes the deadline (`possible`):
 * one that cannot says so and why. Machines moved or added also say which late areas they are for
 * (`lateAreas`, one line each), when they are not just the pools named.
 *
 * @example replanWords(en, { __typename: 'PaceAlternative', dossiersPerMachineDay: 1074,
 *   currentDossiersPerMachineDay: 325.7, aboveDayMaximum: true, sentence: '…' })
 * // { possible: false, sentence: 'Not by a faster pace: it would take 1,074 dossiers per
 * //   machine-day (now 326), more than a machine does in 24 hours' }
 */
export function replanWords(
  i18n: Pick<I18n, 't' | 'n' | 'date'>,
  alternative: ReplanAlternative,
): { sentence: string; possible: boolean; lateAreas?: { areaCode: string; line: string }[] } {
  const { t, n, date } = i18n;
  switch (alternative.__typename) {
    case 'MachinesAlternative': {
      const machines = t(alternative.movedMachines > 0 ? 'replan.machines' : 'replan.machinesAdded', {
        added: String(alternative.addedMachines),
        moved: String(alternative.movedMachines),
        where: alternative.changes.map((change) => machinesWhere(i18n, change)).join(', '),
      });
      const lateAreas = lateAreaLines(i18n, alternative);
      return lateAreas.length > 0
        ? { possible: true, sentence: t('replan.machinesFor', { machines }), lateAreas }
        : { possible: true, sentence: machines };
    }
    case 'HoursAlternative':
      return {
        possible: true,
        sentence: t('replan.hours', {
          longer: duration(i18n, alternative.addedMinutesPerDay),
          open: alternative.open,
          close: alternative.close,
        }),
      };
    case 'PaceAlternative':
      return {
        possible: !alternative.aboveDayMaximum,
        sentence: t(alternative.aboveDayMaximum ? 'replan.paceAboveMaximum' : 'replan.pace', {
          pace: n(alternative.dossiersPerMachineDay),
          current: n(Math.round(alternative.currentDossiersPerMachineDay)),
        }),
      };
    case 'DeadlineAlternative':
      return {
        possible: true,
        sentence: t('replan.deadline', {
          days: String(alternative.slipOpenDays),
          date: date(alternative.deadline),
        }),
      };
    case 'InfeasibleAlternative':
      return {
        possible: false,
        // A reason the library gained since is still said in the reader's language, without its
        // detail: the library's own sentence is English.
        sentence: t('replan.infeasible', {
          alternative: t(`replan.kind.${alternative.alternative}`),
          reason: t(
            isReason(alternative.reason) ? `replan.reason.${alternative.reason}` : 'replan.reason.other',
          ),
        }),
      };
    default:
      return { possible: false, sentence: '' };
  }
}
