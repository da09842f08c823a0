import { readFileSync, unlinkSync } from 'node:fs';
import { link, readFile, realpath, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * Another server process (or another open store in this process) already uses the data
 * folder. server/index.ts prints the message and exits 1.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      pid === process.pid
        ? `this Iedereen server already has the data folder ${dataDir} open (pid ${pid}); close that store first`
        : `another Iedereen server (pid ${pid}) is using the data folder ${dataDir}; stop it first or set DATA_DIR`,
    );
    this.name = 'DataDirLockedError';
  }
}

export const LOCK_FILE = '.lock';

/** Folders (real paths) locked by this process, with their lock file. */
const held = new Map<string, string>();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A process that exits without close() (process.exit after a failed listen) removes its locks.
  process.on('exit', () => {
    for (const lockFile of held.values()) {
      try {
        if (readFileSync(lockFile, 'utf8').split('\n')[0] === String(process.pid)) unlinkSync(lockFile);
      } catch {
        // gone already
      }
    }
  });
}

/** Whether a process with this pid is running (EPERM: it runs as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const pidIn = (text: string) => {
  const pid = Number(text.split('\n')[0]);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
};

export interface DataDirLock {
  readonly file: string;
  release(): Promise<void>;
}

/**
 * Takes `dataDir/.lock` for this process: the file (`<pid>\n<host>\n<time>\n`) appears
 * whole or not at all (written as a temp file, then hard-linked to its name, which fails
 * when it exists). A lock whose pid no longer runs (a crash, SIGKILL, power loss) is
 * stale and taken over; so is one holding this process's own pid that this process did
 * not take (a container restarts with the same pid). Limitation: pids are checked on
 * this machine only — two containers with separate pid namespaces sharing one volume can
 * not see each other's pids; give each its own DATA_DIR.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const real = await realpath(dataDir);
  const file = path.join(real, LOCK_FILE);
  if (held.has(real)) throw new DataDirLockedError(dataDir, process.pid);
  // Reserved before the first await: a second open in this process fails even while this one runs.
  held.set(real, file);
  const content = `${process.pid}\n${hostname()}\n${new Date().toISOString()}\n`;
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temp, content);
    for (let attempt = 0; ; attempt++) {
      try {
        await link(temp, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw error;
      }
      let existing: string;
      try {
        existing = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      const pid = pidIn(existing);
      if (pid !== null && pid !== process.pid && running(pid)) throw new DataDirLockedError(dataDir, pid);
      // Stale: move it away, and make sure what was moved is the stale one (not a lock another process just took).
      const moved = `${file}.stale-${process.pid}`;
      try {
        await rename(file, moved);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      const movedContent = await readFile(moved, 'utf8').catch(() => '');
      if (movedContent !== existing) {
        await link(moved, file).catch(() => undefined);
        await unlink(moved).catch(() => undefined);
        throw new DataDirLockedError(dataDir, pidIn(movedContent) ?? 0);
      }
      await unlink(moved).catch(() => undefined);
    }
  } catch (error) {
    held.delete(real);
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  installExitHook();
  let released = false;
  return {
    file,
    async release() {
      if (released) return;
      released = true;
      held.delete(real);
      try {
        if (pidIn(await readFile(file, 'utf8')) === process.pid) await unlink(file);
      } catch {
        // already gone
      }
    },
  };
}
