import { describe, expect, it } from 'vitest';
import { PlanningInfeasibleError } from './planning-infeasible-error.ts';

describe('PlanningInfeasibleError', () => {
  it('carries the reason and the detail and says both', () => {
    const error = new PlanningInfeasibleError('no-open-days', 'every weekday is closed');
    expect(error.message).toBe('infeasible (no-open-days): every weekday is closed');
    expect(error).toMatchObject({
      name: 'PlanningInfeasibleError',
      reason: 'no-open-days',
      detail: 'every weekday is closed',
    });
  });
});
