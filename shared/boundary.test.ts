import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { boundaryViolations, importSpecifiers } from './test/importBoundary.ts';

const sharedDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(sharedDir);

/** Every non-test .ts file under shared/, test helpers included. */
function sharedSourceFiles(dir = sharedDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sharedSourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('shared/ boundary', () => {
  it('does find the shared sources it is meant to guard', () => {
    const files = sharedSourceFiles().map((file) => path.relative(sharedDir, file));
    expect(files).toEqual(expect.arrayContaining(['docSchema.ts', 'boardWrites.ts', 'docVersion.ts', path.join('records', 'person.ts')]));
    expect(files.some((file) => file.endsWith('.test.ts'))).toBe(false);
  });

  it('does keep every shared source free of framework imports and of client/ and server/', () => {
    const violations = sharedSourceFiles().flatMap((file) =>
      boundaryViolations(readFileSync(file, 'utf8'), file, repoRoot).map((v) => `${path.relative(repoRoot, file)}: ${v}`),
    );
    expect(violations).toEqual([]);
  });
});

describe('the boundary scanner', () => {
  const file = path.join(repoRoot, 'shared', 'records', 'sample.ts');
  const check = (source: string) => boundaryViolations(source, file, repoRoot);

  it.each([
    ["import React from 'react';"],
    ['import { useState } from "react";'],
    ["import { jsx } from 'react/jsx-runtime';"],
    ["import type { FC } from 'react';"],
    ["import { Stage } from 'react-konva';"],
    ["import Konva from 'konva';"],
    ["import Fastify from 'fastify';"],
    ["import websocket from '@fastify/websocket';"],
    ["import { Server } from '@hocuspocus/server';"],
    ["import { HocuspocusProvider } from '@hocuspocus/provider';"],
    ["import { Low } from 'lowdb';"],
    ["import { JSONFile } from 'lowdb/node';"],
    ["import { WebSocket } from 'ws';"],
    ["import 'react';"],
    ["export { useBoard } from '../../client/hooks/useBoard.ts';"],
    ["import { buildApp } from '../../server/app.ts';"],
    ["const m = await import('fastify');"],
    ["const ws = require('ws');"],
    ["import {\n  Stage,\n  Layer,\n} from 'react-konva';"],
  ])('does flag %j', (source) => {
    expect(check(source)).toHaveLength(1);
  });

  it.each([
    ["import * as Y from 'yjs';"],
    ["import { Type, type Static } from '@sinclair/typebox';"],
    ["import { Value } from '@sinclair/typebox/value';"],
    ["import { idSchema } from './common.ts';"],
    ["import { isId } from '../ids.ts';"],
    ["import { reactive } from 'reactivity';"],
    ["import wsx from 'wsx';"],
    ["// import React from 'react';"],
    ["/* import Konva from 'konva'; */"],
    ["const label = 'react'; const from = 'fastify';"],
  ])('does allow %j', (source) => {
    expect(check(source)).toEqual([]);
  });

  it('does list every specifier of a realistic file', () => {
    const source = [
      "import * as Y from 'yjs';",
      "import type { TSchema } from '@sinclair/typebox';",
      "export * from './ids.ts';",
      "export { personSchema, type Person } from './records/person.ts';",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['yjs', '@sinclair/typebox', './ids.ts', './records/person.ts']);
  });
});
