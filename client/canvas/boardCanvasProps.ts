import type { ReactNode, Ref } from 'react';
import type Konva from './konva.ts';
import type { BoardView } from './boardView.ts';
import type { Point } from '../model/layout.ts';
import type { Viewport } from './viewport.ts';

export interface CardMove {
  id: string;
  x: number;
  y: number;
}

export interface BoardCanvasProps {
  width: number;
  height: number;
  view: BoardView;
  viewport: Viewport;
  selectedIds: ReadonlySet<string>;
  editingId: string | null;
  editable: boolean;
  texts: { noSkills: string; removeSkill: string; reserved: string };
  /** A skill dragged in from the palette is over this person: dropping links it. */
  externalDropTargetId: string | null;
  /** "Van studenten": skills students bring in; null when off. */
  studentSkills: ReadonlySet<string> | null;
  /** Question cards the filter leaves out. */
  dimmedIds: ReadonlySet<string> | null;
  /** Person cards outlined (e.g. the people of a skill picked in the coverage view); null when none. */
  highlightedIds?: ReadonlySet<string> | null;
  stageRef?: Ref<Konva.Stage>;
  /** Drawn on top of the cards (presence, highlights), on a layer that does not listen: groups, not layers. */
  overlay?: ReactNode;
  onViewportChange(viewport: Viewport): void;
  /** A card (or pair) was pressed; `additive` (Shift) toggles it in the selection. null: empty space. */
  onSelect(id: string | null, additive: boolean): void;
  /** Shift-drag on empty space drew a box around these cards. */
  onSelectBox(ids: string[]): void;
  onEdit(id: string): void;
  /** One or more cards were dragged: one write for all of them. False when it was refused. */
  onMoveCards(moves: CardMove[]): boolean;
  onLinkSkill(skillId: string, personId: string): void;
  onUnlink(linkId: string): void;
  /** A chip's body was clicked; `at` is the pointer in stage (CSS pixel) coordinates. */
  onChipClick(linkId: string, at: Point): void;
}
