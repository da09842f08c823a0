import { useCallback, useEffect, useRef } from 'react';
import type { Board } from '../../shared/docSchema.ts';
import type { SkillLevel } from '../../shared/records/skillLink.ts';
import type { BoardWriter } from './boardWriter.ts';
import type { WorkspaceState } from './useWorkspaceState.ts';

/**
 * Linking a skill to a person: your own card asks for your level (the level picker), a
 * colleague's card gets a nomination from you, and a guest links on the person's behalf.
 */
export function useLinking(board: Board | null, meId: string | null, writer: BoardWriter, ui: WorkspaceState) {
  const { levelPick, setLevelPick, chipPopover, setChipPopover } = ui;
  const requestLink = useCallback(
    (skillId: string, personId: string) => {
      if (personId !== meId || !meId) {
        writer.linkSkill(skillId, personId, meId);
        return;
      }
      const existing = board?.skillLinks.find((l) => l.personId === meId && l.skillId === skillId && l.source === 'self');
      setLevelPick({ personId, skillId, ...(existing ? { linkId: existing.id } : {}) });
    },
    [meId, board, writer, setLevelPick],
  );
  const requestLinkRef = useRef(requestLink);
  requestLinkRef.current = requestLink;
  /** Stable, for the canvas. */
  const onLinkSkill = useCallback((skillId: string, personId: string) => requestLinkRef.current(skillId, personId), []);

  const saveLevel = (level: SkillLevel, authorisedAndCompetent: boolean) => {
    const pick = levelPick;
    setLevelPick(null);
    if (!pick || !meId) return;
    writer.claimOwnLevel({ personId: pick.personId, skillId: pick.skillId, level, authorisedAndCompetent, actorId: meId });
  };

  // Own chip → level picker; any other chip → the popover (gone with its link).
  const links = board?.skillLinks;
  useEffect(() => {
    if (!chipPopover || !links) return;
    const link = links.find((l) => l.id === chipPopover.linkId);
    if (!link) setChipPopover(null);
    else if (link.source === 'self' && meId && link.personId === meId) {
      setChipPopover(null);
      setLevelPick({ personId: meId, skillId: link.skillId, linkId: link.id });
    }
  }, [chipPopover, links, meId, setChipPopover, setLevelPick]);

  return { requestLink, onLinkSkill, saveLevel };
}
