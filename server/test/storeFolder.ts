import { afterEach, beforeEach } from 'vitest';
import { storeOpener } from '../store/testStores.ts';
import { makeDataDir, removeDataDir } from './testServer.ts';

/**
 * A fresh data folder per test, for tests of the store itself: `stores` opens stores on it
 * as restarts do; after each test they are closed before the folder is removed.
 */
export function useStoreFolder() {
  let dir = '';
  const folder = {
    get dir() {
      return dir;
    },
    stores: storeOpener(() => dir),
  };
  beforeEach(async () => {
    dir = await makeDataDir();
    folder.stores.lines.length = 0;
  });
  afterEach(async () => {
    await folder.stores.closeAll();
    await removeDataDir(dir);
  });
  return folder;
}
