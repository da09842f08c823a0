import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSON_KINDS, PERSON_NAME_MAX, type PersonKind } from '../../shared/records/person.ts';
import { foldText } from '../../shared/skillSearch.ts';
import { PRESENCE_COLOURS, pickColour } from '../storage/identity.ts';
import { Dialog } from './Dialog.tsx';
import { Field } from './Field.tsx';
import { FormActions } from './FormActions.tsx';
import { KindBadge } from './KindBadge.tsx';
import { TranslatedOptions } from './Options.tsx';
import { SearchField } from './SearchField.tsx';
import { NEW_STUDENT, StudentFields, type StudentDetails } from './StudentFields.tsx';
import { TextField } from './TextField.tsx';

export interface JoinablePerson {
  id: string;
  name: string;
  kind: PersonKind;
  colour?: string;
}

export interface NewParticipant {
  name: string;
  kind: PersonKind;
  student?: StudentDetails;
  colour: string;
}

interface Props {
  people: JoinablePerson[];
  /** Colours already used by people on the board, so a newcomer gets a free one. */
  takenColours: string[];
  currentId: string | null;
  onPick(personId: string): void;
  onCreate(person: NewParticipant): void;
  /** Go on without a name. */
  onGuest(): void;
}

/** Only named people can be somebody's identity; role placeholders have no name to join as. */
const JOINABLE_KINDS = PERSON_KINDS;

/**
 * "Wie ben jij?": pick your own card from the board or make one, and get a colour.
 * Everything the participant then does is attributed to that person.
 */
/** Names listed before the search has to narrow them down. */
const MAX_SHOWN = 40;
const byName = new Intl.Collator('nl');

export function JoinDialog({ people, takenColours, currentId, onPick, onCreate, onGuest }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PersonKind>('professional-team');
  const [student, setStudent] = useState(NEW_STUDENT);
  const [colour, setColour] = useState(() => pickColour(takenColours));
  const [error, setError] = useState<string | null>(null);

  const sorted = useMemo(() => [...people].sort((a, b) => byName.compare(a.name, b.name)), [people]);
  const matching = useMemo(() => {
    const q = foldText(query);
    return q ? sorted.filter((p) => foldText(p.name).split(' ').some((w) => w.startsWith(q)) || foldText(p.name).startsWith(q)) : sorted;
  }, [sorted, query]);
  // A list of hundreds of names helps nobody (and takes long to draw): the first ones, then the search.
  const shown = matching.length > MAX_SHOWN ? matching.slice(0, MAX_SHOWN) : matching;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError(t('form.nameRequired'));
      return;
    }
    onCreate({ name: trimmed, kind, ...(kind === 'student' ? { student } : {}), colour });
  };

  return (
    <Dialog title={t('join.title')} onClose={onGuest}>
      <p className="dialog-intro">{t('join.intro')}</p>
      {people.length > 0 && (
        <section className="join-section" aria-labelledby={`${id}-pick`}>
          <h3 id={`${id}-pick`}>{t('join.pickHeading')}</h3>
          {people.length > 6 && <SearchField bare label={t('join.search')} value={query} onChange={setQuery} />}
          <ul className="join-people">
            {shown.map((person) => (
              <li key={person.id}>
                <button type="button" className="join-person" aria-current={person.id === currentId ? 'true' : undefined} onClick={() => onPick(person.id)}>
                  <KindBadge kind={person.kind} ring={person.colour} />
                  <span className="join-person-text">
                    <span className="join-person-name">{person.name}</span>
                    <span className="join-person-kind">{t(`personKind.${person.kind}`)}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {shown.length === 0 && <p className="muted">{t('join.noMatch')}</p>}
          {matching.length > shown.length && <p className="muted">{t('join.more', { count: matching.length - shown.length })}</p>}
        </section>
      )}
      <section className="join-section" aria-labelledby={`${id}-new`}>
        <h3 id={`${id}-new`}>{t('join.newHeading')}</h3>
        <form className="form" onSubmit={submit} noValidate>
          <TextField
            label={t('form.name')}
            error={error}
            name="name"
            value={name}
            maxLength={PERSON_NAME_MAX}
            placeholder={t('form.namePlaceholder')}
            onChange={(value) => {
              setName(value);
              setError(null);
            }}
          />
          <Field label={t('form.kind')}>
            <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as PersonKind)}>
              <TranslatedOptions values={JOINABLE_KINDS} labelKey="personKind" />
            </select>
          </Field>
          {kind === 'student' && <StudentFields value={student} onChange={setStudent} />}
          <fieldset className="colour-field">
            <legend className="field-label">{t('join.colour')}</legend>
            <div className="colour-swatches">
              {PRESENCE_COLOURS.map((c, i) => (
                <label key={c} className="colour-swatch" style={{ background: c }} title={t('join.colourOption', { number: i + 1 })}>
                  <input type="radio" name="colour" value={c} checked={colour === c} onChange={() => setColour(c)} aria-label={t('join.colourOption', { number: i + 1 })} />
                </label>
              ))}
            </div>
          </fieldset>
          <FormActions submitLabel={t('join.create')} />
        </form>
      </section>
      <footer className="join-footer">
        <button type="button" className="button button-quiet" onClick={onGuest}>
          {t('join.asGuest')}
        </button>
        <span className="field-help">{t('join.guestHint')}</span>
      </footer>
    </Dialog>
  );
}
