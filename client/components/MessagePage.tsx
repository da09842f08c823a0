import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Link } from './Link.tsx';

interface Props {
  /** The page's heading, and the tab's title before the app's name. */
  title: string;
  /** A refusal or failure, announced at once; a page that only waits is not an alert. */
  alert?: boolean;
  /** Which refusal this page shows (`data-denial`), or which state (`data-state`): for tests and support. */
  denial?: string;
  state?: string;
  /** The explanation, one paragraph each. */
  children: ReactNode;
  /** What the person can do next; by default, go back home. */
  action?: ReactNode;
}

/** A page of its own with one message: a board that is missing, refused, damaged or busy. */
export function MessagePage({ title, alert = false, denial, state, children, action }: Props) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [t, title]);
  return (
    <div className="center-page">
      <div className="corner-switch">
        <LanguageSwitch />
      </div>
      <main className="panel message-panel" role={alert ? 'alert' : undefined} data-denial={denial} data-state={state}>
        <h1>{title}</h1>
        {children}
        {action ?? (
          <Link href="/" className="button button-primary">
            <Icon name="back" />
            <span>{t('board.goHome')}</span>
          </Link>
        )}
      </main>
    </div>
  );
}
