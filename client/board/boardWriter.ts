import type * as Y from 'yjs';
import { addPerson, addReaction, addSkill, moveCards, removeCards, setBoardTitle, updatePerson, updateReaction, updateSkill, type NewPerson, type NewSkill } from '../../shared/boardWrites.ts';
import { LOCAL_ORIGIN } from '../../shared/recordWrites.ts';
import { addQuestion, type NewQuestion } from '../../shared/learningQuestions.ts';
import { linkSkill, unlinkSkill } from '../../shared/skillLinks.ts';
import { pairStudents } from '../../shared/studentPairs.ts';
import type { Position } from '../../shared/records/position.ts';
import type { ReactionKind } from '../../shared/records/reaction.ts';
import type { QuestionStatus } from '../../shared/records/learningQuestion.ts';
import type { SkillLevel } from '../../shared/records/skillLink.ts';
import { respondToNomination, setOwnLevel, toggleEndorsement } from '../../shared/skillLinks.ts';
import { moveQuestion, recordAsked, updateQuestion, type QuestionEdit, type QuestionStep } from '../../shared/learningQuestions.ts';
import { unpairStudents } from '../../shared/studentPairs.ts';
import type { TextEdit } from './rules.ts';

/**
 * Joining (making your own card, picking your colour) is not an undoable edit: undoing
 * it would delete the participant's own card. Writes run inside a transaction with this
 * origin, which the undo manager does not track (nested transactions take the outer origin).
 */
const JOIN_ORIGIN = 'iedereen:join';

export interface NewParticipantCard {
  name: string;
  kind: NewPerson['kind'];
  student?: NewPerson['student'];
  colour: string;
}

export interface OwnLevel {
  personId: string;
  skillId: string;
  level: SkillLevel;
  authorisedAndCompetent: boolean;
  actorId: string;
}

export interface BoardWriterSource {
  /** The board's document, or null while there is no connection. */
  doc(): Y.Doc | null;
  /** Whether this tab may write now (read at every write, so a role change applies at once). */
  editable(): boolean;
  /** This tab's undo history, or null before it exists. */
  undoManager(): Y.UndoManager | null;
  /** A write the document refused: usually a race, the card was deleted a moment ago. */
  onRejected(error: unknown): void;
}

/**
 * The one place the workspace writes the board: every edit the canvas, the chrome and the
 * panels make goes through one of these named methods, each a shared write helper (which
 * validates) behind the may-write check. Methods answer null/false when nothing was written.
 */
export function createBoardWriter(source: BoardWriterSource) {
  const write = <T>(change: (doc: Y.Doc) => T): { value: T } | null => {
    const doc = source.doc();
    if (!doc || !source.editable()) return null;
    try {
      return { value: change(doc) };
    } catch (error) {
      source.onRejected(error);
      return null;
    }
  };
  const id = (change: (doc: Y.Doc) => string) => write(change)?.value ?? null;
  const done = (change: (doc: Y.Doc) => unknown) => write(change) !== null;

  return {
    addPerson: (person: NewPerson, at: Position, createdBy: string | null) =>
      id((doc) => addPerson(doc, { ...person, ...(createdBy ? { createdBy } : {}) }, at)),
    addSkill: (skill: NewSkill, at: Position, createdBy: string | null) => id((doc) => addSkill(doc, { ...skill, ...(createdBy ? { createdBy } : {}) }, at)),
    addQuestion: (question: NewQuestion, at: Position) => id((doc) => addQuestion(doc, question, at)),
    addReaction: (kind: ReactionKind, at: Position, authorId: string | null) =>
      id((doc) => addReaction(doc, { kind, text: '', ...(authorId ? { authorId } : {}) }, at)),
    /** The participant's own new card: not undoable (see JOIN_ORIGIN). */
    addParticipant: (p: NewParticipantCard, at: Position) =>
      id((doc) => {
        let created = '';
        doc.transact(() => (created = addPerson(doc, { name: p.name, kind: p.kind, ...(p.student ? { student: p.student } : {}), colour: p.colour }, at)), JOIN_ORIGIN);
        return created;
      }),
    /** A participant joining as an existing card gets a colour: not undoable (see JOIN_ORIGIN). */
    giveColour: (personId: string, colour: string) => done((doc) => doc.transact(() => updatePerson(doc, personId, { colour }), JOIN_ORIGIN)),
    moveCards: (moves: ReadonlyArray<{ id: string } & Position>) => done((doc) => moveCards(doc, moves)),
    renameBoard: (title: string) => done((doc) => setBoardTitle(doc, title)),
    applyTextEdit: (edit: TextEdit) =>
      done((doc) => {
        if (edit.kind === 'person') updatePerson(doc, edit.id, { name: edit.text });
        else if (edit.kind === 'skill') updateSkill(doc, edit.id, { label: edit.text });
        else if (edit.kind === 'question') updateQuestion(doc, edit.id, { text: edit.text });
        else updateReaction(doc, edit.id, { text: edit.text });
      }),

    /** A guest links on the person's behalf; a colleague nominates (actorId). */
    linkSkill: (skillId: string, personId: string, actorId: string | null) =>
      done((doc) => linkSkill(doc, { personId, skillId, ...(actorId ? { actorId } : {}) })),
    /** The own claim: the link (new or existing) and its level, in one transaction and one undo step. */
    claimOwnLevel: (own: OwnLevel) => done((doc) => setOwnLevel(doc, own)),
    unlink: (linkId: string) => done((doc) => unlinkSkill(doc, linkId)),
    respondToNomination: (linkId: string, answer: 'accepted' | 'declined', personId: string) =>
      done((doc) => respondToNomination(doc, linkId, answer, personId)),
    toggleBacking: (linkId: string, personId: string) => done((doc) => toggleEndorsement(doc, linkId, personId)),

    moveQuestion: (questionId: string, to: QuestionStatus, step: QuestionStep) => done((doc) => moveQuestion(doc, questionId, to, step)),
    updateQuestion: (questionId: string, edit: QuestionEdit) => done((doc) => updateQuestion(doc, questionId, edit)),
    recordAsked: (questionId: string, personId: string) => done((doc) => recordAsked(doc, questionId, personId)),
    pairStudents: (students: [string, string], actorId: string | null) => id((doc) => pairStudents(doc, students, actorId ?? undefined)),
    unpair: (pairId: string) => done((doc) => unpairStudents(doc, pairId)),

    /**
     * Removes cards and pairs as one undo step of its own (not merged with an edit made a
     * moment before). Answers the undo entry that brings them back, for the "undo" toast.
     */
    remove: (cards: readonly string[], pairs: readonly string[]): { undoEntry: unknown } | null => {
      const undo = source.undoManager();
      undo?.stopCapturing();
      const removed = done((doc) =>
        doc.transact(() => {
          for (const pair of pairs) unpairStudents(doc, pair);
          if (cards.length) removeCards(doc, cards);
        }, LOCAL_ORIGIN),
      );
      return removed ? { undoEntry: undo?.undoStack.at(-1) ?? null } : null;
    },
    undo: () => (source.editable() ? !!source.undoManager()?.undo() : false),
    redo: () => (source.editable() ? !!source.undoManager()?.redo() : false),
    /** Undoes `entry` only while it is still this tab's newest edit: otherwise "undo" would undo something else. */
    undoIfNewest: (entry: unknown) => {
      const undo = source.undoManager();
      if (entry && undo && undo.undoStack.at(-1) === entry) undo.undo();
    },
  };
}

export type BoardWriter = ReturnType<typeof createBoardWriter>;
