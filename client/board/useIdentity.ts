import { useMemo, useState } from 'react';
import type { Board } from '../../shared/docSchema.ts';
import { PERSON_CARD, personCardHeight, type Point } from '../model/layout.ts';
import { guestKey, pickColour, readFlag, readIdentity, rememberIdentity, writeFlag, type StorageLike } from '../storage/identity.ts';
import type { BoardWriter, NewParticipantCard } from './boardWriter.ts';

const GUEST_COLOUR = '#64748b';

const storage = (kind: 'local' | 'session'): StorageLike | null => {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
};

interface Options {
  boardId: string;
  board: Board | null;
  editable: boolean;
  writer: BoardWriter;
  newCardSpot(width: number, height: number, near?: Point): Point;
  select(ids: string[]): void;
}

/** Which card on the board is this tab's participant (remembered per board), or a guest. */
export function useIdentity({ boardId, board, editable, writer, newCardSpot, select }: Options) {
  const [identityId, setIdentityId] = useState(() => readIdentity(storage('local'), boardId));
  const [guest, setGuest] = useState(() => readFlag(storage('session'), guestKey(boardId)));
  const [joinOpen, setJoinOpen] = useState(false);
  const people = board?.people;
  const me = useMemo(() => (identityId && people ? (people.find((p) => p.id === identityId) ?? null) : null), [identityId, people]);
  const joinablePeople = useMemo(
    () => (people ?? []).filter((p) => p.name).map((p) => ({ id: p.id, name: p.name, kind: p.kind, ...(p.colour ? { colour: p.colour } : {}) })),
    [people],
  );
  const takenColours = useMemo(() => (people ?? []).flatMap((p) => (p.colour ? [p.colour] : [])), [people]);

  const join = (personId: string) => {
    rememberIdentity(storage('local'), boardId, personId);
    setIdentityId(personId);
    setJoinOpen(false);
    writeFlag(storage('session'), guestKey(boardId), false);
    setGuest(false);
  };

  return {
    me,
    meId: me?.id ?? null,
    myColour: me?.colour ?? GUEST_COLOUR,
    showJoin: editable && (joinOpen || (!me && !guest)),
    openJoin: () => setJoinOpen(true),
    joinablePeople,
    takenColours,
    pickPerson(personId: string) {
      const person = people?.find((p) => p.id === personId);
      if (person && !person.colour) writer.giveColour(personId, pickColour(people!.map((p) => p.colour)));
      join(personId);
    },
    createParticipant(p: NewParticipantCard) {
      const id = writer.addParticipant(p, newCardSpot(PERSON_CARD.width, personCardHeight(0)));
      if (!id) return;
      join(id);
      select([id]);
    },
    continueAsGuest() {
      if (joinOpen && me) {
        setJoinOpen(false);
        return;
      }
      writeFlag(storage('session'), guestKey(boardId), true);
      setGuest(true);
      setJoinOpen(false);
    },
  };
}

export type Identity = ReturnType<typeof useIdentity>;
