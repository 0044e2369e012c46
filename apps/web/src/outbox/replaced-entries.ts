// Which of the phone's sent reports the API holds no more. The API keeps one report a day, area and
// team: a report sent again for them, with other figures, is answered CORRECTED with the same
// report id and a new version, and the earlier figures count nowhere.
import type { OutboxEntry } from './outbox-entry.ts';

type Sent = OutboxEntry & { receipt: NonNullable<OutboxEntry['receipt']> };

/** Whether `a` stands after `b` in the API's report: a later version, or the same one answered later. */
function after(a: Sent, b: Sent): boolean {
  if (a.receipt.version !== b.receipt.version) return a.receipt.version > b.receipt.version;
  return a.receipt.at > b.receipt.at;
}

/**
 * The sent entries a later one replaced, each under its key with the entry the API holds instead:
 * the API answered both with the same report (`receipt.reportId`), and the one with the later
 * version (a correction), or at the same version the later answer (the same figures sent again),
 * is the report it holds. Entries pending or refused replace nothing.
 *
 * @example
 * // 1,085 dossiers sent (version 1), then 100 for the same day, area and team (CORRECTED, version 2):
 * replacedEntries([hundred, thousand]) // Map { thousand.key => hundred }
 */
export function replacedEntries(entries: readonly OutboxEntry[]): Map<string, OutboxEntry> {
  const latest = new Map<string, Sent>();
  const sent = entries.filter((entry): entry is Sent => entry.state === 'sent' && entry.receipt !== null);
  for (const entry of sent) {
    const kept = latest.get(entry.receipt.reportId);
    if (kept === undefined || after(entry, kept)) latest.set(entry.receipt.reportId, entry);
  }
  const replaced = new Map<string, OutboxEntry>();
  for (const entry of sent) {
    const current = latest.get(entry.receipt.reportId);
    if (current !== undefined && current.key !== entry.key) replaced.set(entry.key, current);
  }
  return replaced;
}
