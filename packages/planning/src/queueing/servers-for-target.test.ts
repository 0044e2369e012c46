import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { serversForTarget } from './servers-for-target.ts';

describe('serversForTarget', () => {
  it('reads the published Erlang C table of the Call Centre Helper worked example (10 Erlangs) the right way round', () => {
    // Published probabilities of waiting: 12 agents 44.94 %, 13 agents 28.53 %, 14 agents 17.41 %.
    // "At least 70 % answered at once" is P(wait) ≤ 30 %: 13 agents; "at least 80 %" needs 14.
    const atOnce = (fraction: number) =>
      serversForTarget({
        arrivalsPerHour: 200,
        serviceMinutes: 3,
        target: { serviceLevel: { withinMinutes: 0, fraction } },
      });
    expect(atOnce(0.7)).toBe(13);
    expect(atOnce(0.8)).toBe(14);
    expect(atOnce(0.5)).toBe(12);
  });

  it('meets a utilisation cap exactly at its boundary', () => {
    expect(
      serversForTarget({ arrivalsPerHour: 60, serviceMinutes: 4, target: { maxUtilization: 0.8 } }),
    ).toBe(5);
    expect(serversForTarget({ arrivalsPerHour: 60, serviceMinutes: 4, target: {} })).toBe(5);
    expect(serversForTarget({ arrivalsPerHour: 0, serviceMinutes: 4, target: { meanWaitMinutes: 1 } })).toBe(
      0,
    );
  });

  it('refuses a fraction outside (0, 1), a zero wait target and a negative window, naming the field', () => {
    const call = (target: unknown) => () =>
      serversForTarget({ arrivalsPerHour: 10, serviceMinutes: 3, target } as never);
    expect(call({ serviceLevel: { withinMinutes: 5, fraction: 1 } })).toThrow(
      /^target\.serviceLevel\.fraction/,
    );
    expect(call({ serviceLevel: { withinMinutes: 5, fraction: 0 } })).toThrow(PlanningInputError);
    expect(call({ serviceLevel: { withinMinutes: -5, fraction: 0.8 } })).toThrow(/withinMinutes/);
    expect(call({ meanWaitMinutes: 0 })).toThrow(/^target\.meanWaitMinutes/);
    expect(call({ maxUtilization: 1.2 })).toThrow(/^target\.maxUtilization/);
    expect(call(undefined)).toThrow(/^target must/);
  });
});
