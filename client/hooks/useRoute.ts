import { useSyncExternalStore } from 'react';

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

const NAVIGATE_EVENT = 'iedereen:navigate';

export function navigate(path: string) {
  if (path === window.location.pathname + window.location.search) return;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** The current pathname; changes on pushState via navigate() and on back/forward. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}
