import type { PersonKind } from '../../shared/records/person.ts';
import { PERSON_ICON } from '../canvas/icons.ts';
import { PERSON_ACCENT } from '../canvas/palette.ts';

/** The person kind's round icon, as on the canvas card. Decorative: the kind is always written beside it. */
export function KindBadge({ kind, size = 36, ring }: { kind: PersonKind; size?: number; ring?: string }) {
  return (
    <svg className="kind-badge" width={size} height={size} viewBox="-2 -2 28 28" aria-hidden="true" focusable="false">
      {ring && <circle cx="12" cy="12" r="13" fill="none" stroke={ring} strokeWidth="2" />}
      <circle cx="12" cy="12" r="11.5" fill={PERSON_ACCENT[kind]} />
      <path d={PERSON_ICON[kind]} transform="translate(5.5 5.5) scale(0.54)" fill="#fff" fillRule="evenodd" />
    </svg>
  );
}
