import { open, readFile, truncate, unlink } from 'node:fs/promises';
import path from 'node:path';
import { decodeLog } from './boardLog.ts';
import { writeDurably, type FileData } from './durableJsonFile.ts';

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

type Op = { kind: 'whole'; data: FileData; waiters: Waiter[] } | { kind: 'append'; record: Uint8Array; waiters: Waiter[] };

/**
 * All writes of one board, one at a time and in order: the whole board file (temp +
 * fsync + rename + folder fsync, then the change log is removed) or one record appended
 * to its change log (append + fdatasync). A whole write replaces every write queued
 * before it that has not started — it holds everything they would have written — and
 * its promise answers for theirs. Every promise resolves once its content (or newer) is
 * on disk, and rejects if the write that would have carried it failed.
 */
export class BoardWriter {
  private queue: Op[] = [];
  private running: Promise<void> | null = null;
  /** Bytes of intact log on disk, once known (null: not read yet, or unknown after a failure). */
  private logBytes: number | null = null;

  constructor(
    readonly boardFile: string,
    readonly logFile: string,
  ) {}

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

  private async drain(): Promise<void> {
    for (let op = this.queue.shift(); op; op = this.queue.shift()) {
      try {
        if (op.kind === 'whole') await this.whole(op.data);
        else await this.appendNow(op.record);
        for (const waiter of op.waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of op.waiters) waiter.reject(error);
      }
    }
    this.running = null;
  }

  private async whole(data: FileData) {
    await writeDurably(this.boardFile, data);
    // The board file now holds everything the log held. Should this unlink not survive a
    // crash, replaying the old log on load changes nothing (Yjs updates are idempotent).
    this.logBytes = null;
    await unlink(this.logFile).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    this.logBytes = 0;
  }

  private async appendNow(record: Uint8Array) {
    if (this.logBytes === null) {
      // First append since start (or since a failure): cut away a record a crash left half-written.
      let bytes: Uint8Array | null = null;
      try {
        bytes = await readFile(this.logFile);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      const valid = bytes ? decodeLog(bytes).validBytes : 0;
      if (bytes && valid < bytes.byteLength) await truncate(this.logFile, valid);
      this.logBytes = bytes ? valid : 0;
    }
    const created = this.logBytes === 0;
    const size = this.logBytes;
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
