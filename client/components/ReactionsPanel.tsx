import { useTranslation } from 'react-i18next';
import { REACTION_KINDS, type Reaction, type ReactionKind } from '../../shared/records/reaction.ts';
import { Icon } from './Icon.tsx';

interface Props {
  reactions: readonly Reaction[];
  authorName(id: string | undefined): string | null;
  editable: boolean;
  onAdd(kind: ReactionKind): void;
  onShow(reactionId: string): void;
}

/** The sounding board: how many of each reaction, and what they say. */
export function ReactionsPanel({ reactions, authorName, editable, onAdd, onShow }: Props) {
  const { t } = useTranslation();
  const byKind = new Map<ReactionKind, Reaction[]>(REACTION_KINDS.map((k) => [k, []]));
  for (const r of [...reactions].sort((a, b) => a.createdAt - b.createdAt)) byKind.get(r.kind)!.push(r);
  return (
    <div className="reactions-panel">
      <p className="panel-intro">{t('reactions.intro')}</p>
      <ul className="reaction-counts" aria-label={t('reactions.title')}>
        {REACTION_KINDS.map((kind) => (
          <li key={kind} className={`reaction-count reaction-${kind}`} data-kind={kind}>
            <Icon name={kind} />
            <span className="reaction-count-number">{byKind.get(kind)!.length}</span>
            <span className="reaction-count-label">{t(`reactionKind.${kind}`)}</span>
          </li>
        ))}
      </ul>
      {editable && (
        <div className="reaction-add">
          <span className="field-label">{t('reactions.add')}</span>
          <div className="reaction-add-buttons">
            {REACTION_KINDS.map((kind) => (
              <button key={kind} type="button" className={`button reaction-button reaction-${kind}`} onClick={() => onAdd(kind)}>
                <Icon name={kind} />
                <span>{t(`reactionKind.${kind}`)}</span>
              </button>
            ))}
          </div>
        </div>
      )}
      {reactions.length === 0 && <p className="muted">{t('reactions.none')}</p>}
      {REACTION_KINDS.filter((kind) => byKind.get(kind)!.length > 0).map((kind) => (
        <section key={kind} className="reaction-group">
          <h3 className={`panel-subheading reaction-heading-${kind}`}>
            {t(`reactionKind.${kind}`)} ({byKind.get(kind)!.length})
          </h3>
          <ul className="question-list">
            {byKind.get(kind)!.map((r) => {
              const author = authorName(r.authorId);
              return (
                <li key={r.id}>
                  <button type="button" className="question-link" onClick={() => onShow(r.id)}>
                    <span className="question-link-text">{r.text || t('reactions.untitled')}</span>
                    {author && <span className="question-link-meta">{author}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
