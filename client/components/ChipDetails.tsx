import { useTranslation } from 'react-i18next';
import type { SkillLevel, SkillLink } from '../../shared/records/skillLink.ts';
import { ChipPopover } from './ChipPopover.tsx';

interface Props {
  at: { x: number; y: number };
  link: SkillLink;
  skillLabel: string;
  /** The level that counts, for an own claim. */
  level?: SkillLevel;
  nameOf(personId: string | undefined): string;
  /** Person ids of colleagues backing this nomination. */
  backers: string[];
  meId: string | null;
  editable: boolean;
  onRespond(answer: 'accepted' | 'declined'): void;
  onToggleBacking(): void;
  onRemove(): void;
  onJoin(): void;
  onClose(): void;
}

/**
 * What a chip on someone's card means, and what the current participant can do with it:
 * the nominee accepts or declines, other colleagues back it (+1), a guest is asked to
 * say who they are first.
 */
export function ChipDetails({ at, link, skillLabel, level, nameOf, backers, meId, editable, onRespond, onToggleBacking, onRemove, onJoin, onClose }: Props) {
  const { t } = useTranslation();
  const person = nameOf(link.personId);
  const remove = editable ? (
    <button type="button" className="button button-danger" onClick={onRemove}>
      {t('chip.remove')}
    </button>
  ) : null;

  if (link.source === 'self') {
    const line = level ? t('chip.ownClaim', { name: person, level: t(`skillLevel.${level}`) }) : t('chip.noLevel', { name: person });
    return (
      <ChipPopover at={at} title={skillLabel} lines={[line]} onClose={onClose}>
        {remove}
      </ChipPopover>
    );
  }

  const response = link.response ?? 'pending';
  const lines = [
    link.nominatedBy ? t('chip.nominatedBy', { by: nameOf(link.nominatedBy), name: person }) : t('chip.nominated', { name: person }),
    t(`chip.${response}`, { name: person }),
    backers.length ? t('chip.backers', { count: backers.length, names: backers.map((id) => nameOf(id)).join(', ') }) : t('chip.noBackers'),
  ];
  const isNominee = !!meId && meId === link.personId;
  const isNominator = !!meId && meId === link.nominatedBy;
  const canBack = !!meId && !isNominee && !isNominator;
  const backed = !!meId && backers.includes(meId);
  return (
    <ChipPopover at={at} title={skillLabel} lines={lines} onClose={onClose}>
      {editable && isNominee && (
        <>
          <button type="button" className="button button-primary" aria-pressed={response === 'accepted'} onClick={() => onRespond('accepted')}>
            {t('chip.accept')}
          </button>
          <button type="button" className="button" aria-pressed={response === 'declined'} onClick={() => onRespond('declined')}>
            {t('chip.decline')}
          </button>
        </>
      )}
      {editable && canBack && (
        <button type="button" className={`button ${backed ? '' : 'button-primary'}`} aria-pressed={backed} onClick={onToggleBacking}>
          {backed ? t('chip.unback') : t('chip.back')}
        </button>
      )}
      {editable && !meId && (
        <button type="button" className="button button-primary" onClick={onJoin}>
          {t('chip.joinFirst')}
        </button>
      )}
      {/* Taking a nomination off a card is for the two people it concerns (or a facilitator without a name). */}
      {(isNominee || isNominator || !meId) && remove}
    </ChipPopover>
  );
}
