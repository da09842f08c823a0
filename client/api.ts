/** The REST side of the server contract (see server/routes). */

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

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}), ...init?.headers },
  });
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

export function createBoard(title: string, template: BoardTemplate = 'empty'): Promise<BoardSummary> {
  const trimmed = title.trim();
  const body = { ...(trimmed ? { title: trimmed } : {}), ...(template !== 'empty' ? { template } : {}) };
  return request<BoardSummary>('/api/boards', { method: 'POST', body: JSON.stringify(body) });
}

export function getBoard(id: string, signal?: AbortSignal): Promise<BoardSummary> {
  return request<BoardSummary>(`/api/boards/${encodeURIComponent(id)}`, { signal });
}
