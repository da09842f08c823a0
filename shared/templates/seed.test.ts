import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../docSchema.ts';
import { SKILL_CATEGORIES } from '../records/skill.ts';
import { CARE_TEAM_SKILLS } from './careTeam.ts';
import { seedTemplate } from './seed.ts';

describe('the care-team starter set', () => {
  it('does cover all seven CanMEDS roles with 25 to 40 valid skills, reserved acts flagged', () => {
    const doc = new Y.Doc();
    seedTemplate(doc, 'care-team');
    const board = readBoard(doc);
    expect(board.problems).toEqual([]);
    expect(board.skills.length).toBeGreaterThanOrEqual(25);
    expect(board.skills.length).toBeLessThanOrEqual(40);
    const categories = new Set(board.skills.map((s) => s.category));
    expect(SKILL_CATEGORIES.filter((c) => c !== 'other').every((c) => categories.has(c))).toBe(true);
    const reserved = board.skills.filter((s) => s.reservedAct).map((s) => s.label).sort();
    expect(reserved).toEqual(['injecteren (s.c./i.m.)', 'katheteriseren', 'sondevoeding inbrengen', 'venapunctie']);
    expect(board.skills.every((s) => board.positions.has(s.id))).toBe(true);
  });

  it('has a unique key and an English label for every skill', () => {
    expect(new Set(CARE_TEAM_SKILLS.map((s) => s.key)).size).toBe(CARE_TEAM_SKILLS.length);
    expect(CARE_TEAM_SKILLS.every((s) => s.en.trim() && s.nl.trim())).toBe(true);
  });

  it('does nothing for an empty board', () => {
    const doc = new Y.Doc();
    seedTemplate(doc, 'empty');
    expect(readBoard(doc).skills).toEqual([]);
  });

  it('places no two skills on the same spot', () => {
    const doc = new Y.Doc();
    seedTemplate(doc, 'care-team');
    const spots = [...readBoard(doc).positions.values()].map((p) => `${p.x},${p.y}`);
    expect(new Set(spots).size).toBe(spots.length);
  });
});
