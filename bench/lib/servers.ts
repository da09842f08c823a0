import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { newId } from '../../shared/ids.ts';
import type { ServerStats } from '../servers/sideChannel.ts';
import type { CardBoard } from './board.ts';
import { boardIdOf, connectClient, type ServerKind } from './clients.ts';
import { freePort } from '../../server/test/serverProcess.ts';
import { Child, ROOT, sleep } from './ipc.ts';
import { processCpuUs } from './machine.ts';

export interface DocInfo {
  loaded: boolean;
  loading?: boolean;
  connections?: number;
  positions?: number;
  storePending?: boolean;
  stateBytes?: number;
  documents?: number;
}

export interface ServerHandle {
  kind: ServerKind;
  child: Child;
  port: number;
  url: string;
  /** Ours only: the lowdb data folder. */
  dataDir?: string;
  stats(): Promise<ServerStats>;
  /** CPU µs used so far, from /proc (see machine.ts processCpuUs). */
  cpuUs(): number;
  /** Resolves once the server answers its side channel again (after an overload), or throws. */
  responsive(timeoutMs?: number): Promise<void>;
  /** Forces full GCs and returns process.memoryUsage(). */
  gc(): Promise<NodeJS.MemoryUsage>;
  docInfo(name: string, state?: boolean): Promise<DocInfo>;
}

const SCRIPTS: Record<ServerKind, string> = {
  ours: 'bench/servers/ours.ts',
  peer: 'bench/servers/peer.ts',
  relay: 'bench/servers/relay.ts',
};

/** Starts one server in its own process on 127.0.0.1 and waits until it answers. */
export async function startServer(kind: ServerKind, extraEnv: NodeJS.ProcessEnv = {}): Promise<ServerHandle> {
  const port = await freePort();
  const dataDir = kind === 'ours' ? mkdtempSync(path.join(tmpdir(), 'iedereen-bench-')) : undefined;
  // The bench makes a board per scenario and repetition from one address: more than the create limit allows a caller.
  const env: NodeJS.ProcessEnv = { PORT: String(port), HOST: '127.0.0.1', LOG: 'off', CREATES_PER_WINDOW: '100000', ...extraEnv };
  if (dataDir) env.DATA_DIR = dataDir;
  // BENCH_CPU_PROF=ours,peer writes V8 CPU profiles of those servers to bench/results/profiles/<kind>/
  // when they stop (one file per thread; the main thread's is the one whose name ends in .0.001.cpuprofile).
  const profile = (process.env.BENCH_CPU_PROF ?? '').split(',').includes(kind);
  const execArgv = ['--expose-gc', ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(ROOT, 'bench/results/profiles', kind)}`] : [])];
  const child = new Child(kind, SCRIPTS[kind], { env, execArgv });
  await child.once('ready', 30_000);
  const url = `http://127.0.0.1:${port}`;
  if (kind === 'ours') {
    const health = await fetch(`${url}/api/health`);
    if (!health.ok) throw new Error(`ours: /api/health answered ${health.status}`);
  }
  return {
    kind,
    child,
    port,
    url,
    dataDir,
    stats: () => child.request<ServerStats>('stats'),
    cpuUs: () => processCpuUs(child.process.pid!),
    responsive: async (timeoutMs = 90_000) => {
      await child.request('stats', undefined, timeoutMs).catch((error: unknown) => {
        throw new Error(`${kind} did not answer for ${timeoutMs / 1000} s after a run (overloaded?): ${error instanceof Error ? error.message : String(error)}`);
      });
    },
    gc: () => child.request<NodeJS.MemoryUsage>('gc', undefined, 60_000),
    docInfo: (name, state = false) => child.request<DocInfo>('docInfo', { name: boardIdOf(name), state }),
  };
}

export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000, everyMs = 50) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * Puts `board` on `server` and returns its address (lib/clients.ts boardIdOf):
 *  - ours: POST /api/boards (the server seeds meta and makes the links), then a provider
 *    pushes the cards; the address carries the participant link's token;
 *  - peer: a provider pushes meta + cards into a fresh room (it keeps rooms in memory);
 *  - relay: nothing to store; clients start from `board.full`.
 * Returns once the server holds every card; the filling client is gone by then.
 */
export async function putBoard(server: ServerHandle, board: CardBoard, title: string): Promise<string> {
  if (server.kind === 'relay') return `r${newId()}`;
  let name: string;
  if (server.kind === 'ours') {
    const response = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title }),
    });
    if (response.status !== 201) throw new Error(`POST /api/boards answered ${response.status}: ${await response.text()}`);
    const created = (await response.json()) as { id: string; links?: Record<string, string> };
    // Boards have links per role with the token in the #t= fragment; bench clients are participants.
    const link = created.links?.participant;
    name = link ? `${created.id}${link.slice(link.indexOf('#'))}` : created.id;
  } else {
    name = `p${newId()}`;
  }
  const filler = connectClient(server.kind, server.url, name, { timeoutMs: 60_000 });
  try {
    await filler.synced;
    Y.applyUpdate(filler.doc, server.kind === 'ours' ? board.cards : board.full);
    const expected = board.cardIds.length;
    await waitUntil(`${server.kind} to hold ${expected} cards`, async () => (await server.docInfo(name)).positions === expected, 60_000);
  } finally {
    filler.destroy();
  }
  return name;
}

/** Ours unloads a board (after storing it) once its last client has gone. */
export async function waitUnloaded(server: ServerHandle, name: string, timeoutMs = 30_000) {
  if (server.kind !== 'ours') return;
  await waitUntil(
    `ours to store and unload ${name}`,
    async () => {
      const info = await server.docInfo(name);
      return !info.loaded && !info.loading;
    },
    timeoutMs,
  );
}
