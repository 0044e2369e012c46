import { describe, expect, it } from 'vitest';
import { MalformedInputError } from './malformed-input-error.ts';
import { PlanningInputError } from './planning-input-error.ts';

describe('MalformedInputError', () => {
  const close = new PlanningInputError({
    path: 'input.hours.close',
    code: 'format',
    expected: 'a time of day "HH:mm" from 00:00 to 24:00',
    received: '25:00',
  });
  const machines = new PlanningInputError({
    path: 'input.machines[0].machines',
    code: 'range',
    expected: 'a non-negative integer',
    received: -2,
  });

  it('reads as its first problem, every one listed', () => {
    const error = new MalformedInputError([close, machines]);
    expect(error).toBeInstanceOf(PlanningInputError);
    expect(error).toMatchObject({
      name: 'PlanningInputError',
      path: 'input.hours.close',
      code: 'format',
      expected: 'a time of day "HH:mm" from 00:00 to 24:00',
      received: '"25:00"',
      receivedValue: '25:00',
      message: 'input.hours.close must be a time of day "HH:mm" from 00:00 to 24:00, got "25:00"',
    });
    expect(error.problems).toEqual([close, machines]);
  });

  it('keeps the words of a first problem nested with `within`, whose value is not kept', () => {
    const error = new MalformedInputError([PlanningInputError.within('sites[2]', machines)]);
    expect([error.path, error.received, error.message]).toEqual([
      'sites[2].input.machines[0].machines',
      '-2',
      'sites[2].input.machines[0].machines must be a non-negative integer, got -2',
    ]);
  });
});
