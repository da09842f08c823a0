/**
 * Test helper run as its own process (`node --import tsx server/store/openStoreProcess.ts <dataDir>`):
 * opens the store on dataDir and prints `open <pid>`, or `locked <DataDirLockedError message>`
 * and exits 3. Stays open until its stdin closes, then closes the store and exits 0.
 */
import { DataDirLockedError, LowdbBoardStore } from './lowdbBoardStore.ts';

const dataDir = process.argv[2];
try {
  const store = await LowdbBoardStore.open(dataDir, { log: () => undefined });
  process.stdout.write(`open ${process.pid}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    void store.close().then(() => process.exit(0));
  });
} catch (error) {
  if (error instanceof DataDirLockedError) {
    process.stdout.write(`locked ${error.message}\n`);
    process.exit(3);
  }
  throw error;
}
