import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * Request/response over the Node IPC channel of a forked child. Every process the bench
 * starts is a fork (so it has this channel), is recorded here, and is killed by its own
 * PID at the end, on error and on SIGINT.
 */

export const ROOT = path.resolve(import.meta.dirname, '../..');

interface Request {
  rid: number;
  cmd: string;
  args?: unknown;
}
interface Reply {
  rid: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

type Handler = (args: any) => unknown;

/** Child side: answer requests from the parent, and exit when the parent goes away. */
export function serve(handlers: Record<string, Handler>) {
  if (!process.send) throw new Error('bench child started without an IPC channel');
  process.on('message', async (message: Request) => {
    if (!message || typeof message.rid !== 'number') return;
    const handler = handlers[message.cmd];
    let reply: Reply;
    try {
      if (!handler) throw new Error(`unknown command ${message.cmd}`);
      reply = { rid: message.rid, ok: true, result: await handler(message.args) };
    } catch (error) {
      reply = { rid: message.rid, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    if (process.connected) process.send!(reply);
  });
  // The parent died or closed the channel: never linger as an orphan.
  process.on('disconnect', () => process.exit(0));
}

/** Tells the parent something without being asked (e.g. "ready"). */
export function notify(event: string, data?: unknown) {
  process.send?.({ event, data });
}

const live = new Set<Child>();

export class Child {
  readonly process: ChildProcess;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private output = '';
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    script: string,
    options: { env?: NodeJS.ProcessEnv; execArgv?: string[]; cwd?: string } = {},
  ) {
    this.process = fork(path.resolve(ROOT, script), [], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
      execArgv: ['--import', 'tsx', ...(options.execArgv ?? [])],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    live.add(this);
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-8000);
      if (process.env.BENCH_VERBOSE) process.stderr.write(`[${name}] ${chunk}`);
    };
    this.process.stdout!.on('data', keep);
    this.process.stderr!.on('data', keep);
    this.process.on('message', (message: Reply & { event?: string }) => {
      if (message && typeof message.rid === 'number') {
        const waiter = this.pending.get(message.rid);
        if (!waiter) return;
        this.pending.delete(message.rid);
        if (message.ok) waiter.resolve(message.result);
        else waiter.reject(new Error(`${name}: ${message.error}`));
      } else if (message?.event) {
        for (const listener of this.listeners.get(message.event) ?? []) listener(message as unknown as { data: unknown });
      }
    });
    this.exited = new Promise((resolve) =>
      this.process.once('exit', (code) => {
        live.delete(this);
        for (const waiter of this.pending.values()) waiter.reject(new Error(`${name} exited (${code}) — last output:\n${this.output}`));
        this.pending.clear();
        resolve(code);
      }),
    );
  }

  private readonly listeners = new Map<string, Array<(m: { data: unknown }) => void>>();

  /** Resolves with the data of the first `event` the child sends. */
  once<T = unknown>(event: string, timeoutMs = 30_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: no "${event}" within ${timeoutMs} ms — output:\n${this.output}`)), timeoutMs);
      const list = this.listeners.get(event) ?? [];
      list.push((m) => {
        clearTimeout(timer);
        resolve(m.data as T);
      });
      this.listeners.set(event, list);
      void this.exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${this.name} exited (${code}) before "${event}" — output:\n${this.output}`));
      });
    });
  }

  request<T = unknown>(cmd: string, args?: unknown, timeoutMs = 60_000): Promise<T> {
    if (!this.process.connected) return Promise.reject(new Error(`${this.name} is not running — output:\n${this.output}`));
    const rid = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(rid);
        reject(new Error(`${this.name}: "${cmd}" took more than ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(rid, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.process.send({ rid, cmd, args } satisfies Request);
    });
  }

  get lastOutput() {
    return this.output;
  }

  /** SIGTERM, then SIGKILL after `graceMs`; by this child's own PID only. */
  async kill(graceMs = 3000) {
    const pid = this.process.pid;
    if (pid === undefined || this.process.exitCode !== null || this.process.signalCode !== null) return;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Kills every child still running, each by its own PID. */
export async function killAll(graceMs = 3000) {
  await Promise.allSettled([...live].map((child) => child.kill(graceMs)));
}

/** Synchronous last resort (process 'exit' handler): SIGKILL what is left. */
export function killAllNow() {
  for (const child of live) {
    const pid = child.process.pid;
    if (pid !== undefined && child.process.exitCode === null && child.process.signalCode === null) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
