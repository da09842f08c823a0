import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A real, size-limited disk for disk-full tests: a tmpfs of `sizeBytes` mounted on a new
 * temp folder. Writes past its size fail for real with ENOSPC (no mocks), in this process
 * and in any server process started on it.
 *
 *   const disk = await withSmallDisk(64 * 1024);
 *   try { ...use disk.dir as DATA_DIR...; await disk.fill(); } finally { await disk.release(); }
 *
 * Needs root (or CAP_SYS_ADMIN) and a `mount` that allows tmpfs: checked on this machine
 * (Debian 12 sandbox, root; server/test/tmpfs.ts is an older, synchronous helper for the same). Where mounting is not allowed it THROWS
 * SmallDiskUnavailableError instead of quietly skipping: a test that wants to skip must
 * say so itself (`smallDiskAvailable()` tells it beforehand). tmpfs rounds the size up to
 * whole pages (4 KiB). release() unmounts (lazily if a file is still open) and removes the
 * folder; always call it in a finally/afterEach.
 */
export interface SmallDisk {
  /** The mounted folder: empty, writable, `sizeBytes` large. */
  dir: string;
  /** Fills the disk with a filler file until a write fails with ENOSPC, leaving `leaveBytes` (default 0) free. */
  fill(leaveBytes?: number): Promise<void>;
  /** Removes the filler file (frees the space fill() took). */
  unfill(): Promise<void>;
  /** Remounts read-only (writes then fail with EROFS, also for root) or writable again. */
  readOnly(on: boolean): Promise<void>;
  release(): Promise<void>;
}

export class SmallDiskUnavailableError extends Error {
  constructor(reason: string) {
    super(`cannot mount a small tmpfs for a disk-full test: ${reason}`);
    this.name = 'SmallDiskUnavailableError';
  }
}

let available: Promise<boolean> | null = null;

/** Whether withSmallDisk can work here (tries one mount once per process). */
export function smallDiskAvailable(): Promise<boolean> {
  available ??= withSmallDisk(4096).then(
    (disk) => disk.release().then(() => true),
    () => false,
  );
  return available;
}

export async function withSmallDisk(sizeBytes: number): Promise<SmallDisk> {
  const dir = await mkdtemp(path.join(tmpdir(), 'iedereen-small-disk-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${Math.max(4096, Math.ceil(sizeBytes))},mode=0755`, 'tmpfs', dir]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new SmallDiskUnavailableError((error as { stderr?: string }).stderr?.trim() || String(error));
  }
  const filler = path.join(dir, '.filler');
  let released = false;
  return {
    dir,
    async fill(leaveBytes = 0) {
      const { open } = await import('node:fs/promises');
      const file = await open(filler, 'a');
      try {
        const chunk = Buffer.alloc(4096);
        for (;;) {
          try {
            await file.write(chunk);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
            throw error;
          }
        }
        await file.sync().catch(() => undefined);
        if (leaveBytes > 0) {
          const { size } = await file.stat();
          await file.truncate(Math.max(0, size - Math.ceil(leaveBytes / 4096) * 4096));
        }
      } finally {
        await file.close();
      }
    },
    async unfill() {
      await rm(filler, { force: true });
    },
    async readOnly(on: boolean) {
      await run('mount', ['-o', `remount,${on ? 'ro' : 'rw'}`, dir]);
    },
    async release() {
      if (released) return;
      released = true;
      try {
        await run('umount', [dir]);
      } catch {
        await run('umount', ['-l', dir]).catch(() => undefined);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
