import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { defaultConfig, type AppConfig } from '../config.ts';
import type { Role } from '../../shared/session.ts';

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
