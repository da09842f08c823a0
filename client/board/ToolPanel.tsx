import { useMemo, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../shared/docSchema.ts';
import type { SkillIndex } from '../../shared/skillIndex.ts';
import { searchSkills } from '../../shared/skillSearch.ts';
import { CoverageView } from '../components/CoverageView.tsx';
import { HelpPanel } from '../components/HelpPanel.tsx';
import { Legend } from '../components/Legend.tsx';
import { QuestionFilterPanel } from '../components/QuestionFilterPanel.tsx';
import { ReactionsPanel } from '../components/ReactionsPanel.tsx';
import { SidePanel } from '../components/SidePanel.tsx';
import { SkillPalette, type PaletteSkill } from '../components/SkillPalette.tsx';
import type { PanelName } from './actions.ts';
import type { BoardWriter } from './boardWriter.ts';
import type { BoardLabels } from './useBoardLabels.ts';
import type { WorkspaceState } from './useWorkspaceState.ts';

interface Props {
  panel: PanelName;
  board: Board;
  /** Built while a panel that needs it is open (see useBoardHighlights). */
  skillIndex: SkillIndex | null;
  /** Skills students have asked about, for the palette's "from students" mark. */
  fromStudents: ReadonlySet<string> | null;
  /** A selected question card: "Wie kan helpen?" is about that one. */
  selectedQuestionId: string | null;
  editable: boolean;
  labels: BoardLabels;
  ui: WorkspaceState;
  writer: BoardWriter;
  /** The person card under a screen point, for dropping a skill from the palette. */
  personUnder(clientX: number, clientY: number): string | null;
  requestLink(skillId: string, personId: string): void;
  placeReaction(kind: Parameters<BoardWriter['addReaction']>[0]): void;
  onShow(id: string): void;
  onUnselect(): void;
  ref?: Ref<HTMLElement>;
}

/** The panel the view rail opened: palette, learning questions, reactions, help, coverage or legend. */
export function ToolPanel(props: Props) {
  const { panel, board, skillIndex, editable, labels, ui, writer, onShow, ref } = props;
  const { t } = useTranslation();
  const { nameOf, labelOf, skillName } = labels;
  const close = () => ui.setPanel(null);
  switch (panel) {
    case 'palette':
      return (
        <SidePanel ref={ref} name="palette" title={t('palette.title')} onClose={close}>
          <Palette {...props} />
        </SidePanel>
      );
    case 'questions':
      return (
        <SidePanel ref={ref} name="questions" title={t('filter.title')} onClose={close}>
          <QuestionFilterPanel questions={board.questions} studentName={nameOf} filter={ui.filter} onFilter={ui.setFilter} onShow={onShow} />
        </SidePanel>
      );
    case 'reactions':
      return (
        <SidePanel ref={ref} name="reactions" title={t('reactions.title')} onClose={close}>
          <ReactionsPanel reactions={board.reactions} authorName={(id) => (id ? nameOf(id) || null : null)} editable={editable} onAdd={props.placeReaction} onShow={onShow} />
        </SidePanel>
      );
    case 'help': {
      const questionId = props.selectedQuestionId ?? (board.questions.some((q) => q.id === ui.helpQuestionId) ? ui.helpQuestionId : null);
      return (
        <SidePanel ref={ref} name="help" title={t('help.title')} onClose={close}>
          <HelpPanel
            board={board}
            index={skillIndex!}
            labelOf={labelOf}
            nameOf={nameOf}
            editable={editable}
            questionId={questionId}
            onPickQuestion={(id) => {
              ui.setHelpQuestionId(id);
              if (id) onShow(id);
              else props.onUnselect();
            }}
            onAsk={(question, person) => writer.recordAsked(question, person)}
          />
        </SidePanel>
      );
    }
    case 'coverage':
      return (
        <SidePanel ref={ref} name="coverage" title={t('coverage.title')} onClose={close}>
          <CoverageView board={board} index={skillIndex!} labelOf={skillName} highlightedSkillId={ui.coverageSkill} onHighlight={ui.setCoverageSkill} />
        </SidePanel>
      );
    case 'legend':
      return (
        <SidePanel ref={ref} name="legend" title={t('legend.title')} onClose={close}>
          <Legend />
        </SidePanel>
      );
  }
}

function Palette({ board, fromStudents, editable, labels, ui, personUnder, requestLink }: Props) {
  const { labelOf } = labels;
  const { query } = ui;
  const skills = useMemo<PaletteSkill[]>(
    () =>
      searchSkills(board.skills, query).map(({ skill, via }) => {
        const label = labelOf(skill);
        return { id: skill.id, label, category: skill.category, reserved: skill.reservedAct, fromStudent: !!fromStudents?.has(skill.id), ...(via && via !== label ? { via } : {}) };
      }),
    [board.skills, query, labelOf, fromStudents],
  );
  return (
    <SkillPalette
      skills={skills}
      total={board.skills.length}
      query={query}
      onQuery={ui.setQuery}
      armedId={ui.armedSkill}
      onArm={ui.setArmedSkill}
      editable={editable}
      onDragMove={(_, x, y) => ui.setPaletteTarget(personUnder(x, y))}
      onDrop={(skillId, x, y) => {
        ui.setPaletteTarget(null);
        const personId = personUnder(x, y);
        if (personId) requestLink(skillId, personId);
      }}
      onDragCancel={() => ui.setPaletteTarget(null)}
    />
  );
}
