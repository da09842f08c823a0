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

export async function writeDurably(filename: string, data: FileData) {
  const temp = `${filename}.${process.pid}.${++tempCounter}.tmp`;
  const file = await open(temp, 'w');
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) await file.writeFile(data);
    else for (const chunk of data) await writeAll(file, chunk);
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await rename(temp, filename);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  const folder = await open(path.dirname(filename), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

async function writeAll(file: FileHandle, chunk: Uint8Array) {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await file.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}
