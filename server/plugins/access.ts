import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { roleAtLeast, type Role } from '../../shared/session.ts';
import { AccessService, type AccessDenial } from '../access/accessService.ts';
import { ErrorCodes, errorBody, type ErrorCode } from '../errors.ts';
import { BOARD_DAMAGED_MESSAGE } from '../store/boardStore.ts';
import { hashToken, sameHash } from '../access/tokens.ts';

declare module 'fastify' {
  interface FastifyInstance {
    access: AccessService;
    /** preHandler for board routes: the request must carry a token for :boardId with at least `role`. */
    requireBoardRole(role: Role): (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** preHandler for instance-wide routes: the admin token, when one is configured. */
    requireAdmin(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** sha256 of the instance admin token, or null when none is configured. */
    adminTokenHash: string | null;
  }
  interface FastifyRequest {
    /** The role the request's board token gives, set by requireBoardRole. */
    boardRole: Role | null;
  }
}

const DENIAL: Record<AccessDenial, { status: number; code: ErrorCode; message: string }> = {
  'missing-token': { status: 401, code: ErrorCodes.TOKEN_MISSING, message: 'This board needs its link: ask the facilitator for one.' },
  'invalid-token': { status: 401, code: ErrorCodes.TOKEN_INVALID, message: 'This link does not work for this board: ask the facilitator for a new one.' },
  'link-revoked': { status: 401, code: ErrorCodes.LINK_REVOKED, message: 'This link no longer works: ask the facilitator for a new one.' },
  'board-not-found': { status: 404, code: ErrorCodes.BOARD_NOT_FOUND, message: 'This board does not exist.' },
  'board-damaged': { status: 503, code: ErrorCodes.BOARD_DAMAGED, message: BOARD_DAMAGED_MESSAGE },
};

/** The token from `Authorization: Bearer <token>`. Tokens never travel in URLs, so they never reach a log. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : '';
}

export const accessPlugin = fp<{ adminToken: string | null }>(
  async (app, { adminToken }) => {
    const access = new AccessService(app.boards);
    app.decorate('access', access);
    app.decorateRequest('boardRole', null);

    app.decorate('requireBoardRole', (needed: Role) => async (request: FastifyRequest, reply: FastifyReply) => {
      const { boardId } = request.params as { boardId: string };
      const check = await access.check(boardId, bearerToken(request));
      if (!check.ok) {
        const denial = DENIAL[check.reason];
        return reply.code(denial.status).send(errorBody(denial.code, denial.message));
      }
      if (!roleAtLeast(check.role, needed)) {
        return reply.code(403).send(errorBody(ErrorCodes.ROLE_INSUFFICIENT, `This needs the ${needed} link.`));
      }
      request.boardRole = check.role;
    });

    const adminHash = adminToken ? hashToken(adminToken) : null;
    app.decorate('adminTokenHash', adminHash);
    app.decorate('requireAdmin', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!adminHash) return;
      const token = bearerToken(request);
      if (!token || !sameHash(hashToken(token), adminHash)) {
        return reply.code(401).send(errorBody(ErrorCodes.ADMIN_REQUIRED, 'This needs the instance admin token.'));
      }
    });
  },
  { name: 'access', dependencies: ['persistence'] },
);

