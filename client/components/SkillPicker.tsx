import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Skill } from '../../shared/records/skill.ts';
import { QUESTION_SKILLS_MAX } from '../../shared/records/learningQuestion.ts';
import { searchSkills } from '../../shared/skillSearch.ts';
import { Icon } from './Icon.tsx';
import { SearchField } from './SearchField.tsx';

interface Props {
  skills: readonly Skill[];
  /** The label to show (a template skill in the reader's language). */
  labelOf(skill: Skill): string;
  /** Other names to search by, e.g. the template label in the other language. */
  selected: readonly string[];
  onChange(ids: string[]): void;
  max?: number;
}

const SHOWN = 8;

/** Tag a learning question with skills: search like the palette, tick to add, × to remove. */
export function SkillPicker({ skills, labelOf, selected, onChange, max = QUESTION_SKILLS_MAX }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const byId = useMemo(() => new Map(skills.map((s) => [s.id, s])), [skills]);
  const results = useMemo(() => searchSkills(skills, query).slice(0, SHOWN), [skills, query]);
  const toggle = (skillId: string) =>
    onChange(selected.includes(skillId) ? selected.filter((s) => s !== skillId) : selected.length < max ? [...selected, skillId] : [...selected]);

  return (
    <div className="skill-picker">
      <span className="field-label" id={`${id}-label`}>
        {t('question.skills')}
      </span>
      <ul className="picked-skills" aria-labelledby={`${id}-label`}>
        {selected.length === 0 && <li className="muted">{t('question.noSkills')}</li>}
        {selected.map((skillId) => {
          const skill = byId.get(skillId);
          if (!skill) return null;
          return (
            <li key={skillId} className="picked-skill">
              <span>{labelOf(skill)}</span>
              <button type="button" className="picked-remove" aria-label={t('question.removeSkill', { skill: labelOf(skill) })} onClick={() => toggle(skillId)}>
                <Icon name="close" size={16} />
              </button>
            </li>
          );
        })}
      </ul>
      <SearchField label={t('question.skillSearch')} value={query} onChange={setQuery} />
      <ul className="skill-results">
        {results.map(({ skill }) => (
          <li key={skill.id}>
            <label className="skill-result">
              <input type="checkbox" checked={selected.includes(skill.id)} onChange={() => toggle(skill.id)} />
              <span>{labelOf(skill)}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
