// What several fields of one request ask alike, answered by one run: each field joins the batch
// still open under its key, and the batch runs once the current turn of the event loop is over, by
// when every field resolving beside it has asked (aliases, a list's items, an area's children).
// Kept per request, under its memo: a batch never serves another request.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Memo } from '../../compute/memo.ts';

/** One run of what fields asked under one key. */
export type TurnBatch<Asked, Result> = {
  /** What the fields asked, gathered until the batch runs. */
  readonly asked: Asked;
  /** Whether it has started: a field asking from then on joins the next batch. */
  readonly started: boolean;
  readonly result: Promise<Result>;
};

/** The batches of one kind of ask, per request and key. */
export type TurnBatches<Asked, Result> = {
  /** The batches opened under `key` in `memo`'s request, oldest first, the started ones too. */
  opened(memo: Memo, key: string): readonly TurnBatch<Asked, Result>[];
  /**
   * The batch under `key` still gathering in `memo`'s request: when there is none, one is opened
   * with `gather()` as what it asks, and `run` answers that once the current turn is over.
   */
  open(
    memo: Memo,
    key: string,
    gather: () => Asked,
    run: (asked: Asked) => Promise<Result>,
  ): TurnBatch<Asked, Result>;
};

/**
 * Batches of one kind of ask, each run once, after the turn of the event loop it was opened in.
 *
 * @example
 * const reports = turnBatches<Set<string>, Map<string, ActualReport>>();
 * const batch = reports.open(memo, selection, () => new Set(), (ids) => findReports([...ids]));
 * batch.asked.add(id);
 * (await batch.result).get(id) // => the report, found in one query with every id asked in this turn
 */
export function turnBatches<Asked, Result>(): TurnBatches<Asked, Result> {
  const byMemo = new WeakMap<Memo, Map<string, TurnBatch<Asked, Result>[]>>();
  const listOf = (memo: Memo, key: string) => {
    let byKey = byMemo.get(memo);
    if (!byKey) {
      byKey = new Map();
      byMemo.set(memo, byKey);
    }
    let list = byKey.get(key);
    if (!list) {
      list = [];
      byKey.set(key, list);
    }
    return list;
  };
  return {
    opened: (memo, key) => byMemo.get(memo)?.get(key) ?? [],
    open(memo, key, gather, run) {
      const list = listOf(memo, key);
      const last = list.at(-1);
      if (last && !last.started) return last;
      const asked = gather();
      let started = false;
      const result = nextTurn().then(() => {
        started = true;
        return run(asked);
      });
      const batch = {
        asked,
        get started() {
          return started;
        },
        result,
      };
      list.push(batch);
      return batch;
    },
  };
}
