import { useTranslation } from 'react-i18next';
import { PERSON_KINDS } from '../../shared/records/person.ts';
import { CARE_TEAM_SKILLS } from '../../shared/templates/careTeam.ts';
import { KindBadge } from './KindBadge.tsx';

/** "Wie is iedereen?": every kind of person card, how to recognise it, and what chips mean. */
const sample = new Map(CARE_TEAM_SKILLS.map((s) => [s.key, s]));

export function Legend() {
  const { t, i18n } = useTranslation();
  const skill = (key: string) => {
    const template = sample.get(key);
    return template ? (i18n.language === 'en' ? template.en : template.nl) : key;
  };
  return (
    <div className="legend">
      <p className="panel-intro">{t('legend.intro')}</p>
      <ul className="legend-kinds">
        {PERSON_KINDS.map((kind) => (
          <li key={kind} className="legend-kind">
            <KindBadge kind={kind} size={40} />
            <span>
              <strong>{t(`personKind.${kind}`)}</strong>
              <span className="legend-explain">{t(`legend.kinds.${kind}`)}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="field-help">{t('legend.placeholders')}</p>
      <h3 className="panel-subheading">{t('legend.chipsHeading')}</h3>
      <ul className="legend-chips">
        <li>
          <span className="legend-chip legend-chip-own">{skill('wound-care')} · {t('levelShort.can-do')}</span>
          <span>{t('legend.chipOwn')}</span>
        </li>
        <li>
          <span className="legend-chip legend-chip-pending">{skill('oral-care')}</span>
          <span>{t('legend.chipPending')}</span>
        </li>
        <li>
          <span className="legend-chip legend-chip-own">
            {skill('oral-care')} <span aria-hidden="true">✓</span>
          </span>
          <span>{t('legend.chipAccepted')}</span>
        </li>
        <li>
          <span className="legend-chip legend-chip-own">
            {skill('fall-prevention')} <span className="legend-badge">+2</span>
          </span>
          <span>{t('legend.chipBackers')}</span>
        </li>
        <li>
          <span className="legend-chip legend-chip-reserved">▲ {skill('venepuncture')}</span>
          <span>{t('legend.chipReserved')}</span>
        </li>
      </ul>
    </div>
  );
}
