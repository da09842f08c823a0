import { useTranslation } from 'react-i18next';
import { QUESTION_STATUSES, type LearningQuestion } from '../../shared/records/learningQuestion.ts';
import { Icon } from './Icon.tsx';

interface Props {
  names: [string, string];
  questions: readonly LearningQuestion[];
  editable: boolean;
  onUnpair(): void;
  onShow(questionId: string): void;
}

const PROMPTS = ['q1', 'q2', 'q3', 'q4'] as const;

/** A peer-to-peer pair: reflective questions to talk through, and the pair's learning questions. */
export function PairPanel({ names, questions, editable, onUnpair, onShow }: Props) {
  const { t } = useTranslation();
  return (
    <div className="pair-panel">
      <p className="pair-heading">{t('pair.heading', { a: names[0], b: names[1] })}</p>
      <div className="prompt-card">
        <p className="prompt-intro">{t('pair.intro')}</p>
        <ol className="prompts">
          {PROMPTS.map((key) => (
            <li key={key}>{t(`pair.prompts.${key}`)}</li>
          ))}
        </ol>
      </div>
      <h3 className="panel-subheading">{t('pair.questions')}</h3>
      {questions.length === 0 && <p className="muted">{t('pair.noQuestions')}</p>}
      <ul className="question-list">
        {questions.map((q) => (
          <li key={q.id}>
            <button type="button" className="question-link" onClick={() => onShow(q.id)}>
              <span className="question-link-text">{q.text}</span>
              <span className="question-link-meta">
                {QUESTION_STATUSES.indexOf(q.status) + 1}. {t(`questionStatus.${q.status}`)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {editable && (
        <button type="button" className="button button-danger" onClick={onUnpair}>
          <Icon name="link" />
          <span>{t('pair.unpair')}</span>
        </button>
      )}
    </div>
  );
}
