import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../shared/docSchema.ts';
import { matchQuestion, whoCanHelp } from '../../shared/matching.ts';
import type { ReasonLanguage } from '../../shared/matchReasons.ts';
import type { Skill } from '../../shared/records/skill.ts';
import type { SkillIndex } from '../../shared/skillIndex.ts';
import { searchSkills } from '../../shared/skillSearch.ts';
import { helperRows, matchGroups, type HelperRow } from '../model/helpModel.ts';
import type { AskOption } from '../../shared/records/learningQuestion.ts';
import { pendingNominees } from '../../shared/skillIndex.ts';
import { Icon } from './Icon.tsx';
import { SearchField } from './SearchField.tsx';

interface Props {
  board: Board;
  index: SkillIndex;
  labelOf(skill: Skill): string;
  nameOf(personId: string): string;
  editable: boolean;
  /** The learning question whose matches are shown (selected card or picked here). */
  questionId: string | null;
  onPickQuestion(questionId: string | null): void;
  /** Records the ask; false when it was refused (the hint then explains). */
  onAsk(questionId: string, personId: string): boolean;
}

const MAX_SKILLS = 6;

/**
 * "Wie kan helpen?": type a skill and see whom to ask, or pick a learning question and
 * see its matches — fellow students first, then professionals — with the reason in plain
 * language, and note with one click whom the student asked.
 */
export function HelpPanel({ board, index, labelOf, nameOf, editable, questionId, onPickQuestion, onAsk }: Props) {
  const { t, i18n } = useTranslation();
  const lang: ReasonLanguage = i18n.language === 'en' ? 'en' : 'nl';
  const [query, setQuery] = useState('');
  const [skillId, setSkillId] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const kinds = useMemo(() => new Map(board.people.map((p) => [p.id, p.kind])), [board]);
  const kindOf = (id: string) => kinds.get(id);

  const question = questionId ? board.questions.find((q) => q.id === questionId) : undefined;

  const found = useMemo(() => (query.trim() ? searchSkills(board.skills, query).slice(0, MAX_SKILLS) : []), [board.skills, query]);
  // Typing shows the best match straight away; a click picks another one.
  const shownSkill = found.find((m) => m.skill.id === skillId) ?? found[0];
  const helpers = useMemo<HelperRow[]>(
    () => (shownSkill ? helperRows(whoCanHelp(board, index, shownSkill.skill.id, Date.now()), kindOf, nameOf, lang) : []),
    [board, index, shownSkill?.skill.id, nameOf, lang],
  );

  if (question) {
    const matches = matchQuestion(board, index, question.id, Date.now());
    const groups = matches ? matchGroups(matches, question.status, kindOf, nameOf, lang) : { peers: [], professionals: [] };
    const student = nameOf(question.studentId);
    const ask = (personId: string) => {
      if (onAsk(question.id, personId)) setRecorded(t('help.recorded', { name: nameOf(personId) }));
    };
    return (
      <div className="help-panel">
        <button type="button" className="button button-small help-back" onClick={() => (setRecorded(null), onPickQuestion(null))}>
          <Icon name="back" size={18} />
          <span>{t('help.back')}</span>
        </button>
        <div className="help-question">
          <h3>{t('help.matchesFor', { name: student })}</h3>
          <p className="help-question-text">{question.text}</p>
          <p className="muted">
            {t('help.step', { status: t(`questionStatus.${question.status}`) })}
            {question.skillIds.length > 0 && ` · ${question.skillIds.map((id) => board.skills.find((s) => s.id === id)).filter((s): s is Skill => !!s).map(labelOf).join(', ')}`}
          </p>
        </div>
        {!editable && <p className="help-hint">{t('help.readOnly')}</p>}
        <MatchGroup title={t('help.peers')} label={t('help.peersLabel')} empty={t('help.noPeers')} rows={groups.peers} editable={editable} onAsk={ask} kindLabel={(k) => t(`personKind.${k}`)} />
        <MatchGroup
          title={t('help.professionals')}
          label={t('help.professionalsLabel')}
          empty={t('help.noProfessionals')}
          rows={groups.professionals}
          editable={editable}
          onAsk={ask}
          kindLabel={(k) => t(`personKind.${k}`)}
        />
        <p className="sr-only" role="status">
          {recorded}
        </p>
        {recorded && (
          <p className="help-recorded" aria-hidden="true">
            <Icon name="check" size={18} /> {recorded}
          </p>
        )}
      </div>
    );
  }

  const open = board.questions.filter((q) => q.status !== 'answered');
  const pending = shownSkill ? pendingNominees(index, shownSkill.skill.id) : [];
  return (
    <div className="help-panel">
      <SearchField
        label={t('help.search')}
        value={query}
        onChange={(value) => {
          setQuery(value);
          setSkillId(null);
        }}
      />
      {!query.trim() && <p className="muted">{t('help.pickSkill')}</p>}
      {query.trim() && found.length === 0 && <p className="muted">{t('help.noSkill', { query })}</p>}
      {found.length > 0 && (
        <ul className="help-skills" aria-label={t('help.skillsLabel')}>
          {found.map(({ skill, via }) => {
            const label = labelOf(skill);
            return (
              <li key={skill.id}>
                <button type="button" className="help-skill" aria-pressed={shownSkill?.skill.id === skill.id} onClick={() => setSkillId(skill.id)}>
                  {label}
                  {via && via !== label && <span className="help-skill-via"> {t('help.via', { name: via })}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {shownSkill && (
        <section className="help-helpers" aria-labelledby="help-helpers-heading">
          <h3 id="help-helpers-heading">{t('help.helpersFor', { skill: labelOf(shownSkill.skill) })}</h3>
          {helpers.length === 0 ? (
            <p className="muted">{t('help.nobody')}</p>
          ) : (
            <ol className="help-people" aria-label={t('help.helpersLabel', { skill: labelOf(shownSkill.skill) })}>
              {helpers.map((row) => (
                <li key={row.personId} className="help-person">
                  <span className="help-person-name">{row.name}</span>
                  {row.kind && <span className="help-person-kind">{t(`personKind.${row.kind}`)}</span>}
                  {row.reason && <span className="help-person-reason">{row.reason}</span>}
                </li>
              ))}
            </ol>
          )}
          {pending.length > 0 && (
            <>
              <h4 className="help-pending-heading">{t('help.pending')}</h4>
              <ul className="help-people help-pending" aria-label={t('help.pendingLabel', { skill: labelOf(shownSkill.skill) })}>
                {pending.map((p) => (
                  <li key={p.personId} className="help-person">
                    <span className="help-person-name">{nameOf(p.personId)}</span>
                    <span className="help-person-reason">
                      {p.nominatedBy.length > 0 ? t('help.pendingBy', { names: p.nominatedBy.map(nameOf).join(', ') }) : t('list.nominated')}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <section className="help-questions" aria-labelledby="help-questions-heading">
        <h3 id="help-questions-heading">{t('help.questionsHeading')}</h3>
        {open.length === 0 ? (
          <p className="muted">{t('help.noQuestions')}</p>
        ) : (
          <ul className="help-question-list" aria-label={t('help.questionsLabel')}>
            {open.map((q) => (
              <li key={q.id}>
                <button type="button" className="help-question-button" onClick={() => onPickQuestion(q.id)}>
                  <span className="help-question-button-text">{q.text}</span>
                  <span className="muted">{t('help.questionMeta', { name: nameOf(q.studentId), status: t(`questionStatus.${q.status}`) })}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

interface GroupProps {
  title: string;
  label: string;
  empty: string;
  rows: Array<HelperRow & { ask: AskOption }>;
  editable: boolean;
  onAsk(personId: string): void;
  kindLabel(kind: string): string;
}

function MatchGroup({ title, label, empty, rows, editable, onAsk, kindLabel }: GroupProps) {
  const { t } = useTranslation();
  return (
    <section className="help-group">
      <h4>{title}</h4>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol className="help-people" aria-label={label}>
          {rows.map((row) => (
            <li key={row.personId} className="help-person">
              <span className="help-person-name">{row.name}</span>
              {row.kind && <span className="help-person-kind">{kindLabel(row.kind)}</span>}
              {row.reason && <span className="help-person-reason">{row.reason}</span>}
              {editable &&
                (row.ask.allowed ? (
                  <button type="button" className="button button-small help-ask" aria-label={t('help.askedLabel', { name: row.name })} onClick={() => onAsk(row.personId)}>
                    <Icon name="check" size={16} />
                    <span>{t('help.asked')}</span>
                  </button>
                ) : (
                  <span className="help-ask-hint">{t(`help.${row.ask.block}`)}</span>
                ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
