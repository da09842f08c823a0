import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import { buildApp } from '../app.ts';
import { defaultConfig, type AppConfig } from '../config.ts';
import type { Role } from '../../shared/session.ts';
import type { TestClient } from './collabClient.ts';
import type { RawCollabClient } from './rawCollab.ts';

type BuildOptions = NonNullable<Parameters<typeof buildApp>[1]>;

export async function makeDataDir() {
  return mkdtemp(path.join(tmpdir(), 'iedereen-test-'));
}

export const removeDataDir = (dir: string) => rm(dir, { recursive: true, force: true });

export function testConfig(dataDir: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...defaultConfig(), dataDir, clientDir: null, logger: false, port: 0, ...overrides };
}

/** The real app on a random loopback port, quiet, for socket tests. */
export async function startServer(dataDir: string, overrides: Partial<AppConfig> = {}, options: BuildOptions = {}): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp(testConfig(dataDir, overrides), options);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
}

/** A board made through the API, with the tokens of its three links. */
export interface TestBoard {
  id: string;
  tokens: Record<Role, string>;
}

export const tokenOf = (link: string) => new URL(link).hash.replace(/^#t=/, '');

export function boardFromResponse(body: { id: string; links: Record<Role, string> }): TestBoard {
  return { id: body.id, tokens: { facilitator: tokenOf(body.links.facilitator), participant: tokenOf(body.links.participant), viewer: tokenOf(body.links.viewer) } };
}

export async function createBoard(app: FastifyInstance, title = 'Testbord', headers: Record<string, string> = {}): Promise<TestBoard> {
  const response = await app.inject({ method: 'POST', url: '/api/boards', payload: { title }, headers });
  if (response.statusCode !== 201) throw new Error(`board not created: ${response.statusCode} ${response.body}`);
  return boardFromResponse(response.json());
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * One listening app per test, in a fresh data folder, for the tests of the file that calls
 * this (as hocuspocus's tests/utils/newHocuspocus.ts): before each test the app starts with
 * `overrides` (`start: false` leaves that to the test); after it, every client the test
 * registered is closed, then the app, then the folder is removed.
 */
export function useLiveServer(overrides: Partial<AppConfig> & { start?: boolean } = {}) {
  const { start: startEach = true, ...config } = overrides;
  let running: { app: FastifyInstance; url: string } | null = null;
  const live = {
    dataDir: '',
    /** Providers and hand-made clients to close after the test. */
    clients: [] as TestClient[],
    raws: [] as RawCollabClient[],
    get app(): FastifyInstance {
      if (!running) throw new Error('the test server is not running');
      return running.app;
    },
    get url(): string {
      if (!running) throw new Error('the test server is not running');
      return running.url;
    },
    /** Starts the app on this test's data folder (again, after stop: a restart), e.g. with other limits. */
    async start(more: Partial<AppConfig> = {}, options: BuildOptions = {}) {
      if (running) await live.stop();
      running = await startServer(live.dataDir, { ...config, ...more }, options);
    },
    /** Closes the app as a shutdown would (pending stores are written), leaving the data folder. */
    async stop() {
      const closing = running;
      running = null;
      await closing?.app.close();
    },
  };
  beforeEach(async () => {
    live.dataDir = await makeDataDir();
    if (startEach) await live.start();
  });
  afterEach(async () => {
    for (const client of live.clients.splice(0)) client.destroy();
    for (const raw of live.raws.splice(0)) raw.close();
    await live.stop();
    await removeDataDir(live.dataDir);
  });
  return live;
}

/**
 * A new board on the live server before each test. The returned object is refilled in place,
 * never replaced, so a test file can keep it in a `const` and read `board.id` anywhere.
 */
export function useBoardEachTest(live: ReturnType<typeof useLiveServer>, title: string): TestBoard {
  const board: TestBoard = { id: '', tokens: { facilitator: '', participant: '', viewer: '' } };
  beforeEach(async () => {
    Object.assign(board, await createBoard(live.app, title));
  });
  return board;
}
