import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../shared/session.ts';
import { revokeLink, rotateLink } from '../net/api.ts';
import { knownBoard, localStore, parseBoardLink, rememberBoard } from '../storage/boardAccess.ts';
import { Dialog } from './Dialog.tsx';
import { Icon } from './Icon.tsx';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

interface RowProps {
  role: Role;
  link: string | null;
  /** Shown instead of a link: e.g. "revoked". */
  note?: string;
  children?: React.ReactNode;
}

/** One role's link: who it is for, the link itself (selectable), and a copy button. */
export function CopyLinkRow({ role, link, note, children }: RowProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2500);
    return () => clearTimeout(timer);
  }, [copied]);
  const id = `share-${role}`;
  return (
    <li className={`share-link share-link-${role}`} data-role={role}>
      <div className="share-link-head">
        <span className={`role-badge role-${role}`}>{t(`access.linkFor.${role}`)}</span>
        <span className="share-link-help" id={`${id}-help`}>
          {t(`access.linkHelp.${role}`)}
        </span>
      </div>
      {link ? (
        <div className="share-link-row">
          <input
            id={id}
            className="share-link-input"
            readOnly
            value={link}
            aria-label={t(`access.linkFor.${role}`)}
            aria-describedby={`${id}-help`}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            className="button"
            aria-label={t('access.copyLabel', { role: t(`access.linkFor.${role}`) })}
            onClick={async () => {
              if (await copyText(link)) setCopied(true);
              else document.getElementById(id)?.focus();
            }}
          >
            <Icon name={copied ? 'check' : 'copy'} />
            <span>{copied ? t('access.copied') : t('access.copy')}</span>
          </button>
        </div>
      ) : (
        <p className="muted share-link-note">{note ?? t('access.unknownLink')}</p>
      )}
      {children && <div className="share-link-actions">{children}</div>}
    </li>
  );
}

interface Props {
  boardId: string;
  token: string;
  onClose(): void;
  /** The facilitator link itself was replaced: this tab must reconnect with the new token. */
  onOwnLinkChanged(): void;
}

/** The facilitator's Share dialog: every role's link, to copy, replace or revoke. */
export function ShareDialog({ boardId, token, onClose, onOwnLinkChanged }: Props) {
  const { t } = useTranslation();
  const [links, setLinks] = useState<Partial<Record<Role, string>>>(() => knownBoard(localStore(), boardId)?.links ?? {});
  const [revoked, setRevoked] = useState<Set<Role>>(new Set());
  const [busy, setBusy] = useState<Role | null>(null);
  const [failed, setFailed] = useState(false);

  const rotate = async (role: Role) => {
    if (links[role] && !window.confirm(t('access.rotateConfirm', { role: t(`access.linkFor.${role}`) }))) return;
    setBusy(role);
    setFailed(false);
    try {
      const { link } = await rotateLink(boardId, role, token);
      rememberBoard(localStore(), boardId, { links: { [role]: link } });
      setLinks((l) => ({ ...l, [role]: link }));
      setRevoked((r) => new Set([...r].filter((x) => x !== role)));
      if (role === 'facilitator') {
        const parsed = parseBoardLink(link);
        if (parsed) rememberBoard(localStore(), boardId, { token: parsed.token, role: 'facilitator' });
        onOwnLinkChanged();
      }
    } catch {
      setFailed(true);
    } finally {
      setBusy(null);
    }
  };

  const revoke = async (role: Exclude<Role, 'facilitator'>) => {
    setBusy(role);
    setFailed(false);
    try {
      await revokeLink(boardId, role, token);
      setRevoked((r) => new Set([...r, role]));
      setLinks((l) => ({ ...l, [role]: undefined }));
      rememberBoard(localStore(), boardId, { links: { [role]: undefined } });
    } catch {
      setFailed(true);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Dialog title={t('access.shareTitle')} onClose={onClose} className="dialog-wide share-dialog">
      <p className="muted">{t('access.shareIntro')}</p>
      <ul className="share-links">
        {[...ROLES].reverse().map((role) => (
          <CopyLinkRow key={role} role={role} link={links[role] ?? null} note={revoked.has(role) ? t('access.revoked') : undefined}>
            <button type="button" className="button button-quiet" disabled={busy !== null} onClick={() => rotate(role)}>
              <Icon name="reload" />
              <span>{t('access.rotate')}</span>
            </button>
            {role !== 'facilitator' && (
              <button type="button" className="button button-quiet button-danger" disabled={busy !== null || revoked.has(role)} onClick={() => revoke(role)}>
                <Icon name="close" />
                <span>{t('access.revoke')}</span>
              </button>
            )}
          </CopyLinkRow>
        ))}
      </ul>
      {failed && (
        <p className="error" role="alert">
          {t('access.failed')}
        </p>
      )}
    </Dialog>
  );
}
