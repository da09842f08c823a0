import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../shared/docSchema.ts';
import type { Skill } from '../../shared/records/skill.ts';
import type { ViewLabels } from '../canvas/boardView.ts';
import { rememberTranslations } from '../i18n/rememberTranslations.ts';
import { templateSkillLabel } from '../../shared/templates/templateNames.ts';

/** The words the canvas and the panels show for the board's people and skills, in the current language. */
export function useBoardLabels(board: Board | null) {
  const { t: translate, i18n } = useTranslation();
  const t = useMemo(() => rememberTranslations(translate), [translate, i18n.language]);
  const people = board?.people;
  const skills = board?.skills;
  const peopleById = useMemo(() => new Map((people ?? []).map((p) => [p.id, p])), [people]);
  const skillsById = useMemo(() => new Map((skills ?? []).map((s) => [s.id, s])), [skills]);
  const nameOf = useCallback(
    (id: string | undefined | null) => {
      const p = id ? peopleById.get(id) : undefined;
      return p ? p.name || t(`personKind.${p.kind}`) : '';
    },
    [peopleById, t],
  );
  const labelOf = useCallback((skill: Skill) => templateSkillLabel(skill, i18n.language), [i18n.language]);
  const skillName = useCallback(
    (id: string) => {
      const s = skillsById.get(id);
      return s ? labelOf(s) : '';
    },
    [skillsById, labelOf],
  );

  const labels = useMemo<ViewLabels>(
    () => ({
      personKind: (kind) => t(`personKind.${kind}`),
      unnamedRole: () => t('card.unnamedRole'),
      studentDetails: (year, level) => t('card.studentDetails', { year, level: t(`studentLevelShort.${level}`) }),
      you: () => t('card.you'),
      nominatedBy: (name) => t('card.nominatedBy', { name }),
      skillMeta: (category, count) =>
        count > 0 ? `${t(`skillCategory.${category}`)} · ${t('card.peopleCount', { count })}` : t(`skillCategory.${category}`),
      skillLabel: (skill) => templateSkillLabel(skill, i18n.language),
      levelShort: (level) => t(`levelShort.${level}`),
      chipGroup: (group) => (group === 'self' ? t('card.groupSelf') : t('card.groupNominated')),
      questionKicker: (name) => t('question.kicker', { name }),
      theme: (kind, label) => (label.trim() ? `${t(`themeKind.${kind}`)} · ${label.trim()}` : t(`themeKind.${kind}`)),
      questionStep: (status, step, total) => t('question.step', { step, total, name: t(`questionStatus.${status}`) }),
      emptyQuestion: () => t('question.empty'),
      answer: (text) => t('question.answerPrefix', { text }),
      helpedBy: (name) => t('question.helpedBy', { name }),
      reactionKind: (kind) => t(`reactionKind.${kind}`),
      reactionAuthor: (name) => t('reactions.author', { name }),
      emptyReaction: () => t('reactions.empty'),
    }),
    [t, i18n.language],
  );
  const texts = useMemo(() => ({ noSkills: t('card.noSkills'), removeSkill: t('card.removeSkill'), reserved: t('card.reserved') }), [t]);
  return { t, labels, texts, peopleById, skillsById, nameOf, labelOf, skillName };
}

export type BoardLabels = ReturnType<typeof useBoardLabels>;
