import { describe, expect, it } from 'vitest';
import { MalformedReportsError } from './malformed-reports-error.ts';
import { PlanningInputError } from './planning-input-error.ts';

describe('MalformedReportsError', () => {
  const dossiers = new PlanningInputError({
    path: 'reports[0].dossiers',
    code: 'range',
    expected: 'a non-negative integer',
    received: -1,
  });
  const hoursOpen = new PlanningInputError({
    path: 'reports[2].hoursOpen',
    code: 'range',
    expected: 'a number at least 0 and at most 24',
    received: 30,
  });

  it('reads as its first problem, every one listed', () => {
    const error = new MalformedReportsError([dossiers, hoursOpen], []);
    expect(error).toBeInstanceOf(PlanningInputError);
    expect(error).toMatchObject({
      name: 'PlanningInputError',
      path: 'reports[0].dossiers',
      code: 'range',
      expected: 'a non-negative integer',
      received: '-1',
      receivedValue: -1,
      message: 'reports[0].dossiers must be a non-negative integer, got -1',
    });
    expect(error.problems).toEqual([dossiers, hoursOpen]);
  });

  it('keeps the words of a first problem nested with `within`, whose value is not kept', () => {
    const nested = PlanningInputError.within('batch', dossiers);
    const error = new MalformedReportsError([nested], []);
    expect([error.path, error.received, error.message]).toEqual([
      'batch.reports[0].dossiers',
      '-1',
      'batch.reports[0].dossiers must be a non-negative integer, got -1',
    ]);
  });
});
