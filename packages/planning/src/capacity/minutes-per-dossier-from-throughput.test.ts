import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import { machineCapacity } from './machine-capacity.ts';
import { minutesPerDossierFromThroughput } from './minutes-per-dossier-from-throughput.ts';

describe('minutesPerDossierFromThroughput', () => {
  it('reads 3.48 minutes from Hưng Nguyên: 250 dossiers a scanner in 07:30–22:00', () => {
    // 14.5 hours × 60 = 870 minutes over 250 dossiers.
    const minutes = minutesPerDossierFromThroughput({
      dossiersPerMachineDay: 250,
      hours: { open: '07:30', close: '22:00' },
    });
    expect(minutes).toBeCloseTo(3.48, 12);
  });

  it('takes breakdowns and hard cases out: 870 × 0.9 / 250 − 0.1 × 6 = 2.532 minutes', () => {
    const observation = {
      dossiersPerMachineDay: 250,
      hoursPerDay: 14.5,
      availability: 0.9,
      hardCaseShare: 0.1,
      hardCaseExtraMinutes: 6,
    };
    const minutes = minutesPerDossierFromThroughput(observation);
    expect(minutes).toBeCloseTo(2.532, 12);
    // Round trip: machineCapacity at that service time does the observed 250 in 14.5 hours.
    const capacity = machineCapacity({
      minutesPerDossier: minutes,
      availability: 0.9,
      hardCaseShare: 0.1,
      hardCaseExtraMinutes: 6,
    });
    expect(capacity.dossiersPerMachineHour * 14.5).toBeCloseTo(250, 9);
  });

  it('refuses a throughput that hard cases alone could not reach', () => {
    // One hour holds 60 / 250 = 0.24 minutes a dossier, less than the 0.5 × 10 = 5 of hard cases.
    const observation = {
      dossiersPerMachineDay: 250,
      hoursPerDay: 1,
      hardCaseShare: 0.5,
      hardCaseExtraMinutes: 10,
    };
    expect(() => minutesPerDossierFromThroughput(observation)).toThrow(PlanningInputError);
    expect(() => minutesPerDossierFromThroughput(observation)).toThrow(
      /^observation\.dossiersPerMachineDay must be fewer than 12 when hard cases alone take 5 minutes/,
    );
  });

  it('refuses a zero-hour window naming it', () => {
    expect(() =>
      minutesPerDossierFromThroughput({
        dossiersPerMachineDay: 10,
        hours: { open: '08:00', close: '08:00' },
      }),
    ).toThrow(/^observation\.hours must be a window longer than zero/);
  });
});
