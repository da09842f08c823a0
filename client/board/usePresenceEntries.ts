import { useEffect, useMemo } from 'react';
import type { Person } from '../../shared/records/person.ts';
import type { Peer, PresenceStore } from '../hooks/presenceStore.ts';
import type { BoardLabels } from './useBoardLabels.ts';

/** This tab's presence (who, in which colour) out; the others, as "who is here" entries, in. */
export function usePresenceEntries(presence: PresenceStore | null, peers: readonly Peer[], me: Person | null, myColour: string, labels: BoardLabels) {
  const { t, nameOf } = labels;
  const meId = me?.id ?? null;
  useEffect(() => {
    presence?.setUser({ personId: meId, name: me ? me.name || t(`personKind.${me.kind}`) : '', colour: myColour });
  }, [presence, meId, me, myColour, t]);

  return useMemo(() => {
    // The participant themself is the "Jij: …" button next to the list.
    const entries: Array<{ key: string; name: string; colour: string; isMe: boolean; clientId: number; role: Peer['role'] }> = [];
    const seen = new Set<string>(meId ? [meId] : []);
    for (const peer of peers) {
      if (peer.personId) {
        if (seen.has(peer.personId)) continue;
        seen.add(peer.personId);
      }
      const name = (peer.personId && nameOf(peer.personId)) || peer.name || t('presence.guest');
      entries.push({ key: peer.personId ?? `guest-${peer.clientId}`, name, colour: peer.colour, isMe: false, clientId: peer.clientId, role: peer.role });
    }
    return entries;
  }, [peers, meId, nameOf, t]);
}
