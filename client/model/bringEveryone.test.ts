import { describe, expect, it } from 'vitest';
import { bringEveryoneLeader, type BringPeer } from './bringEveryone.ts';

const facilitator: BringPeer = { clientId: 7, role: 'facilitator' };
const input = (over: Partial<Parameters<typeof bringEveryoneLeader>[0]> = {}) => ({
  bringTo: 7,
  myClientId: 1,
  brokeAway: false,
  peers: [facilitator, { clientId: 9, role: 'participant' as const }],
  ...over,
});

describe('bringEveryoneLeader', () => {
  it('does follow the facilitator the session names', () => {
    expect(bringEveryoneLeader(input())).toBe(7);
  });

  it('When nobody is being brought, follows no one', () => {
    expect(bringEveryoneLeader(input({ bringTo: null }))).toBeNull();
  });

  it('When this tab is the one bringing everyone, does not follow itself', () => {
    expect(bringEveryoneLeader(input({ myClientId: 7 }))).toBeNull();
  });

  it('When this tab broke away, stays where it is', () => {
    expect(bringEveryoneLeader(input({ brokeAway: true }))).toBeNull();
  });

  it('When a viewer or participant holds the id (the facilitator left), does not follow them', () => {
    expect(bringEveryoneLeader(input({ peers: [{ clientId: 7, role: 'viewer' }] }))).toBeNull();
    expect(bringEveryoneLeader(input({ peers: [{ clientId: 7, role: 'participant' }] }))).toBeNull();
  });

  it('When the state under the id has no role stamped, does not follow it', () => {
    expect(bringEveryoneLeader(input({ peers: [{ clientId: 7, role: null }] }))).toBeNull();
  });

  it('When no tab holds the id (any more), follows no one', () => {
    expect(bringEveryoneLeader(input({ peers: [{ clientId: 9, role: 'facilitator' }] }))).toBeNull();
  });
});
