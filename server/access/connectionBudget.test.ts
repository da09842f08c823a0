import { describe, expect, it } from 'vitest';
import { ConnectionBudget, PresenceBucket } from './connectionBudget.ts';

const limits = { maxConnections: 4, maxConnectionsPerIp: 3, connectsPerIpPerMinute: 5, connectsPerTokenPerMinute: 2 };

describe('ConnectionBudget', () => {
  it('caps sockets per address and in total, and frees a place when one closes', () => {
    const budget = new ConnectionBudget(limits);
    const ward = [budget.admit('10.0.0.1'), budget.admit('10.0.0.1'), budget.admit('10.0.0.1')];
    expect(ward.every((a) => a.ok)).toBe(true);
    expect(budget.admit('10.0.0.1')).toEqual({ ok: false, reason: 'too-many-from-address' });
    const other = budget.admit('10.0.0.2');
    expect(other.ok).toBe(true);
    expect(budget.admit('10.0.0.3')).toEqual({ ok: false, reason: 'too-many-connections' });
    if (ward[0].ok) ward[0].release();
    if (ward[0].ok) ward[0].release(); // a second release changes nothing
    expect(budget.connections).toBe(3);
    expect(budget.admit('10.0.0.3').ok).toBe(true);
  });

  it('limits how often one address connects per minute, and starts afresh the next minute', () => {
    let now = 0;
    const budget = new ConnectionBudget({ ...limits, maxConnections: 100, maxConnectionsPerIp: 100 }, () => now);
    for (let i = 0; i < 5; i++) {
      const admitted = budget.admit('10.0.0.1');
      if (admitted.ok) admitted.release();
    }
    expect(budget.admit('10.0.0.1')).toEqual({ ok: false, reason: 'connecting-too-often' });
    now += 60_000;
    expect(budget.admit('10.0.0.1').ok).toBe(true);
  });

  it('limits connects per link token', () => {
    const budget = new ConnectionBudget(limits);
    expect([budget.admitToken('h'), budget.admitToken('h'), budget.admitToken('h'), budget.admitToken('g')]).toEqual([true, true, false, true]);
  });
});

describe('PresenceBucket', () => {
  it('lets a browser’s 30 messages a second through for ever, and a burst of 3 s queued behind a Wi-Fi hiccup, and stops a flood', () => {
    let now = 0;
    const bucket = new PresenceBucket(60, () => now);
    for (let i = 0; i < 30 * 60; i++) {
      now += 1000 / 30;
      expect(bucket.take()).toBe(true);
    }
    // 3 s of messages at once, after a hiccup of 3 s
    now += 3000;
    for (let i = 0; i < 90; i++) expect(bucket.take()).toBe(true);
    now += 3000;
    let taken = 0;
    while (bucket.take()) taken++;
    expect(taken).toBeLessThanOrEqual(180);
  });
});
