import { type Ref, memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REACTION_KINDS } from '../../shared/records/reaction.ts';
import { action, type ActionStates } from './actions.ts';
import { Icon, type IconName } from '../components/Icon.tsx';

interface Props {
  /** Which commands are available now (see actions.ts); the same object while the answers are. */
  states: ActionStates;
  /** The selected card holds text (question, reaction) rather than a name. */
  editIsText: boolean;
  onRun(actionId: string): void;
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

const ADD_ICONS = { addPerson: 'person', addSkill: 'skill', addQuestion: 'question' } as const;
const SELECTION_TOOLS = [
  { id: 'pair', icon: 'link', className: 'button-pair' },
  { id: 'rename', icon: 'pencil' },
  { id: 'delete', icon: 'trash', className: 'button-danger' },
] as const;
const reactionAction = (kind: (typeof REACTION_KINDS)[number]) => `addReaction:${kind}`;

export const Toolbar = memo(function Toolbar({ states, editIsText, onRun, ref }: Props) {
  const { t } = useTranslation();
  const reactionsEnabled = REACTION_KINDS.some((kind) => states.enabled(reactionAction(kind)));
  const selectionTools = SELECTION_TOOLS.filter((tool) => states.enabled(tool.id));
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
      {(['addPerson', 'addSkill', 'addQuestion'] as const).map((id) => (
        <ToolButton
          key={id}
          icon={ADD_ICONS[id]}
          className={id === 'addQuestion' ? 'button-primary button-compact' : 'button-primary'}
          label={t(action(id).labelKey)}
          short={t(action(id).shortLabelKey!)}
          disabled={!states.enabled(id)}
          onClick={() => onRun(id)}
        />
      ))}
      <div className="menu-anchor" ref={menuRef}>
        <ToolButton
          icon="reaction"
          className="button-primary button-compact"
          label={t('toolbar.addReactionLong')}
          short={t('toolbar.addReaction')}
          disabled={!reactionsEnabled}
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
                  onRun(reactionAction(kind));
                }}
              >
                <Icon name={kind} />
                <span>{t(action(reactionAction(kind)).labelKey)}</span>
              </button>
            ))}
          </div>
        )}
      </div>
      {selectionTools.length > 0 && (
        // On phones these float above the bottom bar, next to the thumb; on big screens they follow in line.
        <div className="toolbar-selection">
          {selectionTools.map((tool) => (
            <ToolButton
              key={tool.id}
              icon={tool.icon}
              className={'className' in tool ? tool.className : undefined}
              label={tool.id === 'rename' && editIsText ? t('toolbar.editText') : t(action(tool.id).labelKey)}
              short={t(action(tool.id).shortLabelKey!)}
              onClick={() => onRun(tool.id)}
            />
          ))}
        </div>
      )}
    </div>
  );
});
