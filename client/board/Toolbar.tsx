import { type Ref, memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REACTION_KINDS, type ReactionKind } from '../../shared/records/reaction.ts';
import { Icon, type IconName } from '../components/Icon.tsx';

export interface SelectionActions {
  /** One card is selected that has a name or text to edit. */
  canEdit: boolean;
  /** The selected card holds text (question, reaction) rather than a name. */
  editIsText: boolean;
  canDelete: boolean;
  /** Exactly two students are selected who are not yet a pair. */
  canPair: boolean;
}

interface Props {
  editable: boolean;
  selection: SelectionActions;
  onAddPerson(): void;
  onAddSkill(): void;
  onAddQuestion(): void;
  onAddReaction(kind: ReactionKind): void;
  onRename(): void;
  onDelete(): void;
  onPair(): void;
  ref?: Ref<HTMLDivElement>;
}

/** A button whose visible label is short on phones; its accessible name is always the full one. */
function ToolButton(props: { icon: IconName; label: string; short: string; className?: string; disabled?: boolean; onClick(): void; expanded?: boolean }) {
  return (
    <button
      type="button"
      className={`button ${props.className ?? ''}`}
      disabled={props.disabled}
      aria-label={props.label}
      aria-expanded={props.expanded}
      title={props.label}
      onClick={props.onClick}
    >
      <Icon name={props.icon} />
      <span className="label-long" aria-hidden="true">
        {props.label}
      </span>
      <span className="label-short" aria-hidden="true">
        {props.short}
      </span>
    </button>
  );
}

export const Toolbar = memo(function Toolbar({ editable, selection, onAddPerson, onAddSkill, onAddQuestion, onAddReaction, onRename, onDelete, onPair, ref }: Props) {
  const { t } = useTranslation();
  const [menu, setMenu] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!menu) return;
    const onDown = (e: PointerEvent) => {
      if (!menuRef.current?.contains(e.target as Node)) setMenu(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        setMenu(false);
      }
    };
    window.addEventListener('pointerdown', onDown, true);
    window.addEventListener('keydown', onKey, true);
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    return () => {
      window.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [menu]);

  return (
    <div ref={ref} className="toolbar" role="toolbar" aria-label={t('app.name')}>
      <ToolButton icon="person" className="button-primary" label={t('toolbar.addPerson')} short={t('toolbar.short.addPerson')} disabled={!editable} onClick={onAddPerson} />
      <ToolButton icon="skill" className="button-primary" label={t('toolbar.addSkill')} short={t('toolbar.short.addSkill')} disabled={!editable} onClick={onAddSkill} />
      <ToolButton icon="question" className="button-primary button-compact" label={t('toolbar.addQuestionLong')} short={t('toolbar.addQuestion')} disabled={!editable} onClick={onAddQuestion} />
      <div className="menu-anchor" ref={menuRef}>
        <ToolButton
          icon="reaction"
          className="button-primary button-compact"
          label={t('toolbar.addReactionLong')}
          short={t('toolbar.addReaction')}
          disabled={!editable}
          expanded={menu}
          onClick={() => setMenu((open) => !open)}
        />
        {menu && (
          <div className="menu" role="menu" aria-label={t('reactions.menuLabel')}>
            {REACTION_KINDS.map((kind) => (
              <button
                key={kind}
                type="button"
                role="menuitem"
                className={`menu-item reaction-${kind}`}
                onClick={() => {
                  setMenu(false);
                  onAddReaction(kind);
                }}
              >
                <Icon name={kind} />
                <span>{t(`reactionKind.${kind}`)}</span>
              </button>
            ))}
          </div>
        )}
      </div>
      {editable && (selection.canPair || selection.canEdit || selection.canDelete) && (
        // On phones these float above the bottom bar, next to the thumb; on big screens they follow in line.
        <div className="toolbar-selection">
          {selection.canPair && <ToolButton icon="link" className="button-pair" label={t('toolbar.pair')} short={t('toolbar.short.pair')} onClick={onPair} />}
          {selection.canEdit && (
            <ToolButton
              icon="pencil"
              label={selection.editIsText ? t('toolbar.editText') : t('toolbar.rename')}
              short={t('toolbar.short.rename')}
              onClick={onRename}
            />
          )}
          {selection.canDelete && <ToolButton icon="trash" className="button-danger" label={t('toolbar.delete')} short={t('toolbar.short.delete')} onClick={onDelete} />}
        </div>
      )}
    </div>
  );
});
