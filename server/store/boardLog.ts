import type { BoardSummary } from './boardStore.ts';

/**
 * A board's change log (`boards/<id>.log`): updates appended after the board file was
 * last written whole, so a store of a few moves writes (and encodes) a few hundred bytes
 * instead of the whole board. Each record:
 *
 *   u32 LE  n      length of what follows the hash
 *   u32 LE  hash   FNV-1a of those n bytes (finds a record cut off by a crash)
 *   u32 LE  h      length of the header
 *   h bytes        JSON {"schemaVersion":…,"summary":{…}}
 *   n-4-h bytes    the update (Y.encodeStateAsUpdate(doc, stateVectorOfTheStoredState))
 *
 * A bad record is told apart by what follows it (decodeLog):
 *  - torn tail: it is the last thing in the file (cut short, or the final record fails
 *    its check). That append never reported success: the bytes are cut away before the
 *    next append.
 *  - mid-log damage: valid records follow it (found by scanning forward for the next
 *    offset whose length + hash check out). Those records did report success, so every
 *    good record before and after is applied, and the raw log is kept aside before the
 *    log is ever rewritten or folded (see BoardWriter).
 */
export interface LogRecord {
  schemaVersion: number;
  summary: BoardSummary;
  update: Uint8Array;
}

export interface LogDamage {
  kind: 'torn-tail' | 'mid-log';
  /** Where the first bad byte range starts. */
  offset: number;
}

export interface DecodedLog {
  records: LogRecord[];
  /** Bytes up to the end of the last intact record. */
  validBytes: number;
  /** null: every byte belongs to an intact record. Mid-log damage wins over a torn tail after it. */
  damage: LogDamage | null;
  /** Byte ranges [start, end) that belong to no intact record (damage and torn tail). */
  badRanges: Array<[number, number]>;
  /** The raw bytes of each intact record, in order (to rewrite a log without its damage). */
  recordBytes: Uint8Array[];
}

function fnv1a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i];
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function encodeLogRecord(schemaVersion: number, summary: BoardSummary, update: Uint8Array): Uint8Array {
  const header = Buffer.from(JSON.stringify({ schemaVersion, summary }), 'utf8');
  const body = Buffer.alloc(4 + header.length + update.byteLength);
  body.writeUInt32LE(header.length, 0);
  header.copy(body, 4);
  body.set(update, 4 + header.length);
  const record = Buffer.alloc(8 + body.length);
  record.writeUInt32LE(body.length, 0);
  record.writeUInt32LE(fnv1a(body), 4);
  body.copy(record, 8);
  return record;
}

/** What every record's header starts with (JSON.stringify puts schemaVersion first): a cheap test before hashing while resyncing. */
const HEADER_START = Buffer.from('{"schemaVersion":', 'utf8');

/** The record at `offset`, or null when none starts there (cut short, bad hash, bad header). */
function recordAt(buffer: Buffer, offset: number, resyncing: boolean): { record: LogRecord; end: number } | null {
  if (offset + 8 > buffer.length) return null;
  const length = buffer.readUInt32LE(offset);
  const hash = buffer.readUInt32LE(offset + 4);
  if (length < 4 || offset + 8 + length > buffer.length) return null;
  const headerLength = buffer.readUInt32LE(offset + 8);
  if (4 + headerLength > length) return null;
  if (resyncing && (headerLength < HEADER_START.length || !buffer.subarray(offset + 12, offset + 12 + HEADER_START.length).equals(HEADER_START))) return null;
  const body = buffer.subarray(offset + 8, offset + 8 + length);
  if (fnv1a(body) !== hash) return null;
  let header: { schemaVersion?: unknown; summary?: BoardSummary };
  try {
    header = JSON.parse(body.subarray(4, 4 + headerLength).toString('utf8'));
  } catch {
    return null;
  }
  if (typeof header?.schemaVersion !== 'number' || typeof header.summary?.updatedAt !== 'number') return null;
  const update = body.subarray(4 + headerLength);
  return {
    record: { schemaVersion: header.schemaVersion, summary: header.summary, update: new Uint8Array(update.buffer, update.byteOffset, update.byteLength) },
    end: offset + 8 + length,
  };
}

export function decodeLog(bytes: Uint8Array): DecodedLog {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: LogRecord[] = [];
  const recordBytes: Uint8Array[] = [];
  const badRanges: Array<[number, number]> = [];
  let damage: LogDamage | null = null;
  let offset = 0;
  let validBytes = 0;
  while (offset < buffer.length) {
    let found = recordAt(buffer, offset, false);
    if (!found) {
      // Scan forward for the next record that checks out.
      let next = offset + 1;
      for (; next + 8 <= buffer.length; next++) {
        found = recordAt(buffer, next, true);
        if (found) break;
      }
      if (!found) {
        badRanges.push([offset, buffer.length]);
        damage ??= { kind: 'torn-tail', offset };
        break;
      }
      badRanges.push([offset, next]);
      if (damage?.kind !== 'mid-log') damage = { kind: 'mid-log', offset };
      offset = next;
    }
    records.push(found.record);
    recordBytes.push(buffer.subarray(offset, found.end));
    offset = validBytes = found.end;
  }
  return { records, validBytes, damage, badRanges, recordBytes };
}
