// A refusal in the reporter's language: the API names the figure (`reports[0].hoursOpen`) and a
// code (`range`); the app says which box of the form and why in the catalogue's words (a
// `conflict` by the figure it names), and an English page shows the API's own sentence beside
// them for what the codes do not tell.
import type { MessageKey } from '../../i18n/vi.ts';
import type { Refusal } from '../../outbox/outbox-entry.ts';

const FIELD_LABELS: Record<string, MessageKey> = {
  date: 'report.date',
  areaCode: 'report.area',
  teamCode: 'report.team',
  dossiers: 'report.dossiers',
  machinesWorking: 'report.machinesWorking',
  hoursOpen: 'report.hoursOpen',
  downtimeMinutes: 'report.downtimeMinutes',
  note: 'report.note',
  idempotencyKey: 'report.key',
};

const CODE_REASONS: Record<string, MessageKey> = {
  range: 'refusal.range',
  integer: 'refusal.integer',
  format: 'refusal.format',
  'unknown-reference': 'refusal.unknown',
  duplicate: 'refusal.duplicate',
  conflict: 'refusal.conflict',
};

// `conflict` means a different thing on each figure: the key already names another report, the
// team is retired or the area outside its home, dossiers with no machine or no hour open, more
// downtime than the machines working were open.
const CONFLICT_REASONS: Record<string, MessageKey> = {
  idempotencyKey: 'refusal.conflict.key',
  teamCode: 'refusal.conflict.team',
  areaCode: 'refusal.conflict.area',
  machinesWorking: 'refusal.conflict.noMachines',
  hoursOpen: 'refusal.conflict.noHours',
  downtimeMinutes: 'refusal.conflict.downtime',
};

const KIND_REASONS: Record<string, MessageKey> = {
  FORBIDDEN: 'refusal.forbidden',
  ForbiddenError: 'refusal.forbidden',
  NotFoundError: 'refusal.unknown',
};

/** The box of the form the refusal names (null for the report as a whole), and why. */
export function refusalWords(refusal: Refusal): { field: MessageKey | null; reason: MessageKey } {
  const field = refusal.field === null ? null : (FIELD_LABELS[refusal.field] ?? null);
  const conflict =
    refusal.code === 'conflict' && refusal.field !== null ? CONFLICT_REASONS[refusal.field] : undefined;
  const reason =
    conflict ??
    (refusal.code !== null ? CODE_REASONS[refusal.code] : undefined) ??
    KIND_REASONS[refusal.kind] ??
    'refusal.other';
  return { field, reason };
}
