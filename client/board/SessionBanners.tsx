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
        <ActionBanner className="session-banner-bring" text={t('session.bringing')} actionLabel={t('session.release')} onAction={onRelease} />
      )}
      {brought && followingName === null && (
        <ActionBanner className="session-banner-bring" text={t('session.broughtBanner')} actionLabel={t('session.lookAround')} onAction={onLookAround} />
      )}
      {followingName !== null && (
        <ActionBanner className="session-banner-follow" text={t('session.following', { name: followingName })} actionLabel={t('session.stopFollowing')} onAction={onLookAround} />
      )}
    </div>
  );
}

/** One line of session news with the one thing to do about it. */
function ActionBanner({ className, text, actionLabel, onAction }: { className: string; text: string; actionLabel: string; onAction(): void }) {
  return (
    <p className={`session-banner ${className}`} role="status">
      <span>{text}</span>
      <button type="button" className="button button-small" onClick={onAction}>
        {actionLabel}
      </button>
    </p>
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
