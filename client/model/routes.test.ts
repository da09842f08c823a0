import { describe, expect, it } from 'vitest';
import { boardPath, parseRoute } from './routes.ts';

describe('parseRoute', () => {
  it('does route / home', () => expect(parseRoute('/')).toEqual({ name: 'home' }));
  it('does route /b/<id> to the board', () => expect(parseRoute('/b/abc123')).toEqual({ name: 'board', boardId: 'abc123' }));
  it('does accept a trailing slash', () => expect(parseRoute('/b/abc123/')).toEqual({ name: 'board', boardId: 'abc123' }));
  it('does round-trip odd ids', () => expect(parseRoute(boardPath('a b/c'))).toEqual({ name: 'board', boardId: 'a b/c' }));
  it('does not route anything else', () => {
    expect(parseRoute('/b/')).toEqual({ name: 'unknown' });
    expect(parseRoute('/other')).toEqual({ name: 'unknown' });
    expect(parseRoute('/b/%E0%A4%A')).toEqual({ name: 'unknown' });
  });
});
