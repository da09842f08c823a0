import type { FastifyPluginAsync, FastifyReply, FastifyRequest, FastifySchema, RouteGenericInterface } from 'fastify';
import { matchQuestion, suggestPeerPairs, whoCanHelp, type MatchCandidate } from '../../shared/matching.ts';
import { describeReasons, type ReasonLanguage } from '../../shared/matchReasons.ts';
import { searchSkills } from '../../shared/skillSearch.ts';
import { SKILL_CATEGORIES, type Skill } from '../../shared/records/skill.ts';
import type { SkillHolder } from '../../shared/skillIndex.ts';
import { activeNominations } from '../../shared/records/skillLink.ts';
import { ErrorCodes, errorBody, errorBodySchema } from '../errors.ts';
import { boardParamsSchema } from './boards.ts';
import { BOARD_ID_PATTERN } from '../store/boardStore.ts';
import { bearerToken } from '../plugins/access.ts';
import { hashToken, sameHash } from '../access/tokens.ts';
import type { BoardView } from '../index/boardIndexService.ts';
import { indexToCsv } from '../index/indexCsv.ts';
import { ID_PATTERN } from '../../shared/ids.ts';

const holderSchema = {
  type: 'object',
  properties: {
    personId: { type: 'string' },
    skillId: { type: 'string' },
    claimed: { type: 'boolean' },
    selfLevel: { type: 'string' },
    authorisedAndCompetent: { type: 'boolean' },
    nominations: {
      type: 'array',
      items: { type: 'object', properties: { linkId: { type: 'string' }, nominatedBy: { type: 'string' }, response: { type: 'string' }, backers: { type: 'array', items: { type: 'string' } } } },
    },
    fromStudent: { type: 'boolean' },
    canBeAsked: { type: 'boolean' },
  },
} as const;

const coverageSchema = {
  type: 'object',
  properties: {
    askable: { type: 'integer' },
    byLevel: { type: 'object', additionalProperties: { type: 'integer' } },
    nominated: { type: 'integer' },
    students: { type: 'integer' },
    risk: { enum: ['uncovered', 'single', 'covered'] },
  },
} as const;

const skillWithCoverageSchema = {
  type: 'object',
  properties: {
    skillId: { type: 'string' },
    label: { type: 'string' },
    category: { type: 'string' },
    reservedAct: { type: 'boolean' },
    coverage: coverageSchema,
  },
} as const;

const candidateSchema = {
  type: 'object',
  properties: {
    personId: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string' },
    score: { type: 'number' },
    skillIds: { type: 'array', items: { type: 'string' } },
    reason: { type: 'string', description: 'plain-language explanation in the requested language' },
  },
} as const;

const personWithSkillsSchema = {
  type: 'object',
  properties: { personId: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, skills: { type: 'array', items: holderSchema } },
} as const;

const langQuerySchema = { type: 'object', additionalProperties: false, properties: { lang: { enum: ['nl', 'en'] } } } as const;

/** Params of a route under one board that also names one record on it, e.g. `/people/:personId`. */
const boardAndRecordParams = (recordParam: string) =>
  ({ type: 'object', required: ['boardId', recordParam], properties: { ...boardParamsSchema.properties, [recordParam]: { type: 'string', pattern: ID_PATTERN } } }) as const;

const BOARD_ID = new RegExp(BOARD_ID_PATTERN);

/**
 * The X-Board-Tokens header ("<boardId>:<token>, …") as board id → token: each board once
 * (its first token), malformed entries left out. A Map, so no board id can be a
 * prototype key.
 */
export function presentedBoardTokens(header: string | string[] | undefined): Map<string, string> {
  const presented = new Map<string, string>();
  for (const entry of [header ?? ''].flat().join(',').split(',')) {
    const pair = entry.trim().split(':');
    if (pair.length !== 2 || !BOARD_ID.test(pair[0]) || pair[1] === '' || presented.has(pair[0])) continue;
    presented.set(pair[0], pair[1]);
  }
  return presented;
}

/** Routes that turn a board into answers: the index, coverage, matches and search. */
export const indexRoutes: FastifyPluginAsync = async (app) => {
  const viewer = app.requireBoardRole('viewer');

  async function viewOr404(boardId: string, reply: FastifyReply): Promise<BoardView | null> {
    const view = await app.skillIndex.view(boardId);
    if (!view) void reply.code(404).send(errorBody(ErrorCodes.BOARD_NOT_FOUND, 'This board does not exist.'));
    return view;
  }

  /**
   * A GET under one board, for its viewers and up: a board that does not exist is a 404 before
   * `handler` runs, and `handler` gets the board's current view.
   */
  function viewerGet<R extends RouteGenericInterface>(
    url: string,
    schema: FastifySchema,
    handler: (view: BoardView, request: FastifyRequest<R>, reply: FastifyReply) => unknown,
  ) {
    app.get(url, { preHandler: viewer, schema }, async (request, reply) => {
      const view = await viewOr404((request.params as { boardId: string }).boardId, reply);
      if (!view) return;
      // The schema has validated the params and query, so the request has R's shape.
      return handler(view, request as FastifyRequest<R>, reply);
    });
  }

  const withCoverage = (view: BoardView, skill: Skill) => ({
    skillId: skill.id,
    label: skill.label,
    category: skill.category,
    reservedAct: skill.reservedAct,
    coverage: view.index.coverage.get(skill.id),
  });

  const named = (view: BoardView, candidate: MatchCandidate, lang: ReasonLanguage) => {
    const person = view.board.people.find((p) => p.id === candidate.personId)!;
    return { ...candidate, name: person.name, kind: person.kind, reason: describeReasons(candidate.reasons, lang) };
  };

  viewerGet<{ Params: { boardId: string } }>(
    '/api/boards/:boardId/index',
    {
      summary: 'The board’s skill index: per skill its people and coverage, per person their skills',
      params: boardParamsSchema,
      response: {
        200: {
          type: 'object',
          properties: {
            skills: { type: 'array', items: { ...skillWithCoverageSchema, properties: { ...skillWithCoverageSchema.properties, holders: { type: 'array', items: holderSchema } } } },
            people: { type: 'array', items: personWithSkillsSchema },
            skippedRecords: { type: 'integer', description: 'malformed records left out of the index' },
          },
        },
      },
    },
    (view) => {
      return {
        skills: view.board.skills.map((skill) => ({ ...withCoverage(view, skill), holders: view.index.bySkill.get(skill.id) ?? [] })),
        people: view.board.people.map((p) => ({ personId: p.id, name: p.name, kind: p.kind, skills: view.index.byPerson.get(p.id) ?? [] })),
        skippedRecords: view.board.problems.length,
      };
    },
  );

  viewerGet<{ Params: { boardId: string }; Querystring: { category?: string; risk?: string } }>(
    '/api/boards/:boardId/skills',
    {
      summary: 'Skills with their coverage; filter by CanMEDS category or by risk',
      params: boardParamsSchema,
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { category: { enum: [...SKILL_CATEGORIES] }, risk: { enum: ['uncovered', 'single', 'covered'] } },
      },
      response: { 200: { type: 'object', properties: { skills: { type: 'array', items: skillWithCoverageSchema } } } },
    },
    (view, request) => {
      const { category, risk } = request.query;
      const skills = view.board.skills
        .filter((s) => !category || s.category === category)
        .map((s) => withCoverage(view, s))
        .filter((s) => !risk || s.coverage?.risk === risk);
      return { skills };
    },
  );

  viewerGet<{ Params: { boardId: string; personId: string } }>(
    '/api/boards/:boardId/people/:personId/skills',
    {
      summary: 'One person’s skills',
      params: boardAndRecordParams('personId'),
      response: { 200: personWithSkillsSchema, 404: errorBodySchema },
    },
    (view, request, reply) => {
      const person = view.board.people.find((p) => p.id === request.params.personId);
      if (!person) return reply.code(404).send(errorBody(ErrorCodes.PERSON_NOT_FOUND, 'There is no such person on this board.'));
      return { personId: person.id, name: person.name, kind: person.kind, skills: view.index.byPerson.get(person.id) ?? [] };
    },
  );

  viewerGet<{ Params: { boardId: string; skillId: string }; Querystring: { lang?: ReasonLanguage } }>(
    '/api/boards/:boardId/skills/:skillId/helpers',
    {
      summary: 'Who can help with one skill, best first, with reasons',
      params: boardAndRecordParams('skillId'),
      querystring: langQuerySchema,
      response: { 200: { type: 'object', properties: { helpers: { type: 'array', items: candidateSchema } } }, 404: errorBodySchema },
    },
    (view, request, reply) => {
      if (!view.board.skills.some((s) => s.id === request.params.skillId)) return reply.code(404).send(errorBody(ErrorCodes.SKILL_NOT_FOUND, 'There is no such skill on this board.'));
      const lang = request.query.lang ?? 'nl';
      return { helpers: whoCanHelp(view.board, view.index, request.params.skillId, Date.now()).map((c) => named(view, c, lang)) };
    },
  );

  viewerGet<{ Params: { boardId: string; questionId: string }; Querystring: { lang?: ReasonLanguage } }>(
    '/api/boards/:boardId/questions/:questionId/matches',
    {
      summary: 'Who can help with a learning question: fellow students first, then professionals, ranked with reasons',
      params: boardAndRecordParams('questionId'),
      querystring: langQuerySchema,
      response: {
        200: { type: 'object', properties: { questionId: { type: 'string' }, peers: { type: 'array', items: candidateSchema }, professionals: { type: 'array', items: candidateSchema } } },
        404: errorBodySchema,
      },
    },
    (view, request, reply) => {
      const matches = matchQuestion(view.board, view.index, request.params.questionId, Date.now());
      if (!matches) return reply.code(404).send(errorBody(ErrorCodes.QUESTION_NOT_FOUND, 'There is no such learning question on this board.'));
      const lang = request.query.lang ?? 'nl';
      return { questionId: matches.questionId, peers: matches.peers.map((c) => named(view, c, lang)), professionals: matches.professionals.map((c) => named(view, c, lang)) };
    },
  );

  viewerGet<{ Params: { boardId: string } }>(
    '/api/boards/:boardId/peer-suggestions',
    {
      summary: 'Pairs of students who could help each other',
      params: boardParamsSchema,
      response: {
        200: {
          type: 'object',
          properties: {
            suggestions: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  studentIds: { type: 'array', items: { type: 'string' } },
                  score: { type: 'number' },
                  complements: { type: 'array', items: { type: 'object', properties: { askerId: { type: 'string' }, helperId: { type: 'string' }, skillId: { type: 'string' } } } },
                  sharedQuestions: { type: 'array', items: { type: 'string' } },
                },
              },
            },
          },
        },
      },
    },
    (view) => {
      return { suggestions: suggestPeerPairs(view.board, view.index) };
    },
  );

  viewerGet<{ Params: { boardId: string } }>(
    '/api/boards/:boardId/index.csv',
    { summary: 'The skill index as CSV (UTF-8 with BOM, ; separated) for Excel and LibreOffice', params: boardParamsSchema, produces: ['text/csv'] },
    async (view, request, reply) => {
      const summary = await app.boards.get(request.params.boardId);
      const filename = `vaardigheden-${(summary?.title || request.params.boardId).replace(/[^\p{L}\p{N}-]+/gu, '-').slice(0, 60)}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="board.csv"; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .send(indexToCsv(view));
    },
  );

  const adminHash = app.adminTokenHash;
  app.get<{ Querystring: { q: string } }>(
    '/api/search',
    {
      schema: {
        summary: 'Who can help with a skill, across boards (accent-insensitive, partial words)',
        description:
          'Needs the instance admin token (Authorization: Bearer), or covers only the boards whose links the caller presents in X-Board-Tokens: "<boardId>:<token>, …" (each board once; the first token given for a board counts; at most BOARD_TOKENS_MAX boards, else 400).',
        querystring: { type: 'object', required: ['q'], additionalProperties: false, properties: { q: { type: 'string', minLength: 2, maxLength: 80 } } },
        response: {
          200: {
            type: 'object',
            properties: {
              results: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    boardId: { type: 'string' },
                    boardTitle: { type: 'string' },
                    skillId: { type: 'string' },
                    skill: { type: 'string' },
                    people: { type: 'array', items: { type: 'object', properties: { personId: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, selfLevel: { type: 'string' }, nominations: { type: 'integer' } } } },
                  },
                },
              },
            },
          },
          400: errorBodySchema,
          401: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const token = bearerToken(request);
      const isAdmin = adminHash !== null && token !== null && token !== '' && sameHash(hashToken(token), adminHash);
      let boardIds: string[];
      if (isAdmin) boardIds = (await app.boards.list()).map((b) => b.id);
      else {
        const presented = presentedBoardTokens(request.headers['x-board-tokens']);
        if (presented.size > app.limits.boardTokensMax) {
          return reply
            .code(400)
            .send(errorBody(ErrorCodes.INVALID_REQUEST, `headers/x-board-tokens names more than ${app.limits.boardTokensMax} boards`, 'headers/x-board-tokens'));
        }
        boardIds = [];
        for (const [boardId, boardToken] of presented) if ((await app.access.check(boardId, boardToken)).ok) boardIds.push(boardId);
        if (boardIds.length === 0) {
          return reply.code(401).send(errorBody(ErrorCodes.ADMIN_REQUIRED, 'Searching across boards needs the admin token or the links of the boards to search.'));
        }
      }
      const results = [];
      for (const boardId of boardIds) {
        const view = await app.skillIndex.view(boardId);
        if (!view) continue;
        const title = (await app.boards.get(boardId))?.title ?? '';
        const people = new Map(view.board.people.map((p) => [p.id, p]));
        for (const { skill } of searchSkills(view.board.skills, request.query.q)) {
          const helpers = (view.index.bySkill.get(skill.id) ?? []).filter((h: SkillHolder) => h.canBeAsked);
          if (helpers.length === 0) continue;
          results.push({
            boardId,
            boardTitle: title,
            skillId: skill.id,
            skill: skill.label,
            people: helpers.map((h) => ({
              personId: h.personId,
              name: people.get(h.personId)!.name,
              kind: people.get(h.personId)!.kind,
              ...(h.selfLevel ? { selfLevel: h.selfLevel } : {}),
              nominations: activeNominations(h.nominations).length,
            })),
          });
        }
      }
      return { results };
    },
  );
};
