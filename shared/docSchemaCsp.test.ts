import { expect, it } from 'vitest';
import * as Y from 'yjs';

// Its own file: the fallback is module state, and vitest gives each file fresh modules.
it('does read and check a board where a Content-Security-Policy forbids eval (the served app)', async () => {
  const original = globalThis.Function;
  (globalThis as { Function: unknown }).Function = function refused() {
    throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not an allowed source of script");
  };
  try {
    const { readBoard } = await import('./docSchema.ts');
    const doc = new Y.Doc();
    doc.getMap('people').set('p1', { name: 'Fatima', kind: 'professional-team', createdAt: 1 });
    doc.getMap('people').set('p2', { name: 5, kind: 'student', createdAt: 1 });
    const board = readBoard(doc);
    expect(board.people.map((p) => p.name)).toEqual(['Fatima']);
    expect(board.problems).toEqual([expect.objectContaining({ key: 'p2', path: '/name' })]);
  } finally {
    (globalThis as { Function: unknown }).Function = original;
  }
});
