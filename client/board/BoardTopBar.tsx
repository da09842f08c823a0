import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/session.ts';
import type { SyncStatus } from '../hooks/syncStatusStore.ts';
import { BoardTitle } from '../components/BoardTitle.tsx';
import { Icon } from '../components/Icon.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { Link } from '../components/Link.tsx';
import { PresenceList, type PresenceEntry } from '../components/PresenceList.tsx';
import { StatusIndicator } from '../components/StatusIndicator.tsx';
import { initials } from '../storage/identity.ts';

interface Props {
  title: string;
  editable: boolean;
  /** Stable: the title is memoised. */
  onRename(title: string): void;
  status: SyncStatus;
  role: Role;
  /** Who else is here; shown once synced. */
  presence: PresenceEntry[] | null;
  following: number | null;
  onFollow(clientId: number): void;
  /** The participant's own name, or null for a guest. */
  myName: string | null;
  myColour: string;
  onJoin(): void;
  listMode: boolean;
  onListMode(on: boolean): void;
  onShare(): void;
  sessionOpen: boolean;
  onToggleSession(): void;
  bigScreen: boolean;
  onToggleBigScreen(): void;
}

/** The bar above the board: back, title, sync state, role, who is here, and the view and session switches. */
export function BoardTopBar(props: Props) {
  const { t } = useTranslation();
  const { role, myName, bigScreen } = props;
  const isFacilitator = role === 'facilitator';
  return (
    <header className="board-topbar">
      <Link href="/" className="back-link" title={t('board.allBoards')}>
        <Icon name="back" />
        <span className="back-link-text">{t('board.allBoards')}</span>
      </Link>
      <div className="topbar-main">
        <BoardTitle title={props.title} editable={props.editable} onRename={props.onRename} />
        <StatusIndicator status={props.status} />
      </div>
      <div className="topbar-end">
        <span className={`role-badge role-${role}`} title={t('access.roleLabel', { role: t(`access.role.${role}`) })}>
          {t(`access.role.${role}`)}
        </span>
        {props.presence && props.presence.length > 0 && <PresenceList entries={props.presence} following={props.following} onFollow={props.onFollow} />}
        {props.editable && (
          <button type="button" className="me-button" onClick={props.onJoin} title={myName !== null ? t('join.switch') : t('join.joinButton')}>
            <span className="me-avatar" style={{ background: props.myColour }} aria-hidden="true">
              {myName !== null ? initials(myName) : '?'}
            </span>
            <span className="me-label">{myName !== null ? t('join.you', { name: myName }) : t('join.joinButton')}</span>
            {myName !== null && <span className="sr-only"> — {t('join.switch')}</span>}
          </button>
        )}
        <div className="view-toggle" role="group" aria-label={t('list.toggleLabel')}>
          <button type="button" className="view-toggle-button" aria-pressed={!props.listMode} onClick={() => props.onListMode(false)}>
            <Icon name="board" size={18} />
            <span>{t('list.board')}</span>
          </button>
          <button type="button" className="view-toggle-button" aria-pressed={props.listMode} onClick={() => props.onListMode(true)}>
            <Icon name="list" size={18} />
            <span>{t('list.list')}</span>
          </button>
        </div>
        {isFacilitator && (
          <>
            <button type="button" className="button topbar-tool" title={t('access.share')} onClick={props.onShare}>
              <Icon name="share" size={18} />
              <span>{t('access.share')}</span>
            </button>
            <button type="button" className="button topbar-tool" title={t('session.open')} aria-expanded={props.sessionOpen} onClick={props.onToggleSession}>
              <Icon name="timer" size={18} />
              <span>{t('session.open')}</span>
            </button>
          </>
        )}
        {(isFacilitator || role === 'viewer') && (
          <button
            type="button"
            className="button topbar-tool"
            title={bigScreen ? t('session.exitBigScreen') : t('session.bigScreen')}
            aria-pressed={bigScreen}
            onClick={props.onToggleBigScreen}
          >
            <Icon name={bigScreen ? 'close' : 'screen'} size={18} />
            <span>{bigScreen ? t('session.exitBigScreen') : t('session.bigScreen')}</span>
          </button>
        )}
        <LanguageSwitch />
      </div>
    </header>
  );
}
