import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_TITLE_MAX } from '../../shared/records/meta.ts';
import { Icon } from './Icon.tsx';

interface Props {
  title: string;
  editable: boolean;
  onRename(title: string): void;
}

/** The board's name; click to edit. While not editing it follows remote renames live. */
export const BoardTitle = memo(function BoardTitle({ title, editable, onRename }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);

  if (draft !== null) {
    const commit = () => {
      if (draft.trim() !== title) onRename(draft);
      setDraft(null);
    };
    return (
      <input
        className="board-title-input"
        aria-label={t('board.titleLabel')}
        value={draft}
        maxLength={BOARD_TITLE_MAX}
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
        placeholder={t('board.untitled')}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
    );
  }

  const shown = title || t('board.untitled');
  if (!editable) {
    return (
      <h1 className={`board-title${title ? '' : ' board-title-empty'}`} title={shown}>
        {shown}
      </h1>
    );
  }
  return (
    <h1 className="board-title-heading">
      <button
        type="button"
        className={`board-title${title ? '' : ' board-title-empty'}`}
        title={t('board.editTitle')}
        aria-label={`${shown} — ${t('board.editTitle')}`}
        onClick={() => setDraft(title)}
      >
        <span className="board-title-text">{shown}</span>
        <Icon name="pencil" size={18} />
      </button>
    </h1>
  );
});
