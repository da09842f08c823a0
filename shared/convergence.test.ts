import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPerson, moveCards, removeCards, updatePerson } from './boardWrites.ts';
import { linkSkill } from './skillLinks.ts';
import { readBoard, recordMap, type Board } from './docSchema.ts';
import { NOW, createBoard, createLink, createPerson, createQuestion, createSkill, createStudent, createTeam, type TeamSpec } from './test/factory.ts';
import { TestNetwork, seededRandom } from './test/testNetwork.ts';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/** A network whose peers all start from the same initialised board. */
function networkWithBoard(peerCount: number, seed: number) {
  const net = new TestNetwork(peerCount, seed);
  Y.applyUpdate(net.peers[0], Y.encodeStateAsUpdate(createBoard()));
  net.flush();
  return net;
}

/** Two peers that both start from a board with `team` on it (written on the first peer, then delivered). */
function twoPeersWith<const T extends TeamSpec>(seed: number, team: T) {
  const net = networkWithBoard(2, seed);
  const [a, b] = net.peers;
  const ids = createTeam(team, a);
  net.flush();
  return { ...ids, net, a, b };
}

/** Delivers everything still buffered, then checks every peer holds the same document and reads the same board. */
function converge(net: TestNetwork): Board {
  net.flush();
  expect(net.pending).toBe(0);
  const [first, ...others] = net.peers;
  const board = readBoard(first);
  for (const peer of others) {
    expect(peer.store.pendingStructs).toBeNull();
    expect(peer.store.pendingDs).toBeNull();
    expect(Y.encodeStateVector(peer)).toEqual(Y.encodeStateVector(first));
    expect(readBoard(peer)).toEqual(board);
  }
  return board;
}

describe('When two colleagues edit the same board at the same time', () => {
  it.each(SEEDS)('does keep a rename made while another peer moves the card (seed %i)', (seed) => {
    const net = networkWithBoard(2, seed);
    const [a, b] = net.peers;
    const fatima = createPerson(a, { name: 'Fatima', at: { x: 0, y: 0 } });
    net.flush();

    updatePerson(a, fatima, { name: 'Fatima El Amrani' });
    moveCards(b, [{ id: fatima, x: 120, y: 80 }]);
    moveCards(b, [{ id: fatima, x: 140, y: 90 }]);
    const board = converge(net);

    expect(board.people.find((p) => p.id === fatima)?.name).toBe('Fatima El Amrani');
    expect(board.positions.get(fatima)).toEqual({ x: 140, y: 90 });
  });

  it.each(SEEDS)('does agree on a person deleted while another peer links a skill to them (seed %i)', (seed) => {
    const { net, a, b, fatima, wondzorg } = twoPeersWith(seed, { people: { fatima: 'Fatima El Amrani' }, skills: { wondzorg: 'wondzorg' } });

    removeCards(a, [fatima]);
    const link = createLink(b, fatima, wondzorg);
    const board = converge(net);

    expect(board.people).toEqual([]);
    expect(board.skills.map((s) => s.id)).toEqual([wondzorg]);
    expect(board.skillLinks).toEqual([]);
    expect(board.problems).toEqual([{ map: 'skillLinks', key: link, path: '/personId', message: expect.any(String) }]);
  });

  it.each(SEEDS)('does agree when both link the same skill to the same person (seed %i)', (seed) => {
    const { net, a, b, fatima, wondzorg } = twoPeersWith(seed, { people: { fatima: 'Fatima El Amrani' }, skills: { wondzorg: 'wondzorg' } });

    const fromA = linkSkill(a, { personId: fatima, skillId: wondzorg, level: 'can-do' }, NOW);
    const fromB = linkSkill(b, { personId: fatima, skillId: wondzorg, level: 'ask-me' }, NOW);
    const board = converge(net);

    const links = board.skillLinks.filter((l) => l.personId === fatima && l.skillId === wondzorg);
    expect(links.length).toBeGreaterThanOrEqual(1);
    expect(links.map((l) => l.id)).toEqual(expect.arrayContaining([...new Set([fromA, fromB])]));
  });

  it.each(SEEDS)('does keep both edits when each peer edits a different person (seed %i)', (seed) => {
    const net = networkWithBoard(3, seed);
    const [a, b, c] = net.peers;
    const fatima = createPerson(a, { name: 'Fatima' });
    const sanne = createStudent(a, { name: 'Sanne' });
    net.flush();

    updatePerson(a, fatima, { name: 'Fatima El Amrani', colour: '#118844' });
    updatePerson(b, sanne, { name: 'Sanne de Vries', student: { year: 3, level: 'hbo6' } });
    const joost = addPerson(c, { name: 'Joost de Boer', kind: 'professional-other' }, { x: 5, y: 5 }, NOW);
    const board = converge(net);

    expect(board.people.find((p) => p.id === fatima)).toMatchObject({ name: 'Fatima El Amrani', colour: '#118844' });
    expect(board.people.find((p) => p.id === sanne)).toMatchObject({ name: 'Sanne de Vries', student: { year: 3, level: 'hbo6' } });
    expect(board.people.find((p) => p.id === joost)).toMatchObject({ name: 'Joost de Boer' });
  });

  it.each(SEEDS)('does keep a question whose skill was removed concurrently, without the tag (seed %i)', (seed) => {
    const { net, a, b, sanne, wondzorg, mondzorg } = twoPeersWith(seed, { students: { sanne: 'Sanne de Vries' }, skills: { wondzorg: 'wondzorg', mondzorg: 'mondzorg' } });

    removeCards(a, [wondzorg]);
    const question = createQuestion(b, sanne, { skillIds: [wondzorg, mondzorg] });
    const board = converge(net);

    expect(board.questions.map((q) => [q.id, q.skillIds])).toEqual([[question, [mondzorg]]]);
  });

  it.each(SEEDS)('does agree on a person deleted while another peer moves them (seed %i)', (seed) => {
    const net = networkWithBoard(2, seed);
    const [a, b] = net.peers;
    const fatima = createPerson(a, { at: { x: 0, y: 0 } });
    net.flush();

    removeCards(a, [fatima]);
    moveCards(b, [{ id: fatima, x: 300, y: 300 }]);
    const board = converge(net);

    expect(board.people).toEqual([]);
    // The name is gone everywhere; a stray position carries no content.
    for (const peer of net.peers) expect(recordMap(peer, 'people').size).toBe(0);
  });

  it.each(SEEDS)('does converge after many random edits on three peers with random partial delivery (seed %i)', (seed) => {
    const net = networkWithBoard(3, seed);
    const random = seededRandom(seed * 7919);
    const pick = <T,>(items: readonly T[]): T | undefined => (items.length ? items[Math.floor(random() * items.length)] : undefined);
    const names = ['Fatima', 'Joost', 'Anouk', 'Henk', 'Marieke', 'Ingrid', 'Daan'];

    for (let step = 0; step < 120; step++) {
      const peer = pick(net.peers)!;
      const view = readBoard(peer);
      const person = pick(view.people);
      const student = pick(view.people.filter((p) => p.kind === 'student'));
      const skill = pick(view.skills);
      switch (Math.floor(random() * 8)) {
        case 0:
          createPerson(peer, { name: pick(names), at: { x: Math.floor(random() * 500), y: Math.floor(random() * 500) } });
          break;
        case 1:
          createStudent(peer, { name: pick(names) });
          break;
        case 2:
          createSkill(peer, { label: pick(['wondzorg', 'mondzorg', 'valpreventie', 'SBAR-overdracht']) });
          break;
        case 3:
          if (person && skill) linkSkill(peer, { personId: person.id, skillId: skill.id, actorId: pick(view.people)?.id }, NOW);
          break;
        case 4:
          if (person) updatePerson(peer, person.id, { name: `${pick(names)} ${step}` });
          break;
        case 5:
          if (person) moveCards(peer, [{ id: person.id, x: random() * 1000, y: random() * 1000 }]);
          break;
        case 6:
          if (student) createQuestion(peer, student.id, { skillIds: skill ? [skill.id] : [] });
          break;
        case 7: {
          const card = pick([...view.people, ...view.skills]);
          if (card && random() < 0.5) removeCards(peer, [card.id]);
          break;
        }
      }
      // Deliver only some of what is buffered, so edits keep overlapping.
      for (let i = Math.floor(random() * 4); i > 0; i--) net.deliverOne();
    }
    const board = converge(net);
    expect(board.people.length + board.skills.length).toBeGreaterThan(0);
  });
});
