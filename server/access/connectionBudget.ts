import type { Limits } from '../config.ts';

/**
 * Counts per key in fixed windows (e.g. connects per IP per minute). The map is emptied
 * each window, so it never holds more keys than one window's callers.
 */
export class WindowCounter {
  private counts = new Map<string, number>();
  private windowStart: number;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.windowStart = now();
  }

  /** Counts one for `key`; false when that passes the window's maximum. */
  take(key: string): boolean {
    const now = this.now();
    if (now - this.windowStart >= this.windowMs) {
      this.counts.clear();
      this.windowStart = now;
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count <= this.max;
  }
}

export type AdmitRefusal = 'too-many-connections' | 'too-many-from-address' | 'connecting-too-often';

/**
 * How many live sockets the server holds, in total and per IP address, and how often an
 * address may connect. A socket's token is only known after its first message, so at the
 * upgrade only the address can be counted — generously, because a ward behind one NAT is
 * one address (30 people reconnecting at once after a restart must pass).
 */
export class ConnectionBudget {
  private total = 0;
  private readonly perIp = new Map<string, number>();
  private readonly connectsPerIp: WindowCounter;
  private readonly connectsPerToken: WindowCounter;

  constructor(
    private readonly limits: Pick<Limits, 'maxConnections' | 'maxConnectionsPerIp' | 'connectsPerIpPerMinute' | 'connectsPerTokenPerMinute'>,
    now: () => number = Date.now,
  ) {
    this.connectsPerIp = new WindowCounter(limits.connectsPerIpPerMinute, 60_000, now);
    this.connectsPerToken = new WindowCounter(limits.connectsPerTokenPerMinute, 60_000, now);
  }

  /** At the upgrade: may `ip` open one more socket? When it may, call the returned release once the socket closes. */
  admit(ip: string): { ok: true; release: () => void } | { ok: false; reason: AdmitRefusal } {
    if (this.total >= this.limits.maxConnections) return { ok: false, reason: 'too-many-connections' };
    const fromIp = this.perIp.get(ip) ?? 0;
    if (fromIp >= this.limits.maxConnectionsPerIp) return { ok: false, reason: 'too-many-from-address' };
    if (!this.connectsPerIp.take(ip)) return { ok: false, reason: 'connecting-too-often' };
    this.total++;
    this.perIp.set(ip, fromIp + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.total--;
        const left = (this.perIp.get(ip) ?? 1) - 1;
        if (left > 0) this.perIp.set(ip, left);
        else this.perIp.delete(ip);
      },
    };
  }

  /** After authentication: may this link token (its hash) open one more board connection this minute? */
  admitToken(tokenHash: string): boolean {
    return this.connectsPerToken.take(tokenHash);
  }

  get connections(): number {
    return this.total;
  }
}

/**
 * Presence messages of one connection: a bucket that refills at `perSecond` and holds
 * BURST_SECONDS of them. A browser sends at most ~30 a second (cursor and viewport), and
 * after a Wi-Fi hiccup its queued messages arrive at once: the bucket takes a few seconds
 * of those. A connection that empties it is flooding (thousands a second empty it within
 * a fraction of a second) and gets closed.
 */
export class PresenceBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = performance.now.bind(performance),
  ) {
    this.tokens = perSecond * PresenceBucket.BURST_SECONDS;
    this.last = this.now();
  }

  static readonly BURST_SECONDS = 3;

  /** Takes one message; false when the connection is over its rate. */
  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.perSecond * PresenceBucket.BURST_SECONDS, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
