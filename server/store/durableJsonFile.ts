import { open, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';

let tempCounter = 0;

/**
 * A lowdb adapter whose writes survive power loss, not only a crashed process:
 * write a temp file, fsync it, rename it over the target, fsync the folder.
 * (lowdb's own JSONFile renames but never fsyncs.) Writes to one file are
 * serialised so an older write can never land after a newer one.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly filename: string) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.filename, 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data);
    const next = this.queue.then(() => writeDurably(this.filename, text));
    // Keep the chain alive after a failed write; the caller still sees the error.
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Resolves when every write started so far has finished (successfully or not). */
  idle(): Promise<void> {
    return this.queue;
  }
}

/** What writeDurably writes: text (as UTF-8), bytes, or chunks of bytes written one after another (no concatenation). */
export type FileData = string | Uint8Array | readonly Uint8Array[];

export interface DurableWriteOptions {
  /**
   * Before the new file replaces `filename`, rename the current one to this name (over
   * any file there): the previous generation stays on disk. Only pass it when the current
   * file is known to be good — a damaged one must go to `moveAsideTo` instead, or it
   * would replace the last good copy.
   */
  keepPreviousAs?: string;
  /** Like keepPreviousAs, for a current file that is damaged: it is kept there, untouched. */
  moveAsideTo?: string;
  /** false: the caller fsyncs the folder itself (once, after many writes). Default true. */
  syncFolder?: boolean;
}

/**
 * Writes a file so that it is either the old or the new content after a crash or power
 * loss: temp file + fsync + rename + folder fsync. On ANY failure (ENOSPC, EROFS, EIO
 * while writing or syncing, a failed rename) the temp file is removed before the error
 * is rethrown, so a full disk never fills up further with `*.tmp` files.
 */
export async function writeDurably(filename: string, data: FileData, options: DurableWriteOptions = {}) {
  const temp = `${filename}.${process.pid}.${++tempCounter}.tmp`;
  const previous = options.keepPreviousAs ?? options.moveAsideTo;
  let movedCurrent = false;
  try {
    const file = await open(temp, 'w');
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) await file.writeFile(data);
      else for (const chunk of data) await writeAll(file, chunk);
      await file.sync();
    } finally {
      await file.close();
    }
    if (previous) {
      try {
        await rename(filename, previous);
        movedCurrent = true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    await rename(temp, filename);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    // Put the current file back where it was: a failed write changes nothing.
    if (movedCurrent && previous) await rename(previous, filename).catch(() => undefined);
    throw error;
  }
  if (options.syncFolder !== false) await syncFolder(path.dirname(filename));
}

export async function syncFolder(folder: string) {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeAll(file: FileHandle, chunk: Uint8Array) {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await file.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}
