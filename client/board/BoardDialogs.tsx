import type { NewPerson, NewSkill } from '../../shared/boardWrites.ts';
import type { NewQuestion } from '../../shared/learningQuestions.ts';
import type { Board } from '../../shared/docSchema.ts';
import type { SkillLevel } from '../../shared/records/skillLink.ts';
import { PERSON_CARD, QUESTION_CARD, SKILL_CARD, personCardHeight, skillCardHeight, type Point, type Rect } from '../model/layout.ts';
import { AddPersonForm } from '../components/AddPersonForm.tsx';
import { AddQuestionForm } from '../components/AddQuestionForm.tsx';
import { AddSkillForm } from '../components/AddSkillForm.tsx';
import { JoinDialog } from '../components/JoinDialog.tsx';
import { LevelPicker } from '../components/LevelPicker.tsx';
import { ShareDialog } from '../components/ShareDialog.tsx';
import type { BoardWriter } from './boardWriter.ts';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import type { BoardLabels } from './useBoardLabels.ts';
import type { Identity } from './useIdentity.ts';
import type { WorkspaceState } from './useWorkspaceState.ts';

/** A new question card's height before its text wraps. */
const NEW_QUESTION_HEIGHT = 190;

interface Props {
  boardId: string;
  token: string;
  board: Board | null;
  isFacilitator: boolean;
  identity: Identity;
  labels: BoardLabels;
  ui: WorkspaceState;
  writer: BoardWriter;
  newCardSpot(width: number, height: number, near?: Point): Point;
  /** Where a card is drawn (board units). */
  cardRect(id: string): Rect | undefined;
  select(ids: string[]): void;
  /** Brings a new card into view once it is drawn beside the panel that opens for it. */
  centreOnceDrawn(id: string): void;
  /** Closes the dialog and gives the board the keyboard, so Delete or F2 act on the new card. */
  closeToBoard(): void;
  saveLevel(level: SkillLevel, authorisedAndCompetent: boolean): void;
}

/** The modal dialogs: adding cards, shortcuts, sharing, the own level, joining. */
export function BoardDialogs({ boardId, token, board, isFacilitator, identity, labels, ui, writer, newCardSpot, cardRect, select, centreOnceDrawn, closeToBoard, saveLevel }: Props) {
  const { dialog, setDialog, levelPick, setLevelPick } = ui;
  const close = () => setDialog(null);
  const meId = identity.meId;

  const submitPerson = (person: NewPerson) => {
    ui.setLastKind(person.kind);
    const id = writer.addPerson(person, newCardSpot(PERSON_CARD.width, personCardHeight(0)), meId);
    if (id) select([id]);
    closeToBoard();
  };
  const submitSkill = (skill: NewSkill) => {
    ui.setLastCategory(skill.category);
    const id = writer.addSkill(skill, newCardSpot(SKILL_CARD.width, skillCardHeight(skill.reservedAct)), meId);
    if (id) select([id]);
    closeToBoard();
  };
  const submitQuestion = (question: NewQuestion) => {
    // Beside the student's card, so the connector is short and it is clear whose it is.
    const student = cardRect(question.studentId);
    const near = student ? { x: student.x + student.width + 40 + QUESTION_CARD.width / 2, y: student.y + 90 } : undefined;
    const id = writer.addQuestion(question, newCardSpot(QUESTION_CARD.width, NEW_QUESTION_HEIGHT, near));
    if (id) {
      centreOnceDrawn(id);
      select([id]);
      ui.setPanel(null);
    }
    closeToBoard();
  };

  const pickedSkill = levelPick ? labels.skillsById.get(levelPick.skillId) : undefined;
  const pickedLink = levelPick?.linkId ? board?.skillLinks.find((l) => l.id === levelPick.linkId) : undefined;
  return (
    <>
      {dialog === 'person' && <AddPersonForm initialKind={ui.lastKind} onSubmit={submitPerson} onClose={close} />}
      {dialog === 'skill' && <AddSkillForm initialCategory={ui.lastCategory} onSubmit={submitSkill} onClose={close} />}
      {dialog === 'question' && board && (
        <AddQuestionForm
          students={board.people.filter((p) => p.kind === 'student').map((p) => ({ id: p.id, name: labels.nameOf(p.id) }))}
          initialStudentId={identity.me?.kind === 'student' ? identity.me.id : null}
          skills={board.skills}
          labelOf={labels.labelOf}
          onSubmit={submitQuestion}
          onClose={close}
        />
      )}
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={close} />}
      {dialog === 'share' && isFacilitator && <ShareDialog boardId={boardId} token={token} onClose={close} onOwnLinkChanged={() => window.location.reload()} />}
      {levelPick && pickedSkill && (
        <LevelPicker
          skillLabel={labels.labelOf(pickedSkill)}
          reserved={pickedSkill.reservedAct}
          initialLevel={pickedLink?.level}
          initialAuthorised={pickedLink?.authorisedAndCompetent}
          onSave={saveLevel}
          onRemove={pickedLink ? () => (setLevelPick(null), writer.unlink(pickedLink.id)) : undefined}
          onClose={() => setLevelPick(null)}
        />
      )}
      {identity.showJoin && board && (
        <JoinDialog
          people={identity.joinablePeople}
          takenColours={identity.takenColours}
          currentId={meId}
          onPick={identity.pickPerson}
          onCreate={identity.createParticipant}
          onGuest={identity.continueAsGuest}
        />
      )}
    </>
  );
}
