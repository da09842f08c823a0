import * as Y from 'yjs';
import { recordMap, type Board } from './docSchema.ts';
import { newId } from './ids.ts';
import { BoardValidationError, checked, existing, objectEntries, write } from './recordWrites.ts';
import type { PersonKind } from './records/person.ts';

/** Why these people cannot become a pair, as the path and message of the refusal; null when they can. */
function pairRefusal(
  studentIds: readonly string[],
  kindOf: (personId: string) => PersonKind | undefined,
  pairs: Iterable<{ studentIds?: readonly string[] }>,
): { path: string; message: string } | null {
  if (studentIds.length !== 2) return { path: '/studentIds', message: 'a pair is two students' };
  const [a, b] = studentIds;
  if (a === b) return { path: '/studentIds', message: 'a student cannot be paired with themself' };
  for (const [i, id] of studentIds.entries()) {
    if (kindOf(id) !== 'student') return { path: `/studentIds/${i}`, message: 'only students can be paired' };
  }
  for (const pair of pairs) {
    if (Array.isArray(pair.studentIds) && pair.studentIds.includes(a) && pair.studentIds.includes(b)) {
      return { path: '/studentIds', message: 'these students are already a pair' };
    }
  }
  return null;
}

/** Whether pairStudents would pair these people: two different students who are not a pair yet (in either order). */
export function canPair(board: Pick<Board, 'people' | 'pairs'>, studentIds: readonly string[]): boolean {
  return pairRefusal(studentIds, (id) => board.people.find((p) => p.id === id)?.kind, board.pairs) === null;
}

export function pairStudents(doc: Y.Doc, studentIds: [string, string], actorId?: string, now = Date.now()): string {
  const kinds = new Map(studentIds.map((id) => [id, existing(doc, 'people', id).kind]));
  const refusal = pairRefusal(studentIds, (id) => kinds.get(id), [...objectEntries(doc, 'pairs')].map(([, pair]) => pair));
  if (refusal) throw new BoardValidationError('pairs', refusal.path, refusal.message);
  const pair = checked('pairs', { studentIds, createdAt: now, ...(actorId ? { createdBy: actorId } : {}) });
  const id = newId();
  write(doc, () => recordMap(doc, 'pairs').set(id, pair));
  return id;
}

export function unpairStudents(doc: Y.Doc, pairId: string) {
  existing(doc, 'pairs', pairId);
  write(doc, () => recordMap(doc, 'pairs').delete(pairId));
}
