/** Stable error codes the API answers with; clients may switch on them. */
export const ErrorCodes = {
  BOARD_NOT_FOUND: 'BOARD_NOT_FOUND',
  INVALID_REQUEST: 'INVALID_REQUEST',
  BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  NOT_FOUND: 'NOT_FOUND',
  TOKEN_MISSING: 'TOKEN_MISSING',
  TOKEN_INVALID: 'TOKEN_INVALID',
  LINK_REVOKED: 'LINK_REVOKED',
  ROLE_INSUFFICIENT: 'ROLE_INSUFFICIENT',
  ADMIN_REQUIRED: 'ADMIN_REQUIRED',
  ORIGIN_NOT_ALLOWED: 'ORIGIN_NOT_ALLOWED',
  PERSON_NOT_FOUND: 'PERSON_NOT_FOUND',
  SKILL_NOT_FOUND: 'SKILL_NOT_FOUND',
  QUESTION_NOT_FOUND: 'QUESTION_NOT_FOUND',
  /** The board's file on the server is damaged (503): its last good copy is kept; an operator must restore it. */
  BOARD_DAMAGED: 'BOARD_DAMAGED',
  /** Too many requests from this caller (429); Retry-After says when to try again. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The server (or this network) has too many live connections right now (503); Retry-After says when to try again. */
  SERVER_BUSY: 'SERVER_BUSY',
  /** The request's Host is not this server's PUBLIC_URL (421). */
  HOST_NOT_ALLOWED: 'HOST_NOT_ALLOWED',
  /** /api/ready: storing a board fails on this instance (503). */
  STORE_FAILING: 'STORE_FAILING',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** The body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; path?: string };
}

export const errorBody = (code: ErrorCode, message: string, path?: string): ErrorBody => ({
  error: { code, message, ...(path !== undefined ? { path } : {}) },
});

/** JSON schema of ErrorBody, for route response schemas. */
export const errorBodySchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, path: { type: 'string' } },
    },
  },
} as const;

/** Close codes live in shared/ (the client switches on them). */
export { CloseCodes } from '../shared/collabProtocol.ts';
