import { useEffect, useState } from 'react';
import type { PersonKind } from '../../shared/records/person.ts';
import type { SkillCategory } from '../../shared/records/skill.ts';
import type { Point } from '../model/layout.ts';
import { NO_FILTER, type QuestionFilter } from '../model/questionFilter.ts';
import type { DialogName, PanelName } from './actions.ts';

export interface LevelPick {
  personId: string;
  skillId: string;
  /** The own link being changed; absent for a new claim. */
  linkId?: string;
}

/** What is open around the board: dialogs, panels, modes, pickers. None of it is on the board itself. */
export function useWorkspaceState() {
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const [panel, setPanel] = useState<PanelName | null>(null);
  const [studentsOn, setStudentsOn] = useState(false);
  /** "Wie kan helpen?": the question picked in the panel (a selected question card wins). */
  const [helpQuestionId, setHelpQuestionId] = useState<string | null>(null);
  /** Coverage view: the skill whose people are outlined on the board. */
  const [coverageSkill, setCoverageSkill] = useState<string | null>(null);
  /** The accessible list instead of the canvas. */
  const [listMode, setListMode] = useState(false);
  const [filter, setFilter] = useState<QuestionFilter>(NO_FILTER);
  const [query, setQuery] = useState('');
  /** Tap-to-link: the skill picked in the palette, linked by the next tap on a person. */
  const [armedSkill, setArmedSkill] = useState<string | null>(null);
  /** The person a skill dragged from the palette would land on. */
  const [paletteTarget, setPaletteTarget] = useState<string | null>(null);
  const [levelPick, setLevelPick] = useState<LevelPick | null>(null);
  const [chipPopover, setChipPopover] = useState<{ linkId: string; at: Point } | null>(null);
  const [lastKind, setLastKind] = useState<PersonKind>('professional-team');
  const [lastCategory, setLastCategory] = useState<SkillCategory>('zorgverlener');
  const [bigScreen, setBigScreen] = useState(false);
  const [sessionOpen, setSessionOpen] = useState(false);
  return {
    dialog, setDialog, panel, setPanel, studentsOn, setStudentsOn, helpQuestionId, setHelpQuestionId,
    coverageSkill, setCoverageSkill, listMode, setListMode, filter, setFilter, query, setQuery,
    armedSkill, setArmedSkill, paletteTarget, setPaletteTarget, levelPick, setLevelPick, chipPopover, setChipPopover,
    lastKind, setLastKind, lastCategory, setLastCategory, bigScreen, setBigScreen, sessionOpen, setSessionOpen,
  };
}

export type WorkspaceState = ReturnType<typeof useWorkspaceState>;

/** A save that failed, and the last deletion (undoable from its toast while it is still the newest own edit). */
export function useToasts() {
  const [problem, setProblem] = useState<string | null>(null);
  const [deletion, setDeletion] = useState<{ item: unknown } | null>(null);
  useEffect(() => {
    if (!problem) return;
    const timer = setTimeout(() => setProblem(null), 6000);
    return () => clearTimeout(timer);
  }, [problem]);
  useEffect(() => {
    if (!deletion) return;
    const timer = setTimeout(() => setDeletion(null), 10_000);
    return () => clearTimeout(timer);
  }, [deletion]);
  return { problem, setProblem, deletion, setDeletion };
}

export type Toasts = ReturnType<typeof useToasts>;
