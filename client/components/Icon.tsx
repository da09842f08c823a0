const PATHS = {
  copy: 'M8 2h12v14h-2V4H8zM4 6h12v16H4zM6 8v12h8V8z',
  share: 'M18 2a3 3 0 1 1 0 6c-.8 0-1.6-.3-2.1-.9L8.9 11a3 3 0 0 1 0 2l7 3.9c.5-.6 1.3-.9 2.1-.9a3 3 0 1 1-3 3c0-.3 0-.6.1-.9l-7-3.9A3 3 0 1 1 6 9c.8 0 1.6.3 2.1.9l7-3.9A3 3 0 0 1 18 2z',
  timer: 'M9 1h6v2H9zM12 4a9 9 0 1 1 0 18a9 9 0 1 1 0-18zm0 2a7 7 0 1 0 0 14a7 7 0 1 0 0-14zM11 8h2v5.4l3.2 1.9-1 1.7L11 14.6z',
  screen: 'M2 3h20v14H2zM4 5v10h16V5zM8 19h8v2H8z',
  plus: 'M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z',
  minus: 'M5 11h14v2H5z',
  trash: 'M9 3h6l1 2h4v2H4V5h4zM6 9h12l-1 12H7zM10 11v8h1.5v-8zM12.5 11v8H14v-8z',
  back: 'M10.5 5.5L4 12l6.5 6.5 1.4-1.4L7.8 13H20v-2H7.8l4.1-4.1z',
  fit: 'M4 4h6v2H6v4H4zM14 4h6v6h-2V6h-4zM4 14h2v4h4v2H4zM18 14h2v6h-6v-2h4z',
  pencil: 'M15.2 4.2l4.6 4.6L8.6 20H4v-4.6zM13.8 7l-7.8 7.8v2.2h2.2l7.8-7.8z',
  person: 'M12 3a4 4 0 1 1 0 8a4 4 0 1 1 0-8zM4 21c0-4.4 3.6-8 8-8s8 3.6 8 8z',
  skill: 'M3 12.6V4h8.6l9.4 9.4-8.6 8.6zM7.5 6a1.5 1.5 0 1 0 0 3a1.5 1.5 0 1 0 0-3z',
  close: 'M6.4 5L12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z',
  board: 'M3 4h18v13H3zM5 6v9h14V6zM7 19h10v2H7z',
  check: 'M9.5 16.2L5.3 12l-1.4 1.4 5.6 5.6L20.1 8.4 18.7 7z',
  reload: 'M17.7 6.3A8 8 0 1 0 20 12h-2a6 6 0 1 1-1.8-4.2L13 11h7V4z',
  question:
    'M12 2a10 10 0 1 1 0 20a10 10 0 1 1 0-20zm0 4.5c-2.2 0-3.8 1.4-3.9 3.5h2.2c.1-.9.7-1.5 1.7-1.5s1.6.6 1.6 1.4c0 .7-.3 1.1-1.2 1.7-1.1.7-1.6 1.4-1.6 2.8v.6h2.1v-.4c0-.8.3-1.2 1.2-1.8 1.1-.7 1.8-1.6 1.8-2.9 0-2.1-1.7-3.4-3.9-3.4zM11 16.2h2.2v2.2H11z',
  reaction: 'M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2h-9l-5 4.5V17H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z',
  student: 'M12 3L1 9l11 6 9-4.9V17h2V9zM5 13.2v4L12 21l7-3.8v-4L12 17z',
  people:
    'M8.5 4a3.5 3.5 0 1 1 0 7a3.5 3.5 0 1 1 0-7zM16.5 5a3 3 0 1 1 0 6a3 3 0 1 1 0-6zM1.5 20.5c0-3.9 3.1-7 7-7s7 3.1 7 7zM16.6 13.5c3.4.2 5.9 2.9 5.9 7h-5.5c0-2.8-.2-5-.4-7z',
  keyboard: 'M2 6h20v12H2zM4 8v2h2V8zM8 8v2h2V8zM12 8v2h2V8zM16 8v2h4V8zM4 12v2h3v-2zM9 12v2h2v-2zM13 12v2h2v-2zM17 12v2h3v-2zM7 15.5v1h10v-1z',
  link: 'M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4l-3.5 3.5a1 1 0 0 1-1.4 0zM7.8 18.4a3.5 3.5 0 0 1-2.5-6l2.1-2.1 1.4 1.4-2.1 2.1a1.5 1.5 0 0 0 2.1 2.1l2.1-2.1 1.4 1.4-2.1 2.1a3.5 3.5 0 0 1-2.4 1.1zM16.6 13.7l-1.4-1.4 2.1-2.1a1.5 1.5 0 0 0-2.1-2.1l-2.1 2.1-1.4-1.4 2.1-2.1a3.5 3.5 0 0 1 4.9 4.9z',
  appeals: 'M2 10h4v11H2zM8 21V10l5-8c1.2 0 2.5 1 2.2 2.6L14.5 9H20a2 2 0 0 1 2 2.3l-1.4 8A2 2 0 0 1 18.6 21z',
  'appeals-less': 'M2 3h4v11H2zM8 3v11l5 8c1.2 0 2.5-1 2.2-2.6L14.5 15H20a2 2 0 0 0 2-2.3l-1.4-8A2 2 0 0 0 18.6 3z',
  'not-thought-of': 'M12 2a7 7 0 0 0-4 12.7V17h8v-2.3A7 7 0 0 0 12 2zM9 19h6v1.5a1.5 1.5 0 0 1-1.5 1.5h-3A1.5 1.5 0 0 1 9 20.5z',
  search: 'M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10a5 5 0 1 0 0-10z',
  filter: 'M3 4h18l-7 8.5V19l-4 2v-8.5z',
  chevron: 'M7 9.5L12 14.5 17 9.5 18.4 10.9 12 17.3 5.6 10.9z',
  help: 'M9 3a4 4 0 1 1 0 8a4 4 0 1 1 0-8zM1 21c0-4.4 3.6-8 8-8c1.5 0 2.9.4 4.1 1.1L10.3 21zM17.5 12l1.2 2.5 2.8.4-2 2 .5 2.8-2.5-1.3-2.5 1.3.5-2.8-2-2 2.8-.4z',
  grid: 'M3 3h8v8H3zM13 3h8v8h-8zM3 13h8v8H3zM13 13h8v8h-8zM5 5v4h4V5zM15 15v4h4v-4z',
  list: 'M3 5h2v2H3zM7 5h14v2H7zM3 11h2v2H3zM7 11h14v2H7zM3 17h2v2H3zM7 17h14v2H7z',
  info: 'M12 2a10 10 0 1 1 0 20a10 10 0 1 1 0-20zm0 2a8 8 0 1 0 0 16a8 8 0 1 0 0-16zM11 10h2v7h-2zM11 6.5h2v2h-2z',
} as const;

export type IconName = keyof typeof PATHS;

/** Decorative: the button or link around it carries the text. */
export function Icon({ name, size = 22 }: { name: IconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
