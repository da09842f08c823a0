import { describe, expect, it } from 'vitest';
import { forgetBoard, knownBoard, knownBoards, parseBoardLink, rememberBoard, tokenFor, tokenFromHash } from './boardAccess.ts';

const memory = () => {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
};

describe('board links', () => {
  it('reads the token from a fragment', () => {
    expect(tokenFromHash('#t=abc')).toBe('abc');
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#x=1')).toBeNull();
  });
  it('parses a full board link', () => {
    expect(parseBoardLink('http://h:1/b/abc123#t=tok')).toEqual({ id: 'abc123', token: 'tok' });
    expect(parseBoardLink('http://h:1/b/abc123')).toBeNull();
    expect(parseBoardLink('http://h:1/other#t=tok')).toBeNull();
  });
});

describe('known boards', () => {
  it('remembers a token per board, and only boards with a token are listed', () => {
    const storage = memory();
    rememberBoard(storage, 'a', { title: 'no token' });
    expect(knownBoards(storage)).toEqual([]);
    rememberBoard(storage, 'a', { token: 't1', role: 'facilitator', links: { participant: 'p' } }, 1);
    rememberBoard(storage, 'b', { token: 't2' }, 2);
    expect(tokenFor(storage, 'a')).toBe('t1');
    expect(knownBoards(storage).map((b) => b.id)).toEqual(['b', 'a']);
    expect(knownBoard(storage, 'a')?.links.participant).toBe('p');
  });
  it('forgets the role when another link (token) is opened, keeps it otherwise', () => {
    const storage = memory();
    rememberBoard(storage, 'a', { token: 't1', role: 'facilitator' });
    rememberBoard(storage, 'a', { title: 'x' });
    expect(knownBoard(storage, 'a')?.role).toBe('facilitator');
    rememberBoard(storage, 'a', { token: 't2' });
    expect(knownBoard(storage, 'a')?.role).toBeNull();
    forgetBoard(storage, 'a');
    expect(knownBoard(storage, 'a')).toBeNull();
  });
  it('survives broken storage contents', () => {
    const storage = memory();
    storage.setItem('iedereen:boards', '{not json');
    expect(knownBoards(storage)).toEqual([]);
  });
});
