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
 * A record cut off or damaged by a crash ends the log: it and anything after it are
 * ignored (that append never reported success) and cut away before the next append.
 */
export interface LogRecord {
  schemaVersion: number;
  summary: BoardSummary;
  update: Uint8Array;
}

export interface DecodedLog {
  records: LogRecord[];
  /** Bytes up to the end of the last intact record. */
  validBytes: number;
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

export function decodeLog(bytes: Uint8Array): DecodedLog {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: LogRecord[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const length = buffer.readUInt32LE(offset);
    const hash = buffer.readUInt32LE(offset + 4);
    if (length < 4 || offset + 8 + length > buffer.length) break;
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (fnv1a(body) !== hash) break;
    const headerLength = body.readUInt32LE(0);
    if (4 + headerLength > body.length) break;
    let header: { schemaVersion?: unknown; summary?: BoardSummary };
    try {
      header = JSON.parse(body.subarray(4, 4 + headerLength).toString('utf8'));
    } catch {
      break;
    }
    if (typeof header.schemaVersion !== 'number' || typeof header.summary?.updatedAt !== 'number') break;
    const update = body.subarray(4 + headerLength);
    records.push({
      schemaVersion: header.schemaVersion,
      summary: header.summary,
      update: new Uint8Array(update.buffer, update.byteOffset, update.byteLength),
    });
    offset += 8 + length;
  }
  return { records, validBytes: offset };
}
