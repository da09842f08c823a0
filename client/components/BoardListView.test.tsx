import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { readBoard } from '../../shared/docSchema.ts';
import { deriveSkillIndex } from '../../shared/skillIndex.ts';
import { linkSkill, respondToNomination, setOwnLevel } from '../../shared/skillLinks.ts';
import { createBoard, createTeam } from '../../shared/test/factory.ts';
import { nl } from '../i18n/nl.ts';
import { BoardListView } from './BoardListView.tsx';

const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({ resources: { nl: { translation: nl } }, lng: 'nl', initAsync: false, interpolation: { escapeValue: false } });

/** The list view's text, one line per list item or paragraph, as a screen reader would walk it. */
function listText(doc: ReturnType<typeof createBoard>): string[] {
  const board = readBoard(doc);
  const names = new Map([...board.people.map((p) => [p.id, p.name] as const), ...board.skills.map((s) => [s.id, s.label] as const)]);
  const html = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <BoardListView board={board} index={deriveSkillIndex(board)} nameOf={(id) => names.get(id) ?? ''} skillName={(id) => names.get(id) ?? ''} />
    </I18nextProvider>,
  );
  return html
    .replace(/<(h[123]|p|li|td)[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

describe('BoardListView', () => {
  it('does list each person with what they can be asked, and each skill with who holds it', () => {
    const { doc, fatima, sam, wondzorg } = createTeam({
      people: { fatima: 'Fatima', sam: 'Sam' },
      students: { sanne: 'Sanne' },
      skills: { wondzorg: 'wondzorg', injecteren: { label: 'injecteren', reservedAct: true } },
    });
    setOwnLevel(doc, { personId: fatima, skillId: wondzorg, level: 'can-explain', actorId: fatima });
    linkSkill(doc, { personId: sam, skillId: wondzorg, actorId: fatima });
    const text = listText(doc);
    const headings = [`${nl.list.people} (3)`, `${nl.list.skills} (2)`, `${nl.list.questions} (0)`];
    const [people, skills] = [0, 1].map((i) => text.slice(text.indexOf(headings[i]), text.indexOf(headings[i + 1])));
    expect(people).toEqual([
      `${nl.list.people} (3)`,
      'Fatima',
      `${nl.personKind['professional-team']}`,
      `wondzorg — ${nl.levelShort['can-explain']}`,
      'Sam',
      `${nl.personKind['professional-team']}`,
      `wondzorg — ${nl.list.nominatedBy.replace('{{names}}', 'Fatima')}`,
      'Sanne',
      expect.stringMatching(new RegExp(`^${nl.personKind.student} · `)),
      nl.list.noneYet,
    ]);
    expect(skills[0]).toBe(`${nl.list.skills} (2)`);
    expect(skills[1]).toBe('injecteren');
    expect(skills[2]).toContain(` · ${nl.list.reserved}`);
    expect(skills[3]).toBe(nl.list.nobodyYet);
    expect(skills.slice(4, 6)).toEqual(['wondzorg', expect.any(String)]);
    // Holders come in the index's order (by id), not by name.
    expect(skills.slice(6).sort()).toEqual([`Fatima — ${nl.levelShort['can-explain']}`, `Sam — ${nl.list.nominatedBy.replace('{{names}}', 'Fatima')}`]);
  });

  it('does stop naming who nominated a person once the nominee declines', () => {
    const { doc, fatima, sam, wondzorg } = createTeam({ people: { fatima: 'Fatima', sam: 'Sam' }, skills: { wondzorg: 'wondzorg' } });
    const nomination = linkSkill(doc, { personId: sam, skillId: wondzorg, actorId: fatima });
    respondToNomination(doc, nomination, 'declined', sam);
    expect(listText(doc)).not.toContain(`wondzorg — ${nl.list.nominatedBy.replace('{{names}}', 'Fatima')}`);
  });
});
