/** `host[:port]` as a URL with `protocol` would normalise it (lower case, default port dropped); null if it is no host. */
function normalHost(host: string, protocol: string): string | null {
  try {
    const url = new URL(`${protocol}//${host}`);
    return url.host === '' || url.pathname !== '/' || url.username || url.password ? null : url.host;
  } catch {
    return null;
  }
}

/**
 * Whether a request naming `host` (its Host header, or X-Forwarded-Host behind a trusted proxy)
 * is for this server. With PUBLIC_URL set only its host is, so a page on another name that
 * resolves to this server (DNS rebinding) cannot use the API from a visitor's browser.
 */
export function hostAllowed(host: string | undefined, publicUrl: string | null): boolean {
  if (publicUrl === null) return true;
  if (!host) return false;
  const expected = new URL(publicUrl);
  return normalHost(host, expected.protocol) === expected.host;
}
