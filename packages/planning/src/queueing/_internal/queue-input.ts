import { optionalNumber, requireNumber, requireRecord } from '../../_internal/validate.ts';

/** Above this the O(servers) recursion would take seconds; no enrollment site comes near it. */
export const MAX_SERVERS = 1_000_000;
/** A coefficient of variation past 10 describes no real service process; bounds the Allen–Cunneen factor. */
export const MAX_SERVICE_CV = 10;

export type QueueBase = { arrivalsPerHour: number; serviceMinutes: number; serviceCv: number };

export function readQueueBase(record: Record<string, unknown>, path: string): QueueBase {
  const prefix = path === '' ? '' : `${path}.`;
  const arrivalsPerHour = requireNumber(record.arrivalsPerHour, `${prefix}arrivalsPerHour`, { min: 0 });
  const serviceMinutes = requireNumber(record.serviceMinutes, `${prefix}serviceMinutes`, {
    min: 0,
    minExclusive: true,
  });
  const serviceCv =
    optionalNumber(record.serviceCv, `${prefix}serviceCv`, { min: 0, max: MAX_SERVICE_CV }) ?? 1;
  return { arrivalsPerHour, serviceMinutes, serviceCv };
}

export function requireServers(value: unknown, path: string): number {
  return requireNumber(value, path, { min: 1, max: MAX_SERVERS, integer: true });
}

export function requireQueueRecord(value: unknown, path: string): Record<string, unknown> {
  return requireRecord(value, path === '' ? 'q' : path);
}
