import * as Y from 'yjs';
import { recordMap } from '../docSchema.ts';
import { checked, write } from '../recordWrites.ts';
import { newId } from '../ids.ts';
import { SKILL_CATEGORIES } from '../records/skill.ts';
import { CARE_TEAM_SKILLS, type BoardTemplate } from './careTeam.ts';
import { CARD_SIZE } from '../cardSize.ts';

/** Where template skills are laid out: one column per CanMEDS role, right of where people go. */
export const TEMPLATE_LAYOUT = { left: 40, top: 420, columnWidth: CARD_SIZE.skill.width + 16, rowHeight: CARD_SIZE.skill.height + 10 } as const;

/**
 * Fills a new board from a template. The server calls this once, when it creates the
 * board; clients never seed (two clients seeding at once would duplicate everything).
 */
export function seedTemplate(doc: Y.Doc, template: BoardTemplate, now = Date.now()) {
  if (template === 'empty') return;
  const rows = new Map<string, number>();
  write(doc, () => {
    const skills = recordMap(doc, 'skills');
    const positions = recordMap(doc, 'positions');
    for (const skill of CARE_TEAM_SKILLS) {
      const id = newId();
      const column = SKILL_CATEGORIES.indexOf(skill.category);
      const row = rows.get(skill.category) ?? 0;
      rows.set(skill.category, row + 1);
      skills.set(
        id,
        checked('skills', {
          label: skill.nl,
          category: skill.category,
          reservedAct: skill.reservedAct,
          ...(skill.synonyms ? { synonyms: skill.synonyms } : {}),
          templateKey: skill.key,
          createdAt: now,
        }),
      );
      positions.set(
        id,
        checked('positions', { x: TEMPLATE_LAYOUT.left + column * TEMPLATE_LAYOUT.columnWidth, y: TEMPLATE_LAYOUT.top + row * TEMPLATE_LAYOUT.rowHeight }),
      );
    }
  });
}
