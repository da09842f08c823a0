import { useTranslation } from 'react-i18next';
import type { SessionState } from '../../shared/session.ts';
import { Icon } from '../components/Icon.tsx';
import { SessionTimer } from '../components/SessionTimer.tsx';

interface Props {
  session: SessionState | null;
  clockOffset: number;
  isFacilitator: boolean;
  /** The big screen's side column shows the timer instead. */
  timerAside: boolean;
  bigScreen: boolean;
  /** This tab is the one the facilitator brings everyone to. */
  bringing: boolean;
  brought: boolean;
  /** The name of whoever this tab follows, or null. */
  followingName: string | null;
  onRelease(): void;
  onLookAround(): void;
}

/** The strip under the top bar: the timer, "locked", and who brings or is followed. */
export function SessionBanners({ session, clockOffset, isFacilitator, timerAside, bigScreen, bringing, brought, followingName, onRelease, onLookAround }: Props) {
  const { t } = useTranslation();
  const locked = !!session?.locked;
  if (!(locked || brought || followingName !== null || bringing || session)) return null;
  return (
    <div className="session-banners">
      {session && !timerAside && <SessionTimer timer={session.timer} clockOffset={clockOffset} className="session-timer-floating" />}
      {locked && (
        <p className="session-banner session-banner-locked" role="status">
          {isFacilitator ? t('session.lockedFacilitator') : t('session.locked')}
        </p>
      )}
      {bringing && !bigScreen && (
        <p className="session-banner session-banner-bring" role="status">
          <span>{t('session.bringing')}</span>
          <button type="button" className="button button-small" onClick={onRelease}>
            {t('session.release')}
          </button>
        </p>
      )}
      {brought && followingName === null && (
        <p className="session-banner session-banner-bring" role="status">
          <span>{t('session.broughtBanner')}</span>
          <button type="button" className="button button-small" onClick={onLookAround}>
            {t('session.lookAround')}
          </button>
        </p>
      )}
      {followingName !== null && (
        <p className="session-banner session-banner-follow" role="status">
          <span>{t('session.following', { name: followingName })}</span>
          <button type="button" className="button button-small" onClick={onLookAround}>
            {t('session.stopFollowing')}
          </button>
        </p>
      )}
    </div>
  );
}

/** The facilitator's "saving fails" warning and everyone's "this board is newer than this app". */
export function BoardNotices({ storageFailing, outdated }: { storageFailing: boolean; outdated: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {storageFailing && (
        <div className="banner banner-storage" role="status">
          <Icon name="info" />
          <span className="banner-storage-text">
            <strong>{t('notice.storageFailing')}</strong>
            <span>{t('notice.storageFailingBody')}</span>
          </span>
        </div>
      )}
      {outdated && (
        <div className="banner" role="alert">
          <span>{t('board.outdated')}</span>
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            <Icon name="reload" />
            <span>{t('board.reload')}</span>
          </button>
        </div>
      )}
    </>
  );
}
