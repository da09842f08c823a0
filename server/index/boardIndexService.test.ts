import type { Hocuspocus } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { moveCards, updatePerson } from '../../shared/boardWrites.ts';
import { linkSkill } from '../../shared/skillLinks.ts';
import { RECORD_MAP_NAMES, recordMap } from '../../shared/docSchema.ts';
import { createBoard, createPerson, createSkill } from '../../shared/test/factory.ts';
import type { BoardStore } from '../store/boardStore.ts';
import { BoardIndexService } from './boardIndexService.ts';

const BOARD_ID = 'bigboard01';
/** Cards on the board: people and skills, half each. */
const CARDS = 5_000;

/** An open board of CARDS cards, served as Hocuspocus would hand it to the index service. */
function openBigBoard() {
  const doc = createBoard();
  const people: string[] = [];
  const skills: string[] = [];
  doc.transact(() => {
    for (let i = 0; i < CARDS / 2; i++) people.push(createPerson(doc, { name: `Collega ${i}`, at: { x: i, y: 0 } }));
    for (let i = 0; i < CARDS / 2; i++) skills.push(createSkill(doc, { label: `vaardigheid ${i}`, at: { x: i, y: 100 } }));
  });
  const hocuspocus = { documents: new Map([[BOARD_ID, doc]]) } as unknown as Hocuspocus;
  // An open board is never read from the store.
  const service = new BoardIndexService(hocuspocus, {} as BoardStore);
  return { doc, people, skills, service };
}

/** Counts the values read out of the board's record maps from now on: a whole-board read reads every one. */
function countValueReads(doc: Y.Doc): () => number {
  let reads = 0;
  for (const name of RECORD_MAP_NAMES) {
    const map = recordMap(doc, name) as Y.Map<unknown>;
    const get = map.get.bind(map);
    map.get = (key: string) => {
      reads++;
      return get(key);
    };
  }
  return () => reads;
}

const view = async (service: BoardIndexService) => (await service.view(BOARD_ID))!;

describe('BoardIndexService on an open board', () => {
  it('When a card moves, answers the next request without reading the rest of the board again', async () => {
    const { doc, people, service } = openBigBoard();
    await view(service);
    const reads = countValueReads(doc);
    moveCards(doc, [{ id: people[7], x: 500, y: 600 }]);
    const after = await view(service);
    expect(after.board.positions.get(people[7])).toEqual({ x: 500, y: 600 });
    // The moved card's position, not the 5,000 cards and their positions a fresh readBoard reads.
    expect(reads()).toBeLessThanOrEqual(2);
  });

  it('When a person is renamed, shows the new name and re-checks no other card', async () => {
    const { doc, people, service } = openBigBoard();
    const before = await view(service);
    updatePerson(doc, people[3], { name: 'Fatima El Amrani' });
    const after = await view(service);
    expect(after.board.people.find((p) => p.id === people[3])?.name).toBe('Fatima El Amrani');
    // Records that did not change come back as the very objects of the earlier answer: they were not validated again.
    const unchanged = people.filter((id) => id !== people[3]);
    const earlier = new Map(before.board.people.map((p) => [p.id, p]));
    expect(after.board.people.filter((p) => p.id !== people[3]).every((p) => earlier.get(p.id) === p)).toBe(true);
    expect(after.board.people).toHaveLength(unchanged.length + 1);
    expect(after.board.skills).toBe(before.board.skills);
  });

  it('When someone claims a skill, the next answer lists them as its holder', async () => {
    const { doc, people, skills, service } = openBigBoard();
    await view(service);
    linkSkill(doc, { personId: people[11], skillId: skills[5], actorId: people[11], level: 'can-explain' });
    const after = await view(service);
    expect(after.index.bySkill.get(skills[5])?.map((holder) => holder.personId)).toEqual([people[11]]);
    expect(after.board.skillLinks.map((link) => link.personId)).toEqual([people[11]]);
  });
});
