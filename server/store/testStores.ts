import { LowdbBoardStore, type OpenOptions } from './lowdbBoardStore.ts';
import type { StoreLog } from './boardWriter.ts';

/** Log lines a test store wrote, to assert on (and to keep test output quiet). */
export interface LoggedLine {
  level: 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg: string;
}

/**
 * Opens stores on one data folder the way restarts do: opening one closes the one
 * opened before (only one may hold the folder's lock), and closeAll() ends the test.
 */
export function storeOpener(dataDir: () => string) {
  let open: LowdbBoardStore[] = [];
  const lines: LoggedLine[] = [];
  const log: StoreLog = (level, obj, msg) => lines.push({ level, obj, msg });
  return {
    lines,
    log,
    async reopen(options: OpenOptions = {}) {
      if (!options.readOnly) {
        await Promise.all(open.map((store) => store.close()));
        open = [];
      }
      const store = await LowdbBoardStore.open(dataDir(), { log, ...options });
      open.push(store);
      return store;
    },
    async closeAll() {
      await Promise.all(open.map((store) => store.close()));
      open = [];
    },
  };
}
