import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { machineCapacity } from './machine-capacity.ts';

describe('machineCapacity', () => {
  it('gives 15 dossiers an open hour at 3 minutes, 90 % availability and one case in ten 6 minutes longer', () => {
    // Mean service 3 + 0.1 × 6 = 3.6 minutes; 60 × 0.9 / 3.6 = 15.
    const capacity = machineCapacity({
      minutesPerDossier: 3,
      availability: 0.9,
      hardCaseShare: 0.1,
      hardCaseExtraMinutes: 6,
    });
    expect(capacity.meanMinutesPerDossier).toBeCloseTo(3.6, 12);
    expect(capacity.dossiersPerMachineHour).toBeCloseTo(15, 12);
    // Variance of the mixture: (1 × 3)² + 6² × 0.1 × 0.9 = 9 + 3.24 = 12.24; √12.24 / 3.6 = 0.971825…
    expect(capacity.effectiveServiceCv).toBeCloseTo(0.971825, 6);
  });

  it('fills the documented defaults: exponential service, no breakdowns, no hard cases', () => {
    // Hưng Nguyên's 3.48 minutes: 60 / 3.48 = 17.2413… dossiers an hour.
    expect(machineCapacity({ minutesPerDossier: 3.48 })).toMatchObject({
      serviceCv: 1,
      availability: 1,
      hardCaseShare: 0,
      hardCaseExtraMinutes: 0,
      effectiveServiceCv: 1,
    });
    expect(machineCapacity({ minutesPerDossier: 3.48 }).dossiersPerMachineHour).toBeCloseTo(17.241379, 6);
  });

  it.each([
    [{ minutesPerDossier: 0 }, 'service.minutesPerDossier'],
    [{ minutesPerDossier: 3, availability: 0 }, 'service.availability'],
    [{ minutesPerDossier: 3, hardCaseShare: 1.5 }, 'service.hardCaseShare'],
    [{ minutesPerDossier: 3, hardCaseExtraMinutes: -1 }, 'service.hardCaseExtraMinutes'],
  ])('refuses %j naming the field', (service, path) => {
    expect(() => machineCapacity(service)).toThrow(PlanningInputError);
    expect(() => machineCapacity(service)).toThrow(new RegExp(`^${path.replace('.', '\\.')} must be`));
  });
});
