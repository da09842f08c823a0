import type { PersonKind } from '../../shared/records/person.ts';

/**
 * One glyph per person kind, as SVG path data on a 24×24 grid. Drawn as paths rather than
 * emoji so they look the same on every ward PC and phone (and in headless test browsers).
 */
export const PERSON_ICON: Record<PersonKind, string> = {
  // Medical cross: the professional of the own team.
  'professional-team': 'M9.5 3h5v6.5H21v5h-6.5V21h-5v-6.5H3v-5h6.5z',
  // Two people: a professional from another team.
  'professional-other':
    'M8.5 4a3.5 3.5 0 1 1 0 7a3.5 3.5 0 1 1 0-7zM16.5 5a3 3 0 1 1 0 6a3 3 0 1 1 0-6zM1.5 20.5c0-3.9 3.1-7 7-7s7 3.1 7 7zM16.6 13.5c3.4.2 5.9 2.9 5.9 7h-5.5c0-2.8-.2-5-.4-7z',
  // Open book: content expert.
  'content-expert': 'M2 5.5C4.5 4 8 4 11 6v14c-3-1.8-6.5-1.8-9-.5zM22 5.5C19.5 4 16 4 13 6v14c3-1.8 6.5-1.8 9-.5z',
  // Speech bubble: experience expert, who brings their own story.
  'experience-expert': 'M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2h-9l-5 4.5V17H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z',
  // Heart: the client or patient at the centre of care.
  client:
    'M12 21l-1.4-1.3C5.4 15 2 12 2 8.3 2 5.3 4.4 3 7.4 3c1.7 0 3.4.8 4.6 2.1C13.2 3.8 14.9 3 16.6 3 19.6 3 22 5.3 22 8.3c0 3.7-3.4 6.7-8.6 11.4z',
  // House: the informal caregiver at home.
  'informal-caregiver': 'M12 2.5l10 9h-3v9.5h-5v-6h-4v6H5v-9.5H2z',
  // Three heads: family.
  family:
    'M6.5 4a3 3 0 1 1 0 6a3 3 0 1 1 0-6zM17.5 4a3 3 0 1 1 0 6a3 3 0 1 1 0-6zM12 10.5a2.5 2.5 0 1 1 0 5a2.5 2.5 0 1 1 0-5zM1 20c0-3.6 2.5-6.5 5.5-6.5 1.3 0 2.4.5 3.3 1.3C8.7 16 8 17.9 8 20zM23 20c0-3.6-2.5-6.5-5.5-6.5-1.3 0-2.4.5-3.3 1.3 1.1 1.2 1.8 3.1 1.8 5.2zM9 21.5c0-2 1.3-3.5 3-3.5s3 1.5 3 3.5z',
  // Easel with a board: teacher.
  teacher: 'M2 3h20v2h-1v10H3V5H2zM11 16h2v2.2l3.5 3.3h-2.8L12 19.9l-1.7 1.6H7.5l3.5-3.3z',
  // Mortarboard: student.
  student: 'M12 3L1 9l11 6 9-4.9V17h2V9zM5 13.2v4L12 21l7-3.8v-4L12 17z',
  // Eye: the learning-process monitor who keeps an eye on the learning climate.
  'learning-monitor':
    'M12 5C6.5 5 2.7 9 1 12c1.7 3 5.5 7 11 7s9.3-4 11-7c-1.7-3-5.5-7-11-7zm0 3a4 4 0 1 1 0 8a4 4 0 1 1 0-8zm0 2a2 2 0 1 0 0 4a2 2 0 1 0 0-4z',
};

/** Warning triangle with an exclamation mark: reserved medical act. Filled with evenodd. */
export const RESERVED_ICON = 'M12 2L1 21h22zM11 9h2v6h-2zM11 17h2v2h-2z';

/** Sounding-board reaction icons: thumbs up, thumbs down, light bulb. */
export const REACTION_ICON = {
  appeals: 'M2 10h4v11H2zM8 21V10l5-8c1.2 0 2.5 1 2.2 2.6L14.5 9H20a2 2 0 0 1 2 2.3l-1.4 8A2 2 0 0 1 18.6 21z',
  'appeals-less': 'M2 3h4v11H2zM8 3v11l5 8c1.2 0 2.5-1 2.2-2.6L14.5 15H20a2 2 0 0 0 2-2.3l-1.4-8A2 2 0 0 0 18.6 3z',
  'not-thought-of': 'M12 2a7 7 0 0 0-4 12.7V17h8v-2.3A7 7 0 0 0 12 2zM9 19h6v1.5a1.5 1.5 0 0 1-1.5 1.5h-3A1.5 1.5 0 0 1 9 20.5z',
} as const;

export const CHECK_ICON = 'M9.5 16.2L5.3 12l-1.4 1.4 5.6 5.6L20.1 8.4 18.7 7z';
/** Chain link: a peer-to-peer pair. */
export const PAIR_ICON =
  'M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4l-3.5 3.5a1 1 0 0 1-1.4 0zM7.8 18.4a3.5 3.5 0 0 1-2.5-6l2.1-2.1 1.4 1.4-2.1 2.1a1.5 1.5 0 0 0 2.1 2.1l2.1-2.1 1.4 1.4-2.1 2.1a3.5 3.5 0 0 1-2.4 1.1zM16.6 13.7l-1.4-1.4 2.1-2.1a1.5 1.5 0 0 0-2.1-2.1l-2.1 2.1-1.4-1.4 2.1-2.1a3.5 3.5 0 0 1 4.9 4.9z';
/** Mouse pointer arrow for remote cursors. */
export const CURSOR_ICON = 'M3 2l15 11.5-6.6.9 3.8 7.4-2.9 1.4-3.7-7.5L3 20.5z';
