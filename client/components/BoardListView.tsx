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

      <section aria-labelledby="list-people">
        <h2 id="list-people">
          {t('list.people')} <span className="list-count">({people.length})</span>
        </h2>
        {people.length === 0 ? (
          <p className="muted">{t('list.noPeople')}</p>
        ) : (
          <ul className="list-cards">
            {people.map((person) => {
              const holders = index.byPerson.get(person.id) ?? [];
              return (
                <li key={person.id} className="list-card" data-person-id={person.id}>
                  <h3>{person.name}</h3>
                  <p className="muted">
                    {t(`personKind.${person.kind}`)}
                    {person.student && ` · ${t('card.studentDetails', { year: person.student.year, level: t(`studentLevelShort.${person.student.level}`) })}`}
                  </p>
                  {holders.length === 0 ? (
                    <p className="muted">{t('list.noneYet')}</p>
                  ) : (
                    <ul aria-label={t('list.personSkills', { name: person.name })} className="list-items">
                      {holders.map((h) => (
                        <li key={h.skillId}>
                          <span className="list-item-name">{skillName(h.skillId)}</span>
                          {holderText(h) && <span className="list-item-meta"> — {holderText(h)}</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="list-skills">
        <h2 id="list-skills">
          {t('list.skills')} <span className="list-count">({skills.length})</span>
        </h2>
        {skills.length === 0 ? (
          <p className="muted">{t('list.noSkills')}</p>
        ) : (
          <ul className="list-cards">
            {skills.map((skill) => {
              const holders = index.bySkill.get(skill.id) ?? [];
              const coverage = index.coverage.get(skill.id);
              return (
                <li key={skill.id} className="list-card" data-skill-id={skill.id}>
                  <h3>{skill.name}</h3>
                  <p className="muted">
                    {t(`skillCategory.${skill.category}`)}
                    {skill.reserved && ` · ${t('list.reserved')}`}
                    {coverage && ` · ${t('list.askable', { count: coverage.askable })}`}
                    {coverage && coverage.risk !== 'covered' && ` · ${t(`coverage.${coverage.risk}`)}`}
                  </p>
                  {holders.length === 0 ? (
                    <p className="muted">{t('list.nobodyYet')}</p>
                  ) : (
                    <ul aria-label={t('list.skillPeople', { skill: skill.name })} className="list-items">
                      {holders.map((h) => (
                        <li key={h.personId}>
                          <span className="list-item-name">{nameOf(h.personId)}</span>
                          {holderText(h) && <span className="list-item-meta"> — {holderText(h)}</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

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
