/** The REST side of the server contract (see server/routes). */
import type { Role, SessionCommand, SessionState } from '../../shared/session.ts';
import { snapshotEncodingOf, type BoardSnapshot } from '../../shared/boardSnapshot.ts';

export interface BoardSummary {
  id: string;
  title: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** From a 429's Retry-After header: seconds to wait before asking again. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const BOARD_NOT_FOUND = 'BOARD_NOT_FOUND';
export const TOKEN_MISSING = 'TOKEN_MISSING';
/** The board's file on the server is damaged (503): an operator must restore its last good copy. */
export const BOARD_DAMAGED = 'BOARD_DAMAGED';
/** Too many requests (429): wait Retry-After seconds. */
export const RATE_LIMITED = 'RATE_LIMITED';
/** Only the server's own code says damaged: a bare 503 (a proxy, a restart) is a busy server, to be tried again. */
export const isBoardDamaged = (error: unknown) => error instanceof ApiError && error.code === BOARD_DAMAGED;
/** Worth asking again shortly: too many requests, or a server that is (briefly) unavailable. */
export const isBusy = (error: unknown): error is ApiError =>
  error instanceof ApiError && !isBoardDamaged(error) && (error.status === 429 || error.code === RATE_LIMITED || error.status === 503);
/** A link that does not (or no longer) work: the person needs a new one from the facilitator. */
export const isDeadLink = (error: unknown) =>
  error instanceof ApiError && (error.code === 'TOKEN_INVALID' || error.code === 'LINK_REVOKED' || (error.status === 401 && error.code !== TOKEN_MISSING));

/** An answer as it came, before it is judged: so a request started early (see boot/earlyBoard.ts) can be judged later, and more than once. */
export interface RawAnswer {
  status: number;
  statusText: string;
  body: unknown;
  /** Seconds from a Retry-After header (429, 503), when it gave a number. */
  retryAfter?: number;
}

/** Retry-After as seconds: a number of seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

export async function fetchAnswer(path: string, init?: RequestInit & { token?: string | null }): Promise<RawAnswer> {
  const { token, ...rest } = init ?? {};
  const response = await fetch(path, {
    ...rest,
    headers: {
      accept: 'application/json',
      ...(rest.body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...rest.headers,
    },
  });
  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => null);
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  return { status: response.status, statusText: response.statusText, body, ...(retryAfter !== undefined ? { retryAfter } : {}) };
}

/** The body of a good answer; an ApiError with the server's code for anything else. */
export function judgeAnswer<T>({ status, statusText, body, retryAfter }: RawAnswer): T {
  if (status < 200 || status > 299) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(status, error?.code ?? `HTTP_${status}`, error?.message ?? statusText, retryAfter ?? null);
  }
  return body as T;
}

async function request<T>(path: string, init?: RequestInit & { token?: string | null }): Promise<T> {
  return judgeAnswer<T>(await fetchAnswer(path, init));
}

const isSummary = (value: unknown): value is BoardSummary => {
  const v = value as BoardSummary | null;
  return !!v && typeof v.id === 'string' && typeof v.title === 'string' && typeof v.updatedAt === 'number';
};

export async function listBoards(signal?: AbortSignal): Promise<BoardSummary[]> {
  const body = await request<{ boards?: unknown }>('/api/boards', { signal });
  // Tolerant like readBoard: one odd entry must not hide the whole list.
  return Array.isArray(body.boards) ? body.boards.filter(isSummary) : [];
}

/** Starting content the server can seed a new board with (see shared/templates). */
export type BoardTemplate = 'empty' | 'care-team';

export type BoardLinks = Record<Role, string>;
export interface CreatedBoard extends BoardSummary {
  links: BoardLinks;
}

export function createBoard(title: string, template: BoardTemplate = 'empty'): Promise<CreatedBoard> {
  const trimmed = title.trim();
  const body = { ...(trimmed ? { title: trimmed } : {}), ...(template !== 'empty' ? { template } : {}) };
  return request<CreatedBoard>('/api/boards', { method: 'POST', body: JSON.stringify(body) });
}

export const boardApiPath = (id: string) => `/api/boards/${encodeURIComponent(id)}`;

/** Whether the board exists and what this link may do; `early`: the same request, already started. */
export async function getBoard(id: string, token: string | null, signal?: AbortSignal, early?: Promise<RawAnswer>): Promise<BoardSummary & { role: Role }> {
  if (early) return judgeAnswer(await early);
  return request<BoardSummary & { role: Role }>(boardApiPath(id), { signal, token });
}

/**
 * The whole board as one Yjs update (GET /api/boards/:id/state), or null when there is
 * none to be had this way (no access, a board that needs migrating first, an unknown
 * answer, no network): the socket's sync then brings the board as before.
 */
export async function getBoardSnapshot(id: string, token: string | null, signal?: AbortSignal): Promise<BoardSnapshot | null> {
  try {
    const response = await fetch(`${boardApiPath(id)}/state`, { signal, headers: token ? { authorization: `Bearer ${token}` } : {} });
    const encoding = response.ok ? snapshotEncodingOf(response.headers.get('content-type')) : null;
    if (!encoding) return null;
    return { encoding, update: new Uint8Array(await response.arrayBuffer()) };
  } catch {
    return null;
  }
}

/** Facilitator: a new link for `role`; the old one stops working at once. */
export function rotateLink(id: string, role: Role, token: string): Promise<{ role: Role; link: string }> {
  return request(`${boardApiPath(id)}/links/${role}`, { method: 'POST', token });
}

/** Facilitator: the link for `role` stops working (not for the facilitator link). */
export function revokeLink(id: string, role: Exclude<Role, 'facilitator'>, token: string): Promise<void> {
  return request(`${boardApiPath(id)}/links/${role}`, { method: 'DELETE', token });
}

/** Facilitator: lock, timer, bring everyone. */
export function sendSessionCommand(id: string, command: SessionCommand, token: string): Promise<{ session: SessionState; serverNow: number }> {
  return request(`${boardApiPath(id)}/session`, { method: 'POST', token, body: JSON.stringify(command) });
}
