import { useTranslation } from 'react-i18next';
import type { Person } from '../../shared/records/person.ts';
import type { Skill } from '../../shared/records/skill.ts';
import type { BoardView } from '../canvas/boardView.ts';
import { QUESTION_CARD, REACTION_CARD, nameBox, type Rect } from '../model/layout.ts';
import type { Viewport } from '../canvas/viewport.ts';
import { PERSON_NAME_MAX } from '../../shared/records/person.ts';
import { QUESTION_TEXT_MAX } from '../../shared/records/learningQuestion.ts';
import { REACTION_TEXT_MAX } from '../../shared/records/reaction.ts';
import { SKILL_LABEL_MAX } from '../../shared/records/skill.ts';
import { CardRenameField } from '../components/CardRenameField.tsx';
import { TextEditField } from '../components/TextEditField.tsx';

interface Props {
  editingId: string;
  view: BoardView;
  viewport: Viewport;
  person: Person | undefined;
  skill: Skill | undefined;
  onCommit(value: string): void;
  onCancel(): void;
}

/** The field laid over a card while its name or text is edited, at the card's place and scale. */
export function CardEditOverlay({ editingId, view, viewport, person, skill, onCommit, onCancel }: Props) {
  const { t } = useTranslation();
  const rect = view.rects.get(editingId);
  if (!rect) return null;
  const screen = (r: Rect) => ({ left: r.x * viewport.scale + viewport.x, top: r.y * viewport.scale + viewport.y, width: r.width * viewport.scale, height: r.height * viewport.scale });
  if (rect.type === 'question' || rect.type === 'reaction') {
    const question = rect.type === 'question' ? view.questions.find((q) => q.id === editingId) : undefined;
    const reaction = rect.type === 'reaction' ? view.reactions.find((r) => r.id === editingId) : undefined;
    const pad = rect.type === 'question' ? QUESTION_CARD.padding : REACTION_CARD.padding;
    const top = question ? question.textY - 4 : REACTION_CARD.headerHeight + 2;
    const lines = question ? question.lines.length : (reaction?.lines.length ?? 1);
    const lineHeight = question ? QUESTION_CARD.lineHeight : REACTION_CARD.lineHeight;
    const box = { x: rect.x + pad - 4, y: rect.y + top, width: rect.width - pad * 2 + 8, height: Math.max(lines * lineHeight + 12, 3 * lineHeight + 12) };
    return (
      <TextEditField
        key={editingId}
        label={t('card.textLabel')}
        initial={question ? question.label : (reaction?.label ?? '')}
        placeholder={question ? t('question.textPlaceholder') : ''}
        maxLength={question ? QUESTION_TEXT_MAX : REACTION_TEXT_MAX}
        rect={screen(box)}
        fontSize={(question ? QUESTION_CARD.textSize : REACTION_CARD.textSize) * viewport.scale}
        onCommit={onCommit}
        onCancel={onCancel}
      />
    );
  }
  const box = nameBox(rect.type, rect);
  if (!(rect.type === 'person' ? person : skill)) return null;
  return (
    <CardRenameField
      key={editingId}
      initial={rect.type === 'person' ? person!.name : skill!.label}
      placeholder={rect.type === 'person' ? t(`personKind.${person!.kind}`) : ''}
      maxLength={rect.type === 'person' ? PERSON_NAME_MAX : SKILL_LABEL_MAX}
      rect={screen(box)}
      fontSize={box.fontSize * viewport.scale}
      onCommit={onCommit}
      onCancel={onCancel}
    />
  );
}
