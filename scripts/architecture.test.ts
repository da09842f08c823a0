import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FLOORS, hooksImportingComponents, importCycles, readImportGraph, upwardImports } from './importGraph.ts';

const repoRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Every TypeScript file of the client, server and shared/, tests included. */
function typeScriptFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'client', 'server', 'shared'], { cwd: repoRoot, encoding: 'utf8' });
  return listed.split('\n').filter((file) => /\.tsx?$/.test(file) && existsSync(path.join(repoRoot, file)));
}

/** The product's sources: tests and test helpers may reach anywhere. */
const isSource = (file: string) => !/\.test\.tsx?$/.test(file) && !file.includes('/test/');

describe('the import rules, on samples', () => {
  const sample = new Map([
    ['client/hooks/useThing.ts', ['client/components/Thing.tsx', 'client/model/thing.ts']],
    ['client/components/Thing.tsx', ['client/hooks/useThing.ts', 'client/board/actions.ts']],
    ['client/board/actions.ts', ['client/components/Thing.tsx']],
    ['client/model/thing.ts', ['shared/records/person.ts']],
  ]);

  it('finds an import that runs up a floor, and none that runs down', () => {
    expect(upwardImports(sample, FLOORS.client)).toEqual(['client/components/Thing.tsx -> client/board/actions.ts', 'client/hooks/useThing.ts -> client/components/Thing.tsx']);
  });

  it('finds a hook that imports a component', () => {
    expect(hooksImportingComponents(sample)).toEqual(['client/hooks/useThing.ts -> client/components/Thing.tsx']);
  });

  it('finds each cycle', () => {
    expect(importCycles(sample).sort()).toEqual([
      'client/board/actions.ts -> client/components/Thing.tsx -> client/board/actions.ts',
      'client/components/Thing.tsx -> client/hooks/useThing.ts -> client/components/Thing.tsx',
    ]);
  });
});

describe('the house, as built', () => {
  const all = typeScriptFiles();
  const files = all.filter(isSource);
  const graph = readImportGraph(repoRoot, files);

  it('reads the sources it is meant to guard', () => {
    expect(files).toEqual(expect.arrayContaining(['client/board/BoardWorkspace.tsx', 'server/collab/boardPersistence.ts', 'shared/docSchema.ts']));
  });

  it('has no client import that runs back up a floor, and no hook that imports a component', () => {
    expect(upwardImports(graph, FLOORS.client)).toEqual([]);
    expect(hooksImportingComponents(graph)).toEqual([]);
  });

  it('has no server import that runs back up a floor', () => {
    expect(upwardImports(graph, FLOORS.server)).toEqual([]);
  });

  it('has no import cycles', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('keeps only main.tsx and App.tsx at the client root', () => {
    expect(all.filter((file) => path.dirname(file) === 'client').sort()).toEqual(['client/App.tsx', 'client/main.tsx']);
  });
});
