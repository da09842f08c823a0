import * as Y from 'yjs';
import { countRecords, newRecordKeys } from '../../shared/updateGuard.ts';
import type { Limits } from '../config.ts';

/**
 * An update that adds a record carries at least this many bytes per new key (struct header,
 * parent name, key, content): below it, counting new keys (decoding the update) is skipped.
 */
const MIN_BYTES_PER_NEW_RECORD = 8;

const insertsAnything = (update: Uint8Array) => Y.decodeUpdate(update).structs.some((struct) => struct instanceof Y.Item);

/**
 * Per open board: its record count and an estimate of its encoded size, for the board
 * budget (BOARD_MAX_BYTES, BOARD_MAX_RECORDS). The estimate adds every applied update's
 * length (so it only overestimates: deletions shrink a board) and is measured afresh when
 * it passes the cap.
 */
export class BoardBudgets {
  private readonly budgets = new WeakMap<Y.Doc, { records: number; bytes: number }>();

  constructor(private readonly limits: Pick<Limits, 'boardMaxBytes' | 'boardMaxRecords'>) {}

  /** Starts counting for a board just loaded, `bytes` being the size of its stored state. */
  track(document: Y.Doc, bytes: number) {
    this.budgets.set(document, { records: countRecords(document), bytes });
  }

  /** True when `update` would take the board past BOARD_MAX_BYTES or BOARD_MAX_RECORDS. */
  wouldPass(document: Y.Doc, update: Uint8Array): boolean {
    const budget = this.budgets.get(document);
    if (!budget) return false;
    // Updates waiting in Yjs for a missing piece land together with the one that brings it: count them too.
    const pending = document.store.pendingStructs?.update;
    const incoming = update.byteLength + (pending?.byteLength ?? 0);
    if (budget.bytes + incoming > this.limits.boardMaxBytes) {
      budget.bytes = Y.encodeStateAsUpdate(document).byteLength;
      // A board at its cap must still be cleaned up: an update that only deletes is let through.
      if (budget.bytes + incoming > this.limits.boardMaxBytes && insertsAnything(update)) return true;
    }
    const mostNew = Math.ceil(incoming / MIN_BYTES_PER_NEW_RECORD);
    if (budget.records + mostNew <= this.limits.boardMaxRecords) return false;
    const added = newRecordKeys(document, update) + (pending ? newRecordKeys(document, pending) : 0);
    return budget.records + added > this.limits.boardMaxRecords;
  }

  /** Counts an applied update. */
  add(document: Y.Doc, bytes: number, recordDelta: number) {
    const budget = this.budgets.get(document);
    if (!budget) return;
    budget.bytes += bytes;
    budget.records += recordDelta;
  }
}
