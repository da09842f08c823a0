import { useTranslation } from 'react-i18next';
import type { SessionState } from '../../shared/session.ts';
import { JoinQr } from '../components/JoinQr.tsx';
import { SessionTimer } from '../components/SessionTimer.tsx';

interface Props {
  joinLink: string | null;
  isFacilitator: boolean;
  session: SessionState | null;
  clockOffset: number;
  onMakeJoinLink(): void;
}

/** The big screen's side column: the timer, and the join link with its QR code (or, for the facilitator, a way to make one). */
export function BigScreenJoin({ joinLink, isFacilitator, session, clockOffset, onMakeJoinLink }: Props) {
  const { t } = useTranslation();
  return (
    <aside className="big-screen-join" aria-label={t('session.joinHere')}>
      {session && <SessionTimer timer={session.timer} clockOffset={clockOffset} className="session-timer-big" />}
      {joinLink ? (
        <>
          <h2>{t('session.joinHere')}</h2>
          <JoinQr text={joinLink} label={t('session.qrLabel')} />
          <p className="big-screen-hint">{t('session.joinHint')}</p>
          <p className="big-screen-link">{joinLink}</p>
        </>
      ) : isFacilitator ? (
        <>
          <h2>{t('session.joinHere')}</h2>
          <p className="muted">{t('session.noJoinLink')}</p>
          <button type="button" className="button button-primary" onClick={onMakeJoinLink}>
            {t('session.makeJoinLink')}
          </button>
        </>
      ) : null}
    </aside>
  );
}
