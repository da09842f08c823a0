/** The REST side of the server contract (see server/routes). */
import type { Role, SessionCommand, SessionState } from '../shared/session.ts';

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
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const BOARD_NOT_FOUND = 'BOARD_NOT_FOUND';
export const TOKEN_MISSING = 'TOKEN_MISSING';
/** A link that does not (or no longer) work: the person needs a new one from the facilitator. */
export const isDeadLink = (error: unknown) =>
  error instanceof ApiError && (error.code === 'TOKEN_INVALID' || error.code === 'LINK_REVOKED' || (error.status === 401 && error.code !== TOKEN_MISSING));

async function request<T>(path: string, init?: RequestInit & { token?: string | null }): Promise<T> {
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
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? response.statusText);
  }
  return body as T;
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

export function getBoard(id: string, token: string | null, signal?: AbortSignal): Promise<BoardSummary & { role: Role }> {
  return request<BoardSummary & { role: Role }>(`/api/boards/${encodeURIComponent(id)}`, { signal, token });
}

const boardPathOf = (id: string) => `/api/boards/${encodeURIComponent(id)}`;

/** Facilitator: a new link for `role`; the old one stops working at once. */
export function rotateLink(id: string, role: Role, token: string): Promise<{ role: Role; link: string }> {
  return request(`${boardPathOf(id)}/links/${role}`, { method: 'POST', token });
}

/** Facilitator: the link for `role` stops working (not for the facilitator link). */
export function revokeLink(id: string, role: Exclude<Role, 'facilitator'>, token: string): Promise<void> {
  return request(`${boardPathOf(id)}/links/${role}`, { method: 'DELETE', token });
}

/** Facilitator: lock, timer, bring everyone. */
export function sendSessionCommand(id: string, command: SessionCommand, token: string): Promise<{ session: SessionState; serverNow: number }> {
  return request(`${boardPathOf(id)}/session`, { method: 'POST', token, body: JSON.stringify(command) });
}
