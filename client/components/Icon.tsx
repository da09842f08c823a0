const PATHS = {
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
