import type { SkillCategory } from '../records/skill.ts';

export interface TemplateSkill {
  /** Stable key: lets a client show the label in the reader's language. */
  key: string;
  nl: string;
  en: string;
  category: SkillCategory;
  /** Voorbehouden handeling (Wet BIG): only bevoegd én bekwaam people may be matched. */
  reservedAct: boolean;
  /** Words colleagues search for, in Dutch. */
  synonyms?: string[];
}

/**
 * The Dutch care-team starter set: skills from the nursing profiles, grouped by the seven
 * CanMEDS roles. Reserved acts follow the Wet BIG list (injecting, catheterising,
 * venepuncture, inserting a tube).
 */
export const CARE_TEAM_SKILLS: readonly TemplateSkill[] = [
  // zorgverlener
  { key: 'wound-care', nl: 'wondzorg', en: 'wound care', category: 'zorgverlener', reservedAct: false, synonyms: ['wondverzorging', 'wond'] },
  { key: 'pressure-ulcer-prevention', nl: 'decubituspreventie', en: 'pressure ulcer prevention', category: 'zorgverlener', reservedAct: false, synonyms: ['doorliggen', 'decubitus'] },
  { key: 'oral-care', nl: 'mondzorg', en: 'oral care', category: 'zorgverlener', reservedAct: false, synonyms: ['gebitsverzorging', 'tanden poetsen'] },
  { key: 'catheterisation', nl: 'katheteriseren', en: 'urinary catheterisation', category: 'zorgverlener', reservedAct: true, synonyms: ['blaaskatheter', 'katheter'] },
  { key: 'tube-feeding', nl: 'sondevoeding inbrengen', en: 'inserting a feeding tube', category: 'zorgverlener', reservedAct: true, synonyms: ['sonde', 'maagsonde'] },
  { key: 'injection', nl: 'injecteren (s.c./i.m.)', en: 'injections (s.c./i.m.)', category: 'zorgverlener', reservedAct: true, synonyms: ['injectie', 'subcutaan', 'intramusculair', 'insuline'] },
  { key: 'venepuncture', nl: 'venapunctie', en: 'venepuncture', category: 'zorgverlener', reservedAct: true, synonyms: ['bloedafname', 'bloed prikken'] },
  { key: 'medication-check', nl: 'medicatie controleren', en: 'checking medication', category: 'zorgverlener', reservedAct: false, synonyms: ['medicijnen', 'dubbele controle'] },
  { key: 'palliative-care', nl: 'palliatieve zorg', en: 'palliative care', category: 'zorgverlener', reservedAct: false, synonyms: ['terminale zorg', 'levenseinde'] },
  { key: 'stoma-care', nl: 'stomazorg', en: 'stoma care', category: 'zorgverlener', reservedAct: false, synonyms: ['stoma'] },
  { key: 'vital-signs', nl: 'vitale functies meten', en: 'measuring vital signs', category: 'zorgverlener', reservedAct: false, synonyms: ['bloeddruk', 'saturatie', 'temperatuur', 'MEWS'] },
  { key: 'pain-assessment', nl: 'pijn meten en behandelen', en: 'assessing pain', category: 'zorgverlener', reservedAct: false, synonyms: ['pijnscore', 'pijn'] },
  { key: 'safe-transfers', nl: 'veilig transfers maken', en: 'safe transfers', category: 'zorgverlener', reservedAct: false, synonyms: ['tillift', 'tillen', 'transfer'] },
  // communicator
  { key: 'sbar-handover', nl: 'SBAR-overdracht', en: 'SBAR handover', category: 'communicator', reservedAct: false, synonyms: ['overdracht', 'sbar'] },
  { key: 'challenging-behaviour', nl: 'omgaan met onbegrepen gedrag', en: 'responding to challenging behaviour', category: 'communicator', reservedAct: false, synonyms: ['probleemgedrag', 'dementie', 'agressie'] },
  { key: 'caregiver-conversation', nl: 'gesprek met mantelzorger', en: 'talking with informal caregivers', category: 'communicator', reservedAct: false, synonyms: ['mantelzorg', 'familiegesprek'] },
  { key: 'bad-news', nl: 'slecht-nieuwsgesprek', en: 'breaking bad news', category: 'communicator', reservedAct: false, synonyms: ['moeilijk gesprek'] },
  { key: 'reporting', nl: 'rapporteren in het dossier', en: 'record keeping', category: 'communicator', reservedAct: false, synonyms: ['rapportage', 'dossier', 'ECD'] },
  // samenwerkingspartner
  { key: 'multidisciplinary-meeting', nl: 'multidisciplinair overleg', en: 'multidisciplinary meeting', category: 'samenwerkingspartner', reservedAct: false, synonyms: ['MDO'] },
  { key: 'care-plan-with-caregiver', nl: 'mantelzorger betrekken bij het zorgplan', en: 'involving caregivers in the care plan', category: 'samenwerkingspartner', reservedAct: false, synonyms: ['zorgplan', 'mantelzorg'] },
  { key: 'consulting-doctor', nl: 'arts consulteren', en: 'consulting a doctor', category: 'samenwerkingspartner', reservedAct: false, synonyms: ['huisarts', 'specialist ouderengeneeskunde'] },
  // reflectieve EBP-professional
  { key: 'clinical-reasoning', nl: 'klinisch redeneren', en: 'clinical reasoning', category: 'reflectieve-ebp-professional', reservedAct: false, synonyms: ['redeneren'] },
  { key: 'finding-evidence', nl: 'richtlijnen en onderzoek opzoeken', en: 'finding guidelines and evidence', category: 'reflectieve-ebp-professional', reservedAct: false, synonyms: ['richtlijn', 'evidence based', 'EBP'] },
  { key: 'reflecting', nl: 'reflecteren op eigen handelen', en: 'reflecting on practice', category: 'reflectieve-ebp-professional', reservedAct: false, synonyms: ['reflectie', 'intervisie'] },
  { key: 'giving-feedback', nl: 'feedback geven en vragen', en: 'giving and asking feedback', category: 'reflectieve-ebp-professional', reservedAct: false, synonyms: ['feedback'] },
  // gezondheidsbevorderaar
  { key: 'self-management', nl: 'zelfmanagement ondersteunen', en: 'supporting self-management', category: 'gezondheidsbevorderaar', reservedAct: false, synonyms: ['eigen regie', 'zelfredzaamheid'] },
  { key: 'fall-prevention', nl: 'valpreventie', en: 'fall prevention', category: 'gezondheidsbevorderaar', reservedAct: false, synonyms: ['vallen', 'valrisico'] },
  { key: 'lifestyle-advice', nl: 'leefstijladvies', en: 'lifestyle advice', category: 'gezondheidsbevorderaar', reservedAct: false, synonyms: ['leefstijl', 'voeding', 'bewegen', 'stoppen met roken'] },
  { key: 'nutrition-screening', nl: 'ondervoeding signaleren', en: 'screening for malnutrition', category: 'gezondheidsbevorderaar', reservedAct: false, synonyms: ['ondervoeding', 'SNAQ', 'voeding'] },
  { key: 'delirium-recognition', nl: 'delier herkennen', en: 'recognising delirium', category: 'gezondheidsbevorderaar', reservedAct: false, synonyms: ['delier', 'DOS-schaal', 'verwardheid'] },
  // organisator
  { key: 'planning-care', nl: 'zorg plannen en prioriteren', en: 'planning and prioritising care', category: 'organisator', reservedAct: false, synonyms: ['planning', 'prioriteren'] },
  { key: 'coordinating-shift', nl: 'dienst coördineren', en: 'coordinating a shift', category: 'organisator', reservedAct: false, synonyms: ['coördinator', 'dienst'] },
  { key: 'supervising-students', nl: 'studenten begeleiden', en: 'supervising students', category: 'organisator', reservedAct: false, synonyms: ['werkbegeleiding', 'stage', 'begeleiden'] },
  // professional en kwaliteitsbevorderaar
  { key: 'incident-reporting', nl: 'incidenten melden (MIC)', en: 'reporting incidents', category: 'professional-kwaliteitsbevorderaar', reservedAct: false, synonyms: ['MIC', 'VIM', 'incident'] },
  { key: 'infection-prevention', nl: 'infectiepreventie', en: 'infection prevention', category: 'professional-kwaliteitsbevorderaar', reservedAct: false, synonyms: ['hygiëne', 'handhygiëne', 'isolatie'] },
  { key: 'ethics-dilemmas', nl: 'ethische dilemma’s bespreken', en: 'discussing ethical dilemmas', category: 'professional-kwaliteitsbevorderaar', reservedAct: false, synonyms: ['ethiek', 'moreel beraad'] },
  { key: 'freedom-restriction', nl: 'vrijheidsbeperking voorkomen', en: 'avoiding restraint', category: 'professional-kwaliteitsbevorderaar', reservedAct: false, synonyms: ['Wzd', 'onvrijwillige zorg', 'fixatie'] },
];

export const BOARD_TEMPLATES = ['empty', 'care-team'] as const;
export type BoardTemplate = (typeof BOARD_TEMPLATES)[number];
