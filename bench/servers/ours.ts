/**
 * OUR server for the bench: exactly what server/index.ts runs — buildApp(loadConfig())
 * with the lowdb store from DATA_DIR, every plugin on — plus a measuring side channel over
 * IPC (CPU, heap after GC, event-loop delay while a board is stored). Start with
 * --expose-gc, env PORT, HOST, DATA_DIR, LOG=off.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { serveSideChannel } from './sideChannel.ts';

const config = loadConfig();
const app = await buildApp(config);

let closing = false;
const shutdown = async () => {
  if (closing) return;
  closing = true;
  try {
    await app.close();
  } finally {
    process.exit(0);
  }
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());

await app.listen({ port: config.port, host: config.host });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

serveSideChannel(config.port, {
  /** What the server holds for one board; `state` also encodes it (costs CPU: not inside a measurement). */
  docInfo: ({ name, state }: { name: string; state?: boolean }) => {
    const doc = app.hocuspocus.documents.get(name);
    if (!doc) return { loaded: false, loading: app.hocuspocus.loadingDocuments.has(name), documents: app.hocuspocus.getDocumentsCount() };
    return {
      loaded: true,
      connections: doc.getConnectionsCount(),
      positions: doc.getMap('positions').size,
      storePending: app.hocuspocus.debouncer.isDebounced(`onStoreDocument-${name}`),
      stateBytes: state ? Y.encodeStateAsUpdate(doc).length : undefined,
      documents: app.hocuspocus.getDocumentsCount(),
    };
  },
  /**
   * Runs the board's pending store now — the same debounced onStoreDocument that would
   * fire by itself after STORE_DEBOUNCE_MS, and the path the server's preClose uses —
   * with perf_hooks.monitorEventLoopDelay (1 ms resolution) running from `leadMs` before
   * until `tailMs` after it. The store's synchronous work (encode, base64, JSON) shows as
   * one long delay sample. (A histogram cannot be paused and resumed: it would record the
   * pause as one delay, so each store gets its own.)
   */
  storeNow: async ({ name, leadMs = 10, tailMs = 10 }: { name: string; leadMs?: number; tailMs?: number }) => {
    const id = `onStoreDocument-${name}`;
    if (!app.hocuspocus.debouncer.isDebounced(id)) throw new Error(`no store pending for ${name}`);
    const histogram = monitorEventLoopDelay({ resolution: 1 });
    histogram.enable();
    await sleep(leadMs);
    const start = performance.now();
    await app.hocuspocus.debouncer.executeNow(id);
    const storeMs = performance.now() - start;
    await sleep(tailMs);
    histogram.disable();
    return {
      storeMs,
      samples: histogram.count,
      p50: histogram.percentile(50) / 1e6,
      p99: histogram.percentile(99) / 1e6,
      max: histogram.max / 1e6,
    };
  },
});
