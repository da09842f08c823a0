/**
 * The rule "shared/ has no framework inside", as a pure function over source text, so it can
 * be unit-tested on samples as well as run over the real files (see shared/boundary.test.ts).
 * yjs and @sinclair/typebox are allowed; UI, server and storage frameworks are not, nor any
 * relative path into client/ or server/.
 */
import * as path from 'node:path';

/** Packages shared/ must not import (exact name, or any subpath such as `react/jsx-runtime`). */
export const FORBIDDEN_PACKAGES = ['react', 'react-dom', 'react-konva', 'react-i18next', 'konva', 'fastify', 'fastify-plugin', 'lowdb', 'ws'];
/** Scopes shared/ must not import from. */
export const FORBIDDEN_SCOPES = ['@fastify/', '@hocuspocus/'];
/** Top-level folders of the repository that shared/ must not reach into. */
export const FORBIDDEN_FOLDERS = ['client', 'server'];

/** Every module specifier a TypeScript source imports or re-exports, statically or dynamically. */
export function importSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g, // import x from 'm'; export { y } from 'm'
    /\bimport\s*['"]([^'"]+)['"]/g, // import 'm'
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // import('m')
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // require('m')
  ];
  const found: string[] = [];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1]);
  return found;
}

/**
 * The imports in `source` (the file at `filePath`) that break the boundary, each with the reason.
 * `repoRoot` locates client/ and server/ for relative imports.
 */
export function boundaryViolations(source: string, filePath: string, repoRoot: string): string[] {
  const violations: string[] = [];
  for (const specifier of importSpecifiers(source)) {
    if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
      const target = path.relative(repoRoot, path.resolve(path.dirname(filePath), specifier));
      const top = target.split(path.sep)[0];
      if (FORBIDDEN_FOLDERS.includes(top)) violations.push(`${specifier}: reaches into ${top}/`);
      continue;
    }
    const bare = specifier.replace(/^node:/, '');
    if (FORBIDDEN_PACKAGES.some((name) => bare === name || bare.startsWith(`${name}/`))) violations.push(`${specifier}: framework package`);
    else if (FORBIDDEN_SCOPES.some((scope) => bare.startsWith(scope))) violations.push(`${specifier}: framework package`);
  }
  return violations;
}
