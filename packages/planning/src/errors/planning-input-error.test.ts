import { describe, expect, it } from 'vitest';
import { PlanningInputError } from './planning-input-error.ts';

describe('PlanningInputError', () => {
  it('reads as the sentence a planner is shown: field, rule, what came', () => {
    const error = new PlanningInputError({
      path: 'areas[3].population',
      code: 'range',
      expected: 'a non-negative integer',
      received: -5,
    });
    expect(error.message).toBe('areas[3].population must be a non-negative integer, got -5');
    expect(error).toMatchObject({ name: 'PlanningInputError', path: 'areas[3].population', code: 'range' });
    expect(error).toBeInstanceOf(Error);
  });

  it.each([
    [undefined, 'nothing'],
    [null, 'null'],
    [Number.NaN, 'NaN'],
    ['25:00', '"25:00"'],
    ['x'.repeat(50), `"${'x'.repeat(40)}…"`],
    [[1, 2, 3], 'an array of 3'],
    [{ a: 1 }, 'an object'],
    [true, 'true'],
  ])('shows %j as %s, never the whole of a long value', (received, shown) => {
    const error = new PlanningInputError({ path: 'p', code: 'type', expected: 'x', received });
    expect(error.received).toBe(shown);
    expect(error.message).toBe(`p must be x, got ${shown}`);
  });
});
