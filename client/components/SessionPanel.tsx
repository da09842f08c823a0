import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TIMER_MS, MAX_TIMER_MS, type SessionCommand, type SessionState } from '../../shared/session.ts';
import { minutesToDuration } from '../../shared/timerFormat.ts';
import { Icon } from './Icon.tsx';
import { SessionTimer, useRemaining } from './SessionTimer.tsx';

interface Props {
  session: SessionState;
  clockOffset: number;
  /** This tab's awareness client id: "bring everyone" brings them to this tab's view. */
  myClientId: number | null;
  onCommand(command: SessionCommand): void;
  onClose(): void;
  ref?: Ref<HTMLElement>;
}

/** The facilitator's session controls: lock, timer, bring everyone. */
export function SessionPanel({ session, clockOffset, myClientId, onCommand, onClose, ref }: Props) {
  const { t } = useTranslation();
  const { timer } = session;
  const [minutes, setMinutes] = useState(() => String(Math.round((timer.durationMs || DEFAULT_TIMER_MS) / 60_000)));
  const duration = minutesToDuration(minutes, MAX_TIMER_MS);
  const running = timer.endsAt !== null;
  const left = useRemaining(timer, clockOffset);
  const fresh = !running && timer.remainingMs === timer.durationMs;
  const bringing = session.bringEveryoneTo !== null && session.bringEveryoneTo === myClientId;

  const start = () => {
    // A changed duration starts over; otherwise a paused timer resumes.
    const changed = duration !== null && duration !== timer.durationMs;
    onCommand(changed || fresh || left === 0 ? { type: 'timer-start', durationMs: duration ?? timer.durationMs } : { type: 'timer-start' });
  };

  return (
    <section ref={ref} className="session-panel panel" aria-labelledby="session-panel-title">
      <header className="session-panel-header">
        <h2 id="session-panel-title">{t('session.title')}</h2>
        <button type="button" className="icon-button" aria-label={t('form.close')} onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>

      <div className="session-group">
        <button
          type="button"
          className={`button button-large${session.locked ? ' button-primary' : ''}`}
          aria-pressed={session.locked}
          onClick={() => onCommand({ type: session.locked ? 'unlock' : 'lock' })}
        >
          <span>{session.locked ? t('session.unlock') : t('session.lock')}</span>
        </button>
      </div>

      <div className="session-group">
        <h3>{t('session.timer')}</h3>
        <SessionTimer timer={timer} clockOffset={clockOffset} always className="session-timer-large" />
        <div className="session-timer-controls">
          <label className="session-minutes">
            <span>{t('session.minutes')}</span>
            <input type="number" min={1} max={MAX_TIMER_MS / 60_000} step={1} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          </label>
          {running ? (
            <button type="button" className="button" onClick={() => onCommand({ type: 'timer-pause' })}>
              {t('session.pause')}
            </button>
          ) : (
            <button type="button" className="button button-primary" disabled={duration === null} onClick={start}>
              {fresh ? t('session.start') : t('session.resume')}
            </button>
          )}
          <button type="button" className="button button-quiet" onClick={() => onCommand({ type: 'timer-reset', ...(duration ? { durationMs: duration } : {}) })}>
            {t('session.reset')}
          </button>
        </div>
      </div>

      <div className="session-group">
        {bringing ? (
          <>
            <p className="muted">{t('session.bringing')}</p>
            <button type="button" className="button button-large" onClick={() => onCommand({ type: 'release-everyone' })}>
              {t('session.release')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button-large"
            disabled={myClientId === null}
            onClick={() => myClientId !== null && onCommand({ type: 'bring-everyone', clientId: myClientId })}
          >
            <Icon name="people" />
            <span>{t('session.bringEveryone')}</span>
          </button>
        )}
      </div>
    </section>
  );
}
