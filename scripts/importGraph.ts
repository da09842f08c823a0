/**
 * The house rules for imports, as pure functions over an import graph (file → the repository
 * files it imports), so they can be tested on samples as well as run over the real tree
 * (see architecture.test.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importSpecifiers } from '../shared/test/importBoundary.ts';

export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/**
 * The floors of each side, lowest first. A file may import from its own floor or a lower one,
 * never from a higher one; a file outside every floor is not checked. Paths are relative to
 * the repository root, with `/`.
 */
export const FLOORS: Record<'client' | 'server', readonly (readonly string[])[]> = {
  client: [
    ['shared/'],
    ['client/i18n/', 'client/model/', 'client/storage/', 'client/net/', 'client/boot/'],
    ['client/hooks/'],
    ['client/canvas/', 'client/components/'],
    ['client/board/'],
    ['client/pages/'],
    ['client/App.tsx', 'client/main.tsx'],
  ],
  server: [
    ['shared/'],
    ['server/config.ts', 'server/errors.ts'],
    ['server/store/', 'server/access/', 'server/index/'],
    ['server/collab/'],
    ['server/plugins/', 'server/routes/'],
    ['server/app.ts', 'server/deployment.ts'],
    ['server/index.ts'],
  ],
};

export function floorOf(file: string, floors: readonly (readonly string[])[]): number | null {
  const index = floors.findIndex((floor) => floor.some((prefix) => (prefix.endsWith('/') ? file.startsWith(prefix) : file === prefix)));
  return index === -1 ? null : index;
}

/** Every import that runs up a floor, as "from -> to". */
export function upwardImports(graph: ImportGraph, floors: readonly (readonly string[])[]): string[] {
  const found: string[] = [];
  for (const [file, targets] of graph) {
    const own = floorOf(file, floors);
    if (own === null) continue;
    for (const target of targets) {
      const theirs = floorOf(target, floors);
      if (theirs !== null && theirs > own) found.push(`${file} -> ${target}`);
    }
  }
  return found.sort();
}

/** A hook that imports a component (a .tsx file) couples state to a screen: "hook -> component". */
export function hooksImportingComponents(graph: ImportGraph): string[] {
  const found: string[] = [];
  for (const [file, targets] of graph) {
    if (!file.startsWith('client/hooks/')) continue;
    for (const target of targets) if (target.endsWith('.tsx')) found.push(`${file} -> ${target}`);
  }
  return found.sort();
}

/** Each import cycle once, as "a -> b -> a" (depth-first; a cycle is reported where it closes). */
export function importCycles(graph: ImportGraph): string[] {
  const visiting = new Set<string>();
  const done = new Set<string>();
  const stack: string[] = [];
  const cycles: string[] = [];
  const visit = (file: string) => {
    visiting.add(file);
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (visiting.has(target)) cycles.push([...stack.slice(stack.indexOf(target)), target].join(' -> '));
      else if (!done.has(target) && graph.has(target)) visit(target);
    }
    stack.pop();
    visiting.delete(file);
    done.add(file);
  };
  for (const file of [...graph.keys()].sort()) if (!done.has(file)) visit(file);
  return cycles;
}

/** The graph of `files` (relative to `repoRoot`): each file's relative imports, resolved. */
export function readImportGraph(repoRoot: string, files: readonly string[]): ImportGraph {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const source = readFileSync(path.join(repoRoot, file), 'utf8');
    const targets = importSpecifiers(source)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => path.relative(repoRoot, path.resolve(repoRoot, path.dirname(file), specifier)).split(path.sep).join('/'));
    graph.set(file, targets);
  }
  return graph;
}
