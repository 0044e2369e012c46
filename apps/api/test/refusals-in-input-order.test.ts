// Refusals of one input by several checks (the service's bounds, the planning library's), answered
// as one list in the order the caller wrote the input. Each expected order is read off the input
// below by hand: calendar, hours (open, close), service, then the machines entry by entry.
import { PlanningInputError } from '@muster/planning';
import { describe, expect, it } from 'vitest';
import { refusalsInInputOrder } from '../src/planning/refusals-in-input-order.ts';

const input = {
  calendar: { start: '2021-03-19', deadline: '2021-03-31' },
  hours: { open: '7h30', close: '22:00' },
  service: { minutesPerDossier: 20_000 },
  machines: [
    { areaCode: 'nowhere', machines: 3 },
    { areaCode: '40', machines: -2 },
  ],
};

function refused(path: string, expected = 'something else'): PlanningInputError {
  return new PlanningInputError({ path, code: 'range', expected, received: 0 });
}

const pathsOf = (refusals: readonly PlanningInputError[]) => refusals.map((refusal) => refusal.path);

describe('refusalsInInputOrder', () => {
  it('answers the bounds’ refusals and the library’s in the order of the input, not of the checks', () => {
    const bounds = [refused('input.service.minutesPerDossier')];
    const library = [
      refused('input.hours.open'),
      refused('input.machines[0].areaCode'),
      refused('input.machines[1].machines'),
    ];
    expect(pathsOf(refusalsInInputOrder([...bounds, ...library], input, 'input'))).toEqual([
      'input.hours.open',
      'input.service.minutesPerDossier',
      'input.machines[0].areaCode',
      'input.machines[1].machines',
    ]);
  });

  it('orders entries of a list by their index, the tenth after the second', () => {
    const machines = Array.from({ length: 11 }, () => ({ areaCode: '40', machines: 1 }));
    const order = refusalsInInputOrder(
      [refused('input.machines[10].machines'), refused('input.machines[2].machines')],
      { machines },
      'input',
    );
    expect(pathsOf(order)).toEqual(['input.machines[2].machines', 'input.machines[10].machines']);
  });

  it('names a field two checks refuse once, by the check listed first', () => {
    const byBounds = refused('input.service.minutesPerDossier', 'at most a week');
    const byLibrary = refused('input.service.minutesPerDossier', 'a positive number');
    const order = refusalsInInputOrder([byBounds, refused('input.hours.close'), byLibrary], input, 'input');
    expect(order).toEqual([refused('input.hours.close'), byBounds]);
    expect(order[1]).toBe(byBounds);
  });

  it('puts a whole before its parts, and a field left out after those its part holds', () => {
    const order = refusalsInInputOrder(
      [
        refused('input.service.minutesPerDossier'),
        refused('input.hours.timeZone'),
        refused('input.machines[1].machines'),
        refused('input.machines'),
        refused('input.hours.close'),
      ],
      input,
      'input',
    );
    expect(pathsOf(order)).toEqual([
      'input.hours.close',
      // Not in the input's hours (open, close): after them, before the service.
      'input.hours.timeZone',
      'input.service.minutesPerDossier',
      'input.machines',
      'input.machines[1].machines',
    ]);
  });

  it('puts a refusal outside the input after every figure of it', () => {
    const order = refusalsInInputOrder(
      [refused('areaCode'), refused('input.machines[1].machines')],
      input,
      'input',
    );
    expect(pathsOf(order)).toEqual(['input.machines[1].machines', 'areaCode']);
  });
});
