import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { defaultConfig, type AppConfig } from '../config.ts';

export async function makeDataDir() {
  return mkdtemp(path.join(tmpdir(), 'iedereen-test-'));
}

export const removeDataDir = (dir: string) => rm(dir, { recursive: true, force: true });

export function testConfig(dataDir: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...defaultConfig(), dataDir, clientDir: null, logger: false, port: 0, ...overrides };
}

/** The real app on a random loopback port, quiet, for socket tests. */
export async function startServer(dataDir: string, overrides: Partial<AppConfig> = {}): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp(testConfig(dataDir, overrides));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
}

export async function createBoard(app: FastifyInstance, title = 'Testbord'): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/boards', payload: { title } });
  if (response.statusCode !== 201) throw new Error(`board not created: ${response.statusCode} ${response.body}`);
  return response.json().id;
}
