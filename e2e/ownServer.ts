import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { untilHealthy } from '../server/test/serverProcess.ts';

/**
 * A server of a spec's own (the shared one from playwright.config.ts runs with the default
 * limits): started with `env` on its own port and data folder, stopped by its own PID.
 */
export interface OwnServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** `dataDir`: reuse a folder (a restart of an earlier own server); default a new one. */
export async function startOwnServer(port: number, env: Record<string, string>, dataDir = mkdtempSync(path.join(tmpdir(), 'iedereen-e2e-own-'))): Promise<OwnServer> {
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: path.join(import.meta.dirname, '..'),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG: 'off', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  await untilHealthy(child, url, () => stderr, 30_000);
  return {
    url,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Makes a board through the REST API; its links point at `server`. */
export async function createBoardOn(serverUrl: string, title: string): Promise<{ id: string; links: Record<'facilitator' | 'participant' | 'viewer', string> }> {
  const response = await fetch(`${serverUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (response.status !== 201) throw new Error(`create board: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; links: Record<'facilitator' | 'participant' | 'viewer', string> };
}
