import { activeNominations } from '../../shared/records/skillLink.ts';
import type { BoardView } from './boardIndexService.ts';

const COLUMNS = ['vaardigheid', 'categorie', 'voorbehouden handeling', 'persoon', 'rol', 'eigen niveau', 'bevoegd en bekwaam', 'genomineerd door', 'steunbetuigingen', 'nominatie', 'aanspreekbaar', 'student'];

/**
 * What a spreadsheet may take for a formula: = + - @ (and their full-width forms, which
 * some spreadsheets read as the ASCII ones), also after leading tabs, returns and spaces,
 * which Excel and LibreOffice skip.
 */
const FORMULA_START = /^[\t\r ]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One CSV field: quoted when it holds the separator, a quote or a line break; formulas neutralised. */
export function csvField(value: string | number | boolean): string {
  let text = typeof value === 'boolean' ? (value ? 'ja' : 'nee') : String(value);
  // A leading apostrophe keeps names like "-Sam" or "=Daan" as text.
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The board's skill index as CSV that Excel and LibreOffice open correctly with Dutch
 * settings: UTF-8 with a byte-order mark (so ë and é survive), ';' between fields (the
 * Dutch list separator), CRLF line ends. One row per person per skill.
 */
export function indexToCsv({ board, index }: BoardView): string {
  const people = new Map(board.people.map((p) => [p.id, p]));
  const rows: string[][] = [COLUMNS];
  const name = (id?: string) => (id ? (people.get(id)?.name ?? '') : '');
  for (const skill of [...board.skills].sort((a, b) => a.label.localeCompare(b.label, 'nl'))) {
    for (const holder of index.bySkill.get(skill.id) ?? []) {
      const person = people.get(holder.personId)!;
      const active = activeNominations(holder.nominations);
      rows.push(
        [
          skill.label,
          skill.category,
          skill.reservedAct,
          person.name || person.kind,
          person.kind,
          holder.selfLevel ?? '',
          holder.authorisedAndCompetent,
          active.map((n) => name(n.nominatedBy)).filter(Boolean).join(', '),
          active.reduce((sum, n) => sum + n.backers.length, 0),
          active.map((n) => n.response).join(', '),
          holder.canBeAsked,
          holder.fromStudent,
        ].map(csvField),
      );
    }
  }
  return '\uFEFF' + rows.map((row) => row.join(';')).join('\r\n') + '\r\n';
}
