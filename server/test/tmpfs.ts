import { execFileSync } from 'node:child_process';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A real, small file system for disk-fault tests: a tmpfs of `bytes` mounted on a fresh
 * folder (tests run as root here). `fill()` takes the space that is left, `free()` gives it
 * back, `readOnly(on)` remounts it read-only or writable; `unmount()` when done.
 */
export async function mountTmpfs(bytes: number) {
  const dir = await mkdtemp(path.join(tmpdir(), 'iedereen-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir]);
  const filler = path.join(dir, 'filler');
  return {
    dir,
    /** Writes a file until the disk is full. */
    async fill() {
      const file = await open(filler, 'a');
      const chunk = Buffer.alloc(4096, 1);
      try {
        for (let i = 0; i < 1_000_000; i++) await file.write(chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        await file.close().catch(() => undefined);
      }
    },
    async free() {
      await rm(filler, { force: true });
    },
    readOnly(on: boolean) {
      execFileSync('mount', ['-o', `remount,${on ? 'ro' : 'rw'}`, dir]);
    },
    async unmount() {
      try {
        execFileSync('umount', ['-l', dir]);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
