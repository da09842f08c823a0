/** The product mark: people around a shared point. Decorative; the name is always written beside it. */
export function Logo({ size = 36 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 36 36" aria-hidden="true" focusable="false">
      <rect width="36" height="36" rx="9" fill="#1d4ed8" />
      <circle cx="18" cy="18" r="4" fill="#fbbf24" />
      <circle cx="9" cy="10" r="3.2" fill="#fff" />
      <circle cx="27" cy="10" r="3.2" fill="#fff" />
      <circle cx="9" cy="26" r="3.2" fill="#fff" />
      <circle cx="27" cy="26" r="3.2" fill="#fff" />
      <path d="M11 12l4.5 4M25 12l-4.5 4M11 24l4.5-4M25 24l-4.5-4" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}
