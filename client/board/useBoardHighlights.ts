import { useMemo } from 'react';
import type { Board } from '../../shared/docSchema.ts';
import { studentSkillIds } from '../../shared/skillIndex.ts';
import { useSkillIndex } from '../hooks/useSkillIndex.ts';
import { useStableSet } from '../hooks/useStableSet.ts';
import { dimmedQuestionIds } from '../model/questionFilter.ts';
import type { WorkspaceState } from './useWorkspaceState.ts';

/** What the open panel or mode marks on the board, and the skill index it needs (only then). */
export function useBoardHighlights(board: Board | null, ui: WorkspaceState) {
  const { panel, studentsOn, listMode, coverageSkill, filter } = ui;
  const skillIndex = useSkillIndex(board, studentsOn || listMode || panel === 'palette' || panel === 'help' || panel === 'coverage');
  const highlightedIds = useStableSet(
    useMemo(
      () => (panel === 'coverage' && coverageSkill && skillIndex ? new Set((skillIndex.bySkill.get(coverageSkill) ?? []).map((h) => h.personId)) : null),
      [panel, coverageSkill, skillIndex],
    ),
  );
  const fromStudents = useMemo(() => (skillIndex ? studentSkillIds(skillIndex) : null), [skillIndex]);
  const studentSkills = useStableSet(studentsOn ? fromStudents : null);
  const questions = board?.questions;
  const dimmedIds = useStableSet(useMemo(() => (questions ? dimmedQuestionIds(questions, filter) : null), [questions, filter]));

  return { skillIndex, highlightedIds, fromStudents, studentSkills, dimmedIds };
}

export type BoardHighlights = ReturnType<typeof useBoardHighlights>;
