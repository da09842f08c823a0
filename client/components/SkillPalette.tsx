import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SkillCategory } from '../../shared/records/skill.ts';
import { CATEGORY_COLOURS, RESERVED } from '../canvas/palette.ts';
import { Icon } from './Icon.tsx';
import { SearchField } from './SearchField.tsx';

export interface PaletteSkill {
  id: string;
  label: string;
  category: SkillCategory;
  reserved: boolean;
  /** At least one student brings this skill in. */
  fromStudent: boolean;
  /** The synonym or translation that matched the search, when not the label. */
  via?: string;
}

interface Props {
  skills: PaletteSkill[];
  total: number;
  query: string;
  onQuery(query: string): void;
  /** Tap-to-link: the skill waiting for a tap on a person. */
  armedId: string | null;
  onArm(id: string | null): void;
  editable: boolean;
  /** A skill is dragged out of the list: pointer position in the window. */
  onDragMove(skillId: string, clientX: number, clientY: number): void;
  onDrop(skillId: string, clientX: number, clientY: number): void;
  onDragCancel(): void;
}

interface Drag {
  skillId: string;
  label: string;
  pointerId: number;
  startX: number;
  startY: number;
  x: number;
  y: number;
  moving: boolean;
}

/** Pointer travel before a press on a skill becomes a drag (a click may wobble). */
const DRAG_START = 6;

/**
 * All skills with a search. With a mouse or pen, drag one onto a person on the board;
 * on touch (and with a click or Enter everywhere) tap it, then tap the person.
 */
export function SkillPalette({ skills, total, query, onQuery, armedId, onArm, editable, onDragMove, onDrop, onDragCancel }: Props) {
  const { t } = useTranslation();
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragRef = useRef<Drag | null>(null);
  /** A drag just ended on this button: swallow the click that follows it. */
  const suppressClick = useRef(false);

  const update = (next: Drag | null) => {
    dragRef.current = next;
    setDrag(next);
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLButtonElement>, skill: PaletteSkill) => {
    if (!editable || e.pointerType === 'touch' || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    update({ skillId: skill.id, label: skill.label, pointerId: e.pointerId, startX: e.clientX, startY: e.clientY, x: e.clientX, y: e.clientY, moving: false });
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLButtonElement>) => {
    const current = dragRef.current;
    if (!current || current.pointerId !== e.pointerId) return;
    const moving = current.moving || Math.hypot(e.clientX - current.startX, e.clientY - current.startY) > DRAG_START;
    update({ ...current, x: e.clientX, y: e.clientY, moving });
    if (moving) onDragMove(current.skillId, e.clientX, e.clientY);
  };

  const onPointerUp = (e: ReactPointerEvent<HTMLButtonElement>) => {
    const current = dragRef.current;
    if (!current || current.pointerId !== e.pointerId) return;
    update(null);
    if (current.moving) {
      suppressClick.current = true;
      onDrop(current.skillId, e.clientX, e.clientY);
    }
  };

  const onPointerCancel = () => {
    if (dragRef.current?.moving) onDragCancel();
    update(null);
  };

  return (
    <div className="palette">
      <SearchField label={t('palette.search')} value={query} onChange={onQuery} />
      <p className="palette-hint">
        {t('palette.hint')} {t('palette.tapHint')}
      </p>
      {total === 0 && <p className="muted">{t('palette.empty')}</p>}
      {total > 0 && skills.length === 0 && <p className="muted">{t('palette.none', { query })}</p>}
      <ul className="palette-list" aria-label={t('palette.listLabel')}>
        {skills.map((skill) => {
          const colours = skill.reserved ? RESERVED : CATEGORY_COLOURS[skill.category];
          return (
            <li key={skill.id}>
              <button
                type="button"
                className="palette-item"
                aria-pressed={armedId === skill.id}
                disabled={!editable}
                data-skill-id={skill.id}
                style={{ borderLeftColor: colours.strong, background: armedId === skill.id ? undefined : colours.tint }}
                onPointerDown={(e) => onPointerDown(e, skill)}
                onPointerMove={onPointerMove}
                onPointerUp={onPointerUp}
                onPointerCancel={onPointerCancel}
                onLostPointerCapture={onPointerCancel}
                onClick={() => {
                  if (suppressClick.current) {
                    suppressClick.current = false;
                    return;
                  }
                  onArm(armedId === skill.id ? null : skill.id);
                }}
              >
                <span className="palette-item-label">{skill.label}</span>
                {skill.via && <span className="palette-item-via">{t('palette.via', { name: skill.via })}</span>}
                <span className="palette-item-marks">
                  {skill.reserved && (
                    <span className="mark mark-reserved" title={t('card.reserved')}>
                      !<span className="sr-only">{t('card.reserved')}</span>
                    </span>
                  )}
                  {skill.fromStudent && (
                    <span className="mark mark-student" title={t('palette.fromStudents')}>
                      <Icon name="student" size={16} />
                      <span className="sr-only">{t('palette.fromStudents')}</span>
                    </span>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {drag?.moving && (
        <div className="drag-ghost" style={{ left: drag.x, top: drag.y }} aria-hidden="true">
          {drag.label}
        </div>
      )}
    </div>
  );
}
