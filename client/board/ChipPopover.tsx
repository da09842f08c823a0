import type { Board } from '../../shared/docSchema.ts';
import { effectiveLevel } from '../../shared/records/skillLink.ts';
import type { Point } from '../model/layout.ts';
import { ChipDetails } from '../components/ChipDetails.tsx';
import type { BoardWriter } from './boardWriter.ts';
import type { BoardLabels } from './useBoardLabels.ts';

interface Props {
  at: Point;
  linkId: string;
  board: Board;
  meId: string | null;
  editable: boolean;
  labels: BoardLabels;
  writer: BoardWriter;
  onRespond(linkId: string, answer: 'accepted' | 'declined'): void;
  onJoin(): void;
  onClose(): void;
}

/** What a chip on someone else's card means, beside the chip (an own chip opens the level picker instead). */
export function ChipPopover({ at, linkId, board, meId, editable, labels, writer, onRespond, onJoin, onClose }: Props) {
  const link = board.skillLinks.find((l) => l.id === linkId);
  if (!link || (link.source === 'self' && meId && link.personId === meId)) return null;
  const skill = labels.skillsById.get(link.skillId);
  return (
    <ChipDetails
      at={at}
      link={link}
      skillLabel={labels.skillName(link.skillId)}
      level={skill ? effectiveLevel(link, skill) : undefined}
      nameOf={labels.nameOf}
      backers={board.endorsements.filter((e) => e.linkId === link.id).map((e) => e.personId)}
      meId={meId}
      editable={editable}
      onRespond={(answer) => {
        onRespond(link.id, answer);
        onClose();
      }}
      onToggleBacking={() => meId && writer.toggleBacking(link.id, meId)}
      onRemove={() => {
        onClose();
        writer.unlink(link.id);
      }}
      onJoin={() => {
        onClose();
        onJoin();
      }}
      onClose={onClose}
    />
  );
}
