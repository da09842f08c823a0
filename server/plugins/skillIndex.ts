import fp from 'fastify-plugin';
import { BoardIndexService } from '../index/boardIndexService.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Skill indexes of open and stored boards. */
    skillIndex: BoardIndexService;
  }
}

export const skillIndexPlugin = fp(
  async (app) => {
    app.decorate('skillIndex', new BoardIndexService(app.hocuspocus, app.boards));
  },
  { name: 'skill-index', dependencies: ['collab', 'persistence'] },
);
