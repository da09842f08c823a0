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

/** Close codes the collaboration socket uses beyond the standard ones. */
export const CloseCodes = {
  /** The board does not exist (or no longer). */
  BOARD_NOT_FOUND: { code: 4404, reason: 'board-not-found' },
  /** The link this connection used was rotated or revoked by the facilitator. */
  LINK_REVOKED: { code: 4403, reason: 'link-revoked' },
} as const;
