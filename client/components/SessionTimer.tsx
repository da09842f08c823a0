import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { remainingMs, type TimerState } from '../../shared/session.ts';
import { formatRemaining } from '../../shared/timerFormat.ts';

/** A short, soft two-note chime: a signal, not an alarm. Silently skipped where audio is not allowed. */
export function softChime() {
  try {
    const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    const start = ctx.currentTime + 0.05;
    [523.25, 659.25].forEach((frequency, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      const at = start + i * 0.35;
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.06, at + 0.08);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.1);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 1.2);
    });
    setTimeout(() => void ctx.close().catch(() => {}), 2500);
  } catch {
    // No audio: the visual pulse is enough.
  }
}

/** The remaining time on the server's clock (local clock + offset), re-read a few times a second while running. */
export function useRemaining(timer: TimerState, clockOffset: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (timer.endsAt === null) return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [timer.endsAt]);
  return remainingMs(timer, now + clockOffset);
}

interface Props {
  timer: TimerState;
  clockOffset: number;
  /** Show even when the timer has not been started (the facilitator's controls). */
  always?: boolean;
  className?: string;
}

/** The session timer, the same for everyone: it counts against the server's clock. */
export function SessionTimer({ timer, clockOffset, always = false, className = '' }: Props) {
  const { t } = useTranslation();
  const left = useRemaining(timer, clockOffset);
  const running = timer.endsAt !== null;
  const done = running && left === 0;
  const wasRunning = useRef<{ endsAt: number | null; chimed: boolean }>({ endsAt: null, chimed: false });

  useEffect(() => {
    if (wasRunning.current.endsAt !== timer.endsAt) wasRunning.current = { endsAt: timer.endsAt, chimed: false };
    // Only a timer that ran out while we watched chimes: opening the board afterwards stays quiet.
    if (done && !wasRunning.current.chimed) {
      wasRunning.current.chimed = true;
      if (timer.endsAt !== null && Date.now() + clockOffset - timer.endsAt < 5000) softChime();
    }
  }, [done, timer.endsAt, clockOffset]);

  const started = running || timer.remainingMs !== timer.durationMs;
  if (!always && !started) return null;
  return (
    <div
      className={`session-timer${running ? ' is-running' : ' is-paused'}${done ? ' is-done' : ''} ${className}`}
      role="timer"
      aria-label={t('session.timerLabel')}
      data-remaining-ms={left}
    >
      <span className="session-timer-time">{formatRemaining(left)}</span>
      {done && <span className="session-timer-done">{t('session.timeUp')}</span>}
    </div>
  );
}
