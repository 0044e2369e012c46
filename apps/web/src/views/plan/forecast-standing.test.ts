import { describe, expect, it } from 'vitest';
import { forecastStanding } from './forecast-standing.ts';

// Krông Nô's scenario of October–November 2023 (e2e/planner.e2e.ts): due on 30 November; its
// reports of 300 dossiers a day forecast 24 March 2024.
const DEADLINE = '2023-11-30';

describe('forecastStanding', () => {
  it('says late a forecast of 24 March 2024, after a deadline of 30 November 2023', () => {
    expect(forecastStanding('2024-03-24', DEADLINE)).toBe('LATE');
    expect(forecastStanding('2023-12-01', DEADLINE)).toBe('LATE');
  });

  it('says on time a forecast on the deadline or before it', () => {
    expect(forecastStanding('2023-11-30', DEADLINE)).toBe('ON_TIME');
    expect(forecastStanding('2023-11-24', DEADLINE)).toBe('ON_TIME');
  });

  it('says nothing before the reports forecast a completion', () => {
    expect(forecastStanding(null, DEADLINE)).toBeNull();
    expect(forecastStanding(undefined, DEADLINE)).toBeNull();
  });
});
