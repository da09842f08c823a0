import { useTranslation } from 'react-i18next';
import type { Board } from '../../shared/docSchema.ts';
import type { SkillHolder, SkillIndex } from '../../shared/skillIndex.ts';
import { activeNominations } from '../../shared/records/skillLink.ts';

interface Props {
  board: Board;
  index: SkillIndex;
  nameOf(personId: string): string;
  skillName(skillId: string): string;
}

/**
 * The whole board as plain, structured HTML: an alternative to the canvas for screen
 * readers, keyboards and small screens. Headings to jump between, lists and a table.
 */
export function BoardListView({ board, index, nameOf, skillName }: Props) {
  const { t, i18n } = useTranslation();
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl');
  const people = board.people.map((p) => ({ id: p.id, name: nameOf(p.id), kind: p.kind, student: p.student })).sort(byName);
  const skills = board.skills.map((s) => ({ id: s.id, name: skillName(s.id), category: s.category, reserved: s.reservedAct })).sort(byName);

  /** "kan ik uitleggen · genomineerd door Fatima" */
  const holderText = (h: SkillHolder) => {
    const parts: string[] = [];
    if (h.selfLevel) parts.push(t(`levelShort.${h.selfLevel}`));
    const nominations = activeNominations(h.nominations);
    if (nominations.length > 0) {
      const names = nominations.map((n) => (n.nominatedBy ? nameOf(n.nominatedBy) : '')).filter(Boolean);
      parts.push(names.length ? t('list.nominatedBy', { names: [...new Set(names)].join(', ') }) : t('list.nominated'));
    }
    return parts.join(' · ');
  };

  return (
    <main className="list-view" lang={i18n.language} aria-labelledby="list-view-title">
      <h1 id="list-view-title" className="list-view-title">
        {t('list.title')}
      </h1>

      <CardSection
        headingId="list-people"
        title={t('list.people')}
        empty={t('list.noPeople')}
        noHolders={t('list.noneYet')}
        cards={people.map((person) => ({
          id: person.id,
          dataAttribute: { 'data-person-id': person.id },
          name: person.name,
          details: [
            t(`personKind.${person.kind}`),
            person.student && t('card.studentDetails', { year: person.student.year, level: t(`studentLevelShort.${person.student.level}`) }),
          ],
          holdersLabel: t('list.personSkills', { name: person.name }),
          holders: (index.byPerson.get(person.id) ?? []).map((h) => ({ id: h.skillId, name: skillName(h.skillId), text: holderText(h) })),
        }))}
      />

      <CardSection
        headingId="list-skills"
        title={t('list.skills')}
        empty={t('list.noSkills')}
        noHolders={t('list.nobodyYet')}
        cards={skills.map((skill) => {
          const coverage = index.coverage.get(skill.id);
          return {
            id: skill.id,
            dataAttribute: { 'data-skill-id': skill.id },
            name: skill.name,
            details: [
              t(`skillCategory.${skill.category}`),
              skill.reserved && t('list.reserved'),
              coverage && t('list.askable', { count: coverage.askable }),
              coverage && coverage.risk !== 'covered' && t(`coverage.${coverage.risk}`),
            ],
            holdersLabel: t('list.skillPeople', { skill: skill.name }),
            holders: (index.bySkill.get(skill.id) ?? []).map((h) => ({ id: h.personId, name: nameOf(h.personId), text: holderText(h) })),
          };
        })}
      />

      <section aria-labelledby="list-questions">
        <h2 id="list-questions">
          {t('list.questions')} <span className="list-count">({board.questions.length})</span>
        </h2>
        {board.questions.length === 0 ? (
          <p className="muted">{t('list.noQuestions')}</p>
        ) : (
          <table className="list-table">
            <caption className="sr-only">{t('list.questions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('list.student')}</th>
                <th scope="col">{t('list.question')}</th>
                <th scope="col">{t('list.questionStatus')}</th>
                <th scope="col">{t('list.questionSkills')}</th>
              </tr>
            </thead>
            <tbody>
              {board.questions.map((q) => (
                <tr key={q.id}>
                  <td data-label={t('list.student')}>{nameOf(q.studentId)}</td>
                  <td data-label={t('list.question')}>{q.text}</td>
                  <td data-label={t('list.questionStatus')}>{t(`questionStatus.${q.status}`)}</td>
                  <td data-label={t('list.questionSkills')}>{q.skillIds.map(skillName).filter(Boolean).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}

/** One card in a people or skills section, with what it is and who or what it holds. */
interface ListCard {
  id: string;
  /** `data-person-id` or `data-skill-id`: how tests and the canvas find the card again. */
  dataAttribute: Record<string, string>;
  name: string;
  /** The parts of the line under the name; falsy parts are left out. */
  details: (string | false | undefined)[];
  holdersLabel: string;
  holders: { id: string; name: string; text: string }[];
}

/** A section of cards (people, or skills): the same structure both ways, so they read alike. */
function CardSection({ headingId, title, empty, noHolders, cards }: { headingId: string; title: string; empty: string; noHolders: string; cards: ListCard[] }) {
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} <span className="list-count">({cards.length})</span>
      </h2>
      {cards.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="list-cards">
          {cards.map((card) => (
            <li key={card.id} className="list-card" {...card.dataAttribute}>
              <h3>{card.name}</h3>
              <p className="muted">{card.details.filter(Boolean).join(' · ')}</p>
              {card.holders.length === 0 ? (
                <p className="muted">{noHolders}</p>
              ) : (
                <ul aria-label={card.holdersLabel} className="list-items">
                  {card.holders.map((h) => (
                    <li key={h.id}>
                      <span className="list-item-name">{h.name}</span>
                      {h.text && <span className="list-item-meta"> — {h.text}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
