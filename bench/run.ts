/**
 * npm run bench [-- --quick] [-- --only=propagation,cursors] [-- --reps=5]
 *
 * Starts our real server, a bare y-websocket server (peer) and a raw ws relay, each in its
 * own process on 127.0.0.1, drives them with real clients spread over worker processes,
 * prints a table and writes bench/results/latest.json. Exits 1 when a target fails (full
 * run) or when the bench itself breaks (any run). See bench/README.md.
 */
import os from 'node:os';
import path from 'node:path';
import { SERVER_KINDS, type ServerKind } from './lib/clients.ts';
import { epochString } from './lib/clock.ts';
import { killAll, killAllNow, ROOT } from './lib/ipc.ts';
import { foreignCpuPct, quietGate, sampleMachine } from './lib/machine.ts';
import { errorRow, formatTable, judge, writeJson, type Row } from './lib/report.ts';
import { startServer, type ServerHandle } from './lib/servers.ts';
import { WorkerPool } from './lib/workers.ts';
import { cursors, propagation, throughput, type NetContext } from './scenarios/networkScenarios.ts';
import { memory } from './scenarios/memory.ts';
import { load, persistence } from './scenarios/load.ts';
import { skillIndex } from './scenarios/skillIndex.ts';
import { buildClient, canvas, type CanvasCleanup } from './scenarios/canvas.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const repsArg = Number(args.find((a) => a.startsWith('--reps='))?.slice('--reps='.length));
const reps = Number.isInteger(repsArg) && repsArg > 0 ? repsArg : quick ? 1 : 3;
const workerCount = Number(process.env.BENCH_WORKERS ?? (quick ? 2 : 4));

const config = quick
  ? {
      propagation: { clients: 20, cards: 1000, durationS: 1.5, warmupS: 0.3 },
      throughput: { writers: 20, observers: 4, hz: 100, cards: 1000, cardsPerWriter: 10, durationS: 1, warmupS: 0.3 },
      cursors: { clients: 20, hz: 10, cards: 1000, durationS: 1, warmupS: 0.3 },
      memory: { cards: 1000, idle: 20, reps: 1 },
      load: { cards: 5000, joins: 1, moves: 50 },
      persistence: { cards: 5000, stores: 2 },
      index: { people: 1000, skills: 100, links: 10_000, changes: 16 },
      canvas: { cards: 1000, movesPerSecond: 100, dragSeconds: 1, firstRenderAttempts: 1, catchUpWaitMs: 2000, firstRenderTimeoutMs: 15_000 },
    }
  : {
      propagation: { clients: 50, cards: 1000, durationS: 12, warmupS: 2 },
      throughput: { writers: 20, observers: 4, hz: 100, cards: 1000, cardsPerWriter: 10, durationS: 8, warmupS: 1 },
      cursors: { clients: 50, hz: 10, cards: 1000, durationS: 8, warmupS: 1 },
      memory: { cards: 1000, idle: 50, reps },
      load: { cards: 5000, joins: 5, moves: 200 },
      persistence: { cards: 5000, stores: 5 },
      index: { people: 2000, skills: 200, links: 20_000, changes: 84 },
      canvas: { cards: 5000, movesPerSecond: 100, dragSeconds: 4, firstRenderAttempts: 3, catchUpWaitMs: 30_000, firstRenderTimeoutMs: 30_000 },
    };

// --quick is a smoke check of the bench: no waiting for a quiet machine, short drains.
quietGate.maxWaitMs = quick ? 0 : Number(process.env.BENCH_QUIET_WAIT_S ?? 10) * 1000;
quietGate.drainMs = quick ? 600 : 1500;
quietGate.settleMs = quick ? 100 : 300;
quietGate.isolate = !quick;

const started = Date.now();
const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);
const wanted = (name: string) => !only || only.includes(name);

let cleaningUp: Promise<void> | null = null;
const cleanups: CanvasCleanup[] = [];
function cleanup(): Promise<void> {
  cleaningUp ??= (async () => {
    for (const fn of cleanups.splice(0)) await fn().catch(() => undefined);
    await killAll();
  })();
  return cleaningUp;
}
process.on('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping every bench process`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  log(`bench ${quick ? '--quick' : 'full'}: ${reps} repetition(s), ${workerCount} client workers, ${os.cpus().length} CPUs, Node ${process.version}, epoch ${epochString()}`);
  const rows: Row[] = [];
  const attempt = async (scenario: string, fn: () => Promise<Row[]>) => {
    if (!wanted(scenario)) return;
    const t0 = Date.now();
    log(`${scenario} …`);
    try {
      const machine = sampleMachine();
      const produced = await fn();
      const foreign = foreignCpuPct(machine, sampleMachine());
      // Noise from other processes, averaged over the whole scenario (network scenarios flag per run).
      rows.push(
        ...produced.map((r) =>
          r.target && foreign > 50 && !r.note?.includes('noisy')
            ? { ...r, note: [r.note, `noisy: other processes used ${foreign.toFixed(0)}% of a core on average during this scenario`].filter(Boolean).join('; ') }
            : r,
        ),
      );
      log(`${scenario} done in ${((Date.now() - t0) / 1000).toFixed(1)} s (other processes: ${foreign.toFixed(0)}% of a core)`);
    } catch (error) {
      log(`${scenario} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      rows.push(errorRow(scenario, error));
    }
  };

  const needsNetwork = ['propagation', 'throughput', 'cursors', 'memory', 'load', 'persistence', 'canvas'].some(wanted);
  // Client workers start while the client builds; the client must be built before our
  // server starts (it serves the files it finds then).
  const poolStarting = needsNetwork ? WorkerPool.start(workerCount) : null;
  poolStarting?.catch(() => undefined);
  let clientBuilt: unknown = null;
  if (wanted('canvas')) clientBuilt = await buildClient(log).catch((error: unknown) => error ?? new Error('vite build failed'));
  const servers = {} as Record<ServerKind, ServerHandle>;
  let pool: WorkerPool | null = null;
  if (needsNetwork) {
    const kinds = ['propagation', 'throughput', 'cursors', 'memory', 'load'].some(wanted) ? SERVER_KINDS : (['ours'] as ServerKind[]);
    const handles = await Promise.all(kinds.map((kind) => startServer(kind)));
    for (const handle of handles) servers[handle.kind] = handle;
    pool = await poolStarting!;
    log(`servers up: ${handles.map((h) => `${h.kind} ${h.url} (pid ${h.child.process.pid})`).join(', ')}; workers: ${pool.workers.map((w) => w.process.pid).join(', ')}`);
  }
  // Full runs prime every server with a short unmeasured run per scenario (see networkScenarios.ts).
  const net: NetContext | null = pool ? { servers, pool, reps, primeS: quick ? 0 : 3, log } : null;

  await attempt('memory', () => memory({ servers, pool: pool!, log }, config.memory));
  await attempt('propagation', () => propagation(net!, config.propagation));
  await attempt('throughput', () => throughput(net!, config.throughput));
  await attempt('cursors', () => cursors(net!, config.cursors));
  await attempt('load', () => load({ servers, pool: pool!, log }, config.load));
  await attempt('persistence', () => persistence({ servers, pool: pool!, log }, config.persistence));
  await attempt('index', () => skillIndex(config.index, log));
  await attempt('canvas', async () => {
    if (clientBuilt) throw clientBuilt;
    return canvas({ ours: servers.ours, pool: pool!, log, onCleanup: (fn) => cleanups.push(fn) }, config.canvas);
  });

  await cleanup();

  const judged = rows.map((r) => judge(r, quick));
  const table = formatTable(judged);
  console.log(`\n${table}\n`);
  const failed = judged.filter((r) => r.status === 'fail');
  const broken = judged.filter((r) => r.status === 'error');
  // A smoke run must not overwrite the figures of the last full run.
  const file = path.join(ROOT, quick ? 'bench/results/quick.json' : 'bench/results/latest.json');
  writeJson(file, {
    mode: quick ? 'quick' : 'full',
    startedAt: new Date(started).toISOString(),
    durationS: (Date.now() - started) / 1000,
    repetitions: reps,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.release()}`, memoryMB: Math.round(os.totalmem() / 2 ** 20) },
    config,
    summary: {
      pass: judged.filter((r) => r.status === 'pass').length,
      fail: failed.length,
      error: broken.length,
      notJudged: judged.filter((r) => r.status === 'quick: not judged').length,
    },
    rows: judged,
    table,
  });
  log(`wrote ${path.relative(ROOT, file)} — ${failed.length} target(s) failed, ${broken.length} scenario error(s)`);
  if (broken.length) return 1;
  if (!quick && failed.length) return 1;
  return 0;
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error('bench broke:', error);
    await cleanup();
    process.exit(1);
  });
