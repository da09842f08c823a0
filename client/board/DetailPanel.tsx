import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../shared/docSchema.ts';
import type { LearningQuestion } from '../../shared/records/learningQuestion.ts';
import type { StudentPair } from '../../shared/records/studentPair.ts';
import { PairPanel } from '../components/PairPanel.tsx';
import { QuestionPanel } from '../components/QuestionPanel.tsx';
import { SidePanel } from '../components/SidePanel.tsx';
import type { PanelName } from './actions.ts';
import type { BoardWriter } from './boardWriter.ts';
import type { BoardLabels } from './useBoardLabels.ts';

export type Detail = { question: LearningQuestion } | { pair: StudentPair } | null;

/**
 * The selected question or pair, which gets a panel of its own in the tool panel's place
 * ("Wie kan helpen?" keeps its place beside a selected question, which it is about).
 */
export function detailOf(board: Board | null, single: string | null, panel: PanelName | null): Detail {
  if (!board || !single) return null;
  const question = board.questions.find((q) => q.id === single);
  if (question) return panel === 'help' ? null : { question };
  const pair = board.pairs.find((p) => p.id === single);
  return pair ? { pair } : null;
}

interface Props {
  detail: NonNullable<Detail>;
  board: Board;
  editable: boolean;
  labels: BoardLabels;
  writer: BoardWriter;
  onClose(): void;
  onEditText(id: string): void;
  onDelete(): void;
  onShow(id: string): void;
  ref?: Ref<HTMLElement>;
}

export function DetailPanel({ detail, board, editable, labels, writer, onClose, onEditText, onDelete, onShow, ref }: Props) {
  const { t } = useTranslation();
  const { nameOf, labelOf } = labels;
  if ('question' in detail) {
    const { question } = detail;
    return (
      <SidePanel ref={ref} name="question" title={t('question.panelTitle', { name: nameOf(question.studentId) })} onClose={onClose}>
        <QuestionPanel
          question={question}
          people={board.people.filter((p) => p.name).map((p) => ({ id: p.id, name: p.name }))}
          skills={board.skills}
          labelOf={labelOf}
          editable={editable}
          onMove={(to, step) => writer.moveQuestion(question.id, to, step)}
          onUpdate={(edit) => writer.updateQuestion(question.id, edit)}
          onEditText={() => onEditText(question.id)}
          onDelete={onDelete}
        />
      </SidePanel>
    );
  }
  const { pair } = detail;
  return (
    <SidePanel ref={ref} name="pair" title={t('pair.title')} onClose={onClose}>
      <PairPanel
        names={pair.studentIds.map((id) => nameOf(id)) as [string, string]}
        questions={board.questions.filter((q) => pair.studentIds.includes(q.studentId))}
        editable={editable}
        onUnpair={() => writer.unpair(pair.id) && onClose()}
        onShow={onShow}
      />
    </SidePanel>
  );
}
