import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_TITLE_MAX } from '../../shared/records/meta.ts';
import { CARE_TEAM_SKILLS } from '../../shared/templates/careTeam.ts';
import { ROLES } from '../../shared/session.ts';
import { createBoard, type CreatedBoard } from '../net/api.ts';
import { knownBoards, localStore, parseBoardLink, rememberBoard, type KnownBoard } from '../storage/boardAccess.ts';
import { formatLastChange } from '../model/format.ts';
import { CopyLinkRow } from '../components/ShareDialog.tsx';
import { navigate } from '../hooks/useRoute.ts';
import { boardPath } from '../model/routes.ts';
import { CheckboxField } from '../components/CheckboxField.tsx';
import { Icon } from '../components/Icon.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { Link } from '../components/Link.tsx';
import { Logo } from '../components/Logo.tsx';
import { TextField } from '../components/TextField.tsx';


/** Re-render every minute so "3 minutes ago" does not go stale on a screen left open. */
function useNow(intervalMs = 60_000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function HomePage() {
  const { t, i18n } = useTranslation();
  // Only the boards this browser holds a link for: nothing about other boards is shown or fetched.
  const [boards, setBoards] = useState<KnownBoard[]>(() => knownBoards(localStore()));
  const [created, setCreated] = useState<CreatedBoard | null>(null);
  const [title, setTitle] = useState('');
  const [withStarterSet, setWithStarterSet] = useState(false);
  const [creating, setCreating] = useState(false);
  const [createFailed, setCreateFailed] = useState(false);
  const now = useNow();

  const reload = useCallback(() => setBoards(knownBoards(localStore())), []);
  const createdHeading = useRef<HTMLHeadingElement>(null);
  // The new links are the next thing to read: bring them into view (also on a phone).
  useEffect(() => {
    if (created) createdHeading.current?.focus();
  }, [created]);
  useEffect(() => {
    window.addEventListener('storage', reload);
    return () => window.removeEventListener('storage', reload);
  }, [reload]);

  useEffect(() => {
    document.title = `${t('app.name')} — ${t('app.tagline')}`;
  }, [t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (creating) return;
    setCreating(true);
    setCreateFailed(false);
    try {
      const board = await createBoard(title, withStarterSet ? 'care-team' : 'empty');
      const facilitator = parseBoardLink(board.links.facilitator);
      if (facilitator) rememberBoard(localStore(), board.id, { token: facilitator.token, role: 'facilitator', title: board.title, links: board.links });
      setCreated(board);
      setCreating(false);
      setTitle('');
      reload();
    } catch (error) {
      console.warn('Could not create a board', error);
      setCreateFailed(true);
      setCreating(false);
    }
  };

  return (
    <div className="home">
      <header className="home-header">
        <div className="brand">
          <Logo />
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <LanguageSwitch />
      </header>
      <main className="home-main">
        {created && (
          <section className="panel created-board" aria-labelledby="created-heading">
            <h2 id="created-heading" tabIndex={-1} ref={createdHeading}>{t('access.created')}{created.title ? ` — ${created.title}` : ''}</h2>
            <p className="lead">{t('access.createdIntro')}</p>
            <ul className="share-links">
              {ROLES.slice()
                .reverse()
                .map((role) => (
                  <CopyLinkRow key={role} role={role} link={created.links[role]} />
                ))}
            </ul>
            <button type="button" className="button button-primary button-large" onClick={() => navigate(boardPath(created.id))}>
              <Icon name="board" />
              <span>{t('access.openAsFacilitator')}</span>
            </button>
          </section>
        )}

        <section className="panel new-board" aria-labelledby="new-board-heading">
          <h1 id="new-board-heading">{t('home.newBoardHeading')}</h1>
          <p className="lead">{t('home.newBoardIntro')}</p>
          <form className="new-board-form" onSubmit={submit}>
            <TextField
              label={t('home.titleLabel')}
              help={t('home.titleHint')}
              name="title"
              value={title}
              maxLength={BOARD_TITLE_MAX}
              placeholder={t('home.titlePlaceholder')}
              onChange={setTitle}
            />
            <button type="submit" className="button button-primary button-large" disabled={creating}>
              <Icon name="plus" />
              <span>{creating ? t('home.creating') : t('home.create')}</span>
            </button>
          </form>
          <CheckboxField
            className="starter-set"
            label={t('home.starterSet', { count: CARE_TEAM_SKILLS.length })}
            help={t('home.starterSetHint')}
            checked={withStarterSet}
            onChange={setWithStarterSet}
          />
          {createFailed && (
            <p className="error" role="alert">
              {t('home.createFailed')}
            </p>
          )}
        </section>


        <section className="boards" aria-labelledby="boards-heading">
          <h2 id="boards-heading">{t('home.boardsHeading')}</h2>
          <p className="muted">{t('access.boardsIntro')}</p>
          {boards.length === 0 && <p className="muted">{t('access.noBoards')}</p>}
          {boards.length > 0 && (
            <ul className="board-list">
              {boards.map((board) => (
                <li key={board.id}>
                  <Link className="board-link" href={boardPath(board.id)}>
                    <Icon name="board" />
                    <span className="board-link-text">
                      <span className={`board-link-title${board.title ? '' : ' muted'}`}>{board.title || t('board.untitled')}</span>
                      <span className="board-link-meta">
                        {board.role ? `${t(`access.role.${board.role}`)} · ` : ''}
                        {t('access.lastOpened', { when: formatLastChange(board.seenAt, now, i18n.language) })}
                      </span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </div>
  );
}
