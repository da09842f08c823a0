import type { Role } from '../../shared/session.ts';

/** The slice of a peer (see hooks/presenceStore.ts) the rule needs. */
export interface BringPeer {
  clientId: number;
  /** Stamped by the server from the link the tab's connection used; never the tab's own word. */
  role: Role | null;
}

/**
 * Whose view "bring everyone" takes this tab to, or null. Only a tab the server stamped as
 * a facilitator leads: the session names an awareness client id, and once the facilitator's
 * tab has gone another connection may claim that id (ids are freed when their connection
 * closes), so the id alone proves nothing.
 */
export function bringEveryoneLeader(input: {
  /** The session's bringEveryoneTo. */
  bringTo: number | null;
  myClientId: number | null;
  /** This tab looked around on its own since the facilitator started bringing everyone. */
  brokeAway: boolean;
  peers: readonly BringPeer[];
}): number | null {
  const { bringTo, myClientId, brokeAway, peers } = input;
  if (bringTo === null || bringTo === myClientId || brokeAway) return null;
  const leader = peers.find((peer) => peer.clientId === bringTo);
  return leader?.role === 'facilitator' ? bringTo : null;
}
