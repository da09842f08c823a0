import fp from 'fastify-plugin';
import type { BoardStore } from '../store/boardStore.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Where boards are kept; the only way plugins and routes reach storage. */
    boards: BoardStore;
  }
}

/** Makes the board store available to every plugin and waits for its writes on shutdown. */
export const persistencePlugin = fp<{ store: BoardStore }>(
  async (app, { store }) => {
    app.decorate('boards', store);
    // onClose runs after the collab plugin's preClose flush, so this waits for those writes too.
    app.addHook('onClose', async () => store.close());
  },
  { name: 'persistence' },
);
