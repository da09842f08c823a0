import * as Y from 'yjs';
import { addPerson, addSkill, initBoard } from '../../shared/boardWrites.ts';
import { checked, write } from '../../shared/recordWrites.ts';
import { recordMap } from '../../shared/docSchema.ts';
import { newId } from '../../shared/ids.ts';
import type { PersonKind, StudentLevel } from '../../shared/records/person.ts';
import { SKILL_CATEGORIES } from '../../shared/records/skill.ts';
import { SKILL_LEVELS } from '../../shared/records/skillLink.ts';

/** Deterministic pseudo-random numbers, so every run builds the same kind of board. */
export function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x1_0000_0000;
  };
}

const FIRST = ['Fatima', 'Joost', 'Anouk', 'Henk', 'Marieke', 'Sanne', 'Ingrid', 'Daan', 'Noor', 'Bram', 'Lotte', 'Youssef', 'Eva', 'Ruben', 'Sophie', 'Thijs'];
const LAST = ['El Amrani', 'de Boer', 'Visser', 'Jansen', 'Bakker', 'de Vries', 'Smit', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Dijk', 'Yilmaz', 'Kok', 'Dekker'];
const TOPICS = ['wondzorg', 'medicatie', 'tilliften', 'palliatieve zorg', 'sondevoeding', 'katheteriseren', 'dementie', 'valpreventie', 'insuline', 'stomazorg', 'injecteren', 'decubitus', 'overdracht', 'familiegesprek'];
const KINDS: PersonKind[] = ['professional-team', 'professional-team', 'professional-team', 'student', 'professional-other', 'teacher', 'content-expert', 'learning-monitor'];
const LEVELS: StudentLevel[] = ['mbo3', 'mbo4', 'hbo6'];

export interface CardBoard {
  /** Y.encodeStateAsUpdate of a doc holding only the cards (people, skills, positions) — no meta. */
  cards: Uint8Array;
  /** Meta (initBoard) + cards: the whole board for servers that do not create boards themselves. */
  full: Uint8Array;
  /** Card ids in creation order: people first, then skills. */
  cardIds: string[];
  people: string[];
  skills: string[];
}

/**
 * A board of `count` cards made with the app's own write helpers (addPerson, addSkill,
 * with a position each): half people, half skills, laid out on a grid as the client
 * would place them. Built in one transaction, so it travels as one update.
 */
export function buildCardBoard(count: number, seed = 42): CardBoard {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const doc = new Y.Doc();
  const people: string[] = [];
  const skills: string[] = [];
  const columns = Math.ceil(Math.sqrt(count));
  const now = Date.UTC(2025, 2, 3, 9, 0);
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const at = { x: (i % columns) * 300, y: Math.floor(i / columns) * 160 };
      if (i < Math.ceil(count / 2)) {
        const kind = pick(KINDS);
        people.push(
          addPerson(
            doc,
            { name: `${pick(FIRST)} ${pick(LAST)} ${i}`, kind, ...(kind === 'student' ? { student: { year: 1 + (i % 4), level: pick(LEVELS) } } : {}) },
            at,
            now,
          ),
        );
      } else {
        skills.push(addSkill(doc, { label: `${pick(TOPICS)} ${i}`, category: pick(SKILL_CATEGORIES), reservedAct: random() < 0.15 }, at, now));
      }
    }
  });
  const cards = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const meta = new Y.Doc();
  initBoard(meta, { title: `Bench ${count}`, now });
  const full = Y.mergeUpdates([Y.encodeStateAsUpdate(meta), cards]);
  meta.destroy();
  return { cards, full, cardIds: [...people, ...skills], people, skills };
}

/**
 * The index scenario's board: `peopleCount` people, `skillCount` skills and `linkCount`
 * skill links, in a plain in-memory doc. People and skills go through addPerson/addSkill.
 * Links are checked against the link schema (`checked`) and written in one transaction:
 * linkSkill scans every existing link for a duplicate, which makes 20,000 single calls
 * quadratic (that is the helper's business for one user click, not the bench's).
 */
export function buildIndexBoard(peopleCount: number, skillCount: number, linkCount: number, seed = 7) {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Index bench' });
  const people: string[] = [];
  const skills: string[] = [];
  const links: string[] = [];
  const now = Date.UTC(2025, 2, 3, 9, 0);
  doc.transact(() => {
    for (let i = 0; i < peopleCount; i++) {
      const kind = pick(KINDS);
      people.push(addPerson(doc, { name: `${pick(FIRST)} ${pick(LAST)} ${i}`, kind, ...(kind === 'student' ? { student: { year: 1 + (i % 4), level: pick(LEVELS) } } : {}) }, undefined, now));
    }
    for (let i = 0; i < skillCount; i++) {
      skills.push(addSkill(doc, { label: `${pick(TOPICS)} ${i}`, category: pick(SKILL_CATEGORIES), reservedAct: random() < 0.15 }, undefined, now));
    }
    const seen = new Set<string>();
    const map = recordMap(doc, 'skillLinks');
    write(doc, () => {
      while (links.length < linkCount) {
        const personId = pick(people);
        const skillId = pick(skills);
        const nomination = random() < 0.2;
        const key = `${personId} ${skillId} ${nomination}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const nominatedBy = nomination ? pick(people) : undefined;
        const record =
          nomination && nominatedBy !== personId
            ? { personId, skillId, source: 'nomination' as const, nominatedBy, response: pick(['pending', 'accepted', 'declined'] as const), createdAt: now, createdBy: nominatedBy }
            : { personId, skillId, source: 'self' as const, level: pick(SKILL_LEVELS), createdAt: now };
        const id = newId();
        map.set(id, checked('skillLinks', record));
        links.push(id);
      }
    });
  });
  return { doc, people, skills, links };
}

/** Where the n-th jitter move puts a card: within ±60 of its home, deterministic (so the orchestrator knows the last one). */
export function jitterPosition(base: { x: number; y: number }, n: number) {
  return { x: base.x + ((n * 37) % 121) - 60, y: base.y + ((n * 53) % 121) - 60 };
}
