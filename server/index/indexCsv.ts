import type { BoardView } from './boardIndexService.ts';

const COLUMNS = ['vaardigheid', 'categorie', 'voorbehouden handeling', 'persoon', 'rol', 'eigen niveau', 'bevoegd en bekwaam', 'genomineerd door', 'steunbetuigingen', 'nominatie', 'aanspreekbaar', 'student'];

/** One CSV field: quoted when it holds the separator, a quote or a line break; formulas neutralised. */
function field(value: string | number | boolean): string {
  let text = typeof value === 'boolean' ? (value ? 'ja' : 'nee') : String(value);
  // A cell starting with = + - @ is a formula to a spreadsheet: keep names like "-Sam" as text.
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
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
      const active = holder.nominations.filter((n) => n.response !== 'declined');
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
        ].map(field),
      );
    }
  }
  return '\uFEFF' + rows.map((row) => row.join(';')).join('\r\n') + '\r\n';
}
