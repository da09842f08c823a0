import { describe, expect, it, vi } from 'vitest';
import { connectClient, waitFor } from '../test/collabClient.ts';
import { bearer, useLiveServer, useBoardEachTest } from '../test/testServer.ts';

vi.setConfig({ testTimeout: 20_000 });

const live = useLiveServer();
const board = useBoardEachTest(live, 'Sessie');

async function session() {
  const response = await live.app.inject({ url: `/api/boards/${board.id}/session`, headers: bearer(board.tokens.viewer) });
  return response.json().session as { bringEveryoneTo: number | null };
}

/** The board open in a facilitator's tab and a participant's, both synced. */
async function facilitatorAndParticipant() {
  const facilitator = connectClient(live.url, board.id, board.tokens.facilitator);
  const participant = connectClient(live.url, board.id, board.tokens.participant);
  live.clients.push(facilitator, participant);
  await Promise.all([facilitator.synced, participant.synced]);
  return { facilitator, participant };
}

describe('"bring everyone"', () => {
  it('ends when the facilitator tab it points at leaves, so no one else can take over its id', async () => {
    const { facilitator, participant } = await facilitatorAndParticipant();
    facilitator.provider.setAwarenessField('view', { x: 0, y: 0, scale: 1 });
    await waitFor(() => participant.provider.awareness!.getStates().has(facilitator.doc.clientID), 'the facilitator’s presence');
    const clientId = facilitator.doc.clientID;
    const bring = await live.app.inject({
      method: 'POST',
      url: `/api/boards/${board.id}/session`,
      headers: bearer(board.tokens.facilitator),
      payload: { type: 'bring-everyone', clientId },
    });
    expect(bring.statusCode).toBe(200);
    expect((await session()).bringEveryoneTo).toBe(clientId);

    facilitator.destroy();
    const start = Date.now();
    for (;;) {
      if ((await session()).bringEveryoneTo === null) break;
      if (Date.now() - start > 3000) throw new Error('bring everyone did not end when the facilitator left');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });

  it('goes on while the facilitator tab it points at stays, when someone else leaves', async () => {
    const { facilitator, participant } = await facilitatorAndParticipant();
    facilitator.provider.setAwarenessField('view', { x: 0, y: 0, scale: 1 });
    participant.provider.setAwarenessField('view', { x: 5, y: 5, scale: 1 });
    await waitFor(() => facilitator.provider.awareness!.getStates().has(participant.doc.clientID), 'the participant’s presence');
    await live.app.inject({
      method: 'POST',
      url: `/api/boards/${board.id}/session`,
      headers: bearer(board.tokens.facilitator),
      payload: { type: 'bring-everyone', clientId: facilitator.doc.clientID },
    });
    participant.destroy();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await session()).bringEveryoneTo).toBe(facilitator.doc.clientID);
  });
});
