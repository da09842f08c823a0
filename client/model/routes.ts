export type Route = { name: 'home' } | { name: 'board'; boardId: string } | { name: 'unknown' };

/** Pathname → page. Board ids are opaque to the client; the server decides whether one exists. */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  const match = /^\/b\/([^/]+)\/?$/.exec(pathname);
  if (match) {
    try {
      return { name: 'board', boardId: decodeURIComponent(match[1]) };
    } catch {
      return { name: 'unknown' };
    }
  }
  return { name: 'unknown' };
}

export const boardPath = (boardId: string) => `/b/${encodeURIComponent(boardId)}`;
