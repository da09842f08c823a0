import { open, readFile, truncate, unlink } from 'node:fs/promises';
import path from 'node:path';
import { decodeLog, type DecodedLog } from './boardLog.ts';
import { BoardFileError, decodeBoardFile } from './boardFile.ts';
import { writeDurably, type FileData } from './durableJsonFile.ts';

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

type Op = { kind: 'whole'; data: FileData; waiters: Waiter[] } | { kind: 'append'; record: Uint8Array; waiters: Waiter[] };

/** Where the store's log lines go (pino-like: app.log[level](obj, msg) fits). */
export type StoreLog = (level: 'info' | 'warn' | 'error', obj: Record<string, unknown>, msg: string) => void;

/** What is known about the board file on disk: written or read whole by this process, found damaged, or not known yet. */
export type BoardFileState = 'good' | 'damaged' | 'unknown';

/** A timestamp safe in a file name: 2026-12-03T10-11-12-345Z. */
export const fileStamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/**
 * All writes of one board, one at a time and in order: the whole board file (temp +
 * fsync + rename + folder fsync, then the change log is removed) or one record appended
 * to its change log (append + fdatasync). A whole write replaces every write queued
 * before it that has not started — it holds everything they would have written — and
 * its promise answers for theirs. Every promise resolves once its content (or newer) is
 * on disk, and rejects if the write that would have carried it failed.
 *
 * Nothing good is ever thrown away: a whole write keeps the previous good board file as
 * `<id>.board.prev` (a damaged one is moved aside as `<id>.board.damaged-<time>`), and a
 * change log with mid-log damage is copied aside as `<id>.log.damaged-<time>` before it
 * is rewritten without the damage or folded.
 */
export class BoardWriter {
  private queue: Op[] = [];
  private running: Promise<void> | null = null;
  /** Bytes of intact log on disk, once known (null: not read yet, or unknown after a failure). */
  private logBytes: number | null = null;
  /** The raw log with mid-log damage has been copied aside (for the log as it is now on disk). */
  private damagedLogKept = false;
  private tornTailReported = false;
  boardFileState: BoardFileState = 'unknown';

  constructor(
    readonly boardFile: string,
    readonly logFile: string,
    private readonly log: StoreLog,
    private readonly readOnly = false,
  ) {}

  get prevFile() {
    return `${this.boardFile}.prev`;
  }

  writeWhole(data: FileData): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiters: Waiter[] = [{ resolve, reject }];
      for (const op of this.queue) waiters.push(...op.waiters);
      this.queue = [{ kind: 'whole', data, waiters }];
      this.running ??= this.drain();
    });
  }

  /** Resolves with the log's size after the append. */
  append(record: Uint8Array): Promise<number> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ kind: 'append', record, waiters: [{ resolve, reject }] });
      this.running ??= this.drain();
    }).then(() => this.logBytes ?? 0);
  }

  /**
   * Reads and decodes the change log (null when there is none). Mid-log damage is logged
   * as an error and, unless read-only, the raw log is copied aside before this resolves;
   * a torn tail is logged as info.
   */
  async readLog(): Promise<{ bytes: Uint8Array; decoded: DecodedLog } | null> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(this.logFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const decoded = decodeLog(bytes);
    const midLog = decoded.badRanges.length > 1 || decoded.damage?.kind === 'mid-log';
    if (midLog) {
      const lost = decoded.badRanges.reduce((sum, [start, end]) => sum + end - start, 0);
      if (this.readOnly) {
        this.log('error', { file: this.logFile, offset: decoded.damage!.offset, lostBytes: lost }, `change log ${this.logFile} is damaged in the middle; applying the ${decoded.records.length} intact records (read-only: nothing written)`);
      } else if (!this.damagedLogKept) {
        this.damagedLogKept = true;
        const aside = `${this.logFile}.damaged-${fileStamp()}`;
        try {
          await writeDurably(aside, bytes);
        } catch (error) {
          this.damagedLogKept = false;
          throw error;
        }
        this.log(
          'error',
          { file: this.logFile, keptAs: aside, offset: decoded.damage!.offset, badRanges: decoded.badRanges, lostBytes: lost, records: decoded.records.length },
          `change log ${this.logFile} is damaged in the middle (at byte ${decoded.damage!.offset}): its raw bytes are kept as ${aside}; the ${decoded.records.length} intact records before and after are applied`,
        );
      }
    } else if (decoded.damage && !this.tornTailReported) {
      this.tornTailReported = true;
      this.log('info', { file: this.logFile, offset: decoded.damage.offset, bytes: bytes.byteLength - decoded.validBytes }, `change log ${this.logFile} ends in a record cut off by a crash (never acknowledged); it is ignored and cut away before the next append`);
    }
    return { bytes, decoded };
  }

  private async drain(): Promise<void> {
    for (let op = this.queue.shift(); op; op = this.queue.shift()) {
      try {
        if (this.readOnly) throw new Error(`store is read-only: not writing ${this.boardFile}`);
        if (op.kind === 'whole') await this.whole(op.data);
        else await this.appendNow(op.record);
        for (const waiter of op.waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of op.waiters) waiter.reject(error);
      }
    }
    this.running = null;
  }

  /** Whether the board file on disk decodes ('absent' when there is none). */
  private async currentBoardFile(): Promise<'good' | 'damaged' | 'absent'> {
    if (this.boardFileState !== 'unknown') return this.boardFileState;
    try {
      decodeBoardFile(this.boardFile, await readFile(this.boardFile));
      return 'good';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
      if (error instanceof BoardFileError) return 'damaged';
      throw error;
    }
  }

  private async whole(data: FileData) {
    const current = await this.currentBoardFile();
    if (current === 'damaged') {
      const aside = `${this.boardFile}.damaged-${fileStamp()}`;
      await writeDurably(this.boardFile, data, { moveAsideTo: aside });
      this.log('error', { file: this.boardFile, keptAs: aside }, `board file ${this.boardFile} was damaged: it is kept as ${aside}, and ${this.prevFile} (if any) is left as it was`);
    } else {
      await writeDurably(this.boardFile, data, current === 'good' ? { keepPreviousAs: this.prevFile } : {});
    }
    this.boardFileState = 'good';
    // The board file now holds everything the log held (every intact record). Before the
    // log goes, a damaged one is copied aside (readLog does that).
    if (!this.damagedLogKept && this.logBytes === null) await this.readLog();
    // Should this unlink not survive a crash, replaying the old log on load changes
    // nothing (Yjs updates are idempotent).
    this.logBytes = null;
    await unlink(this.logFile).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    this.logBytes = 0;
    this.damagedLogKept = false;
    this.tornTailReported = false;
  }

  private async appendNow(record: Uint8Array) {
    if (this.logBytes === null) {
      // First append since start (or since a failure): repair what a crash or damage left.
      const found = await this.readLog();
      if (!found) this.logBytes = 0;
      else {
        const { bytes, decoded } = found;
        if (!decoded.damage) this.logBytes = bytes.byteLength;
        else if (decoded.badRanges.length === 1 && decoded.damage.kind === 'torn-tail') {
          await truncate(this.logFile, decoded.validBytes);
          this.logBytes = decoded.validBytes;
        } else {
          // Mid-log damage: the raw log is kept aside (readLog); rewrite it with its intact records only.
          await writeDurably(this.logFile, decoded.recordBytes);
          this.logBytes = decoded.recordBytes.reduce((sum, chunk) => sum + chunk.byteLength, 0);
          this.damagedLogKept = false;
          this.log('warn', { file: this.logFile, records: decoded.records.length }, `change log ${this.logFile} rewritten with its ${decoded.records.length} intact records`);
        }
      }
    }
    const created = this.logBytes === 0;
    const size = this.logBytes!;
    this.logBytes = null;
    const file = await open(this.logFile, 'a');
    try {
      let offset = 0;
      while (offset < record.byteLength) offset += (await file.write(record, offset, record.byteLength - offset)).bytesWritten;
      await file.datasync();
    } finally {
      await file.close();
    }
    if (created) {
      // A new file's name must be durable too.
      const folder = await open(path.dirname(this.logFile), 'r');
      try {
        await folder.sync();
      } finally {
        await folder.close();
      }
    }
    this.logBytes = size + record.byteLength;
  }

  /** Resolves when nothing is running or queued. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }
}
