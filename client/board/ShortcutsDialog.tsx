import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';
import { ACTIONS } from './actions.ts';

/** Pointer gestures are not commands, so they are not in the action list; the dialog lists them first. */
const GESTURES: Array<[string, string]> = [
  ['shortcuts.click', 'shortcuts.select'],
  ['shortcuts.shiftClick', 'shortcuts.addToSelection'],
  ['shortcuts.shiftDrag', 'shortcuts.box'],
];

/** How a combo from the action list reads on the keycap: "Mod+Shift+Z" → "Ctrl+Shift+Z". */
function keyLabel(combo: string, mod: string): string {
  if (combo === '-') return '−';
  return combo.replace(/^Mod\+/, `${mod}+`).replace(/^Escape$/, 'Esc');
}

/** Rows of the table: one per shortcut label, with every key of the actions that share it. */
export function shortcutRows(translate: (key: string) => string, mod: string): Array<[string[], string]> {
  const rows = new Map<string, string[]>();
  for (const { kbd, shortcut } of ACTIONS) {
    if (!kbd || !shortcut) continue;
    const keys = rows.get(shortcut.labelKey) ?? [];
    if (!rows.has(shortcut.labelKey)) rows.set(shortcut.labelKey, keys);
    if (shortcut.keysLabelKey) {
      if (keys.length === 0) keys.push(translate(shortcut.keysLabelKey));
      continue;
    }
    for (const combo of shortcut.keys ?? kbd) keys.push(keyLabel(combo, mod));
  }
  return [...rows].map(([labelKey, keys]) => [keys, translate(labelKey)]);
}

/** The `?` overlay: every keyboard shortcut on the board. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
  const rows: Array<[string[], string]> = [...GESTURES.map(([keys, what]): [string[], string] => [[t(keys)], t(what)]), ...shortcutRows(t, mod)];
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose} className="dialog-wide">
      <table className="shortcuts">
        <tbody>
          {rows.map(([keys, what]) => (
            <tr key={what}>
              <td>
                {keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && ' / '}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-help">{t('shortcuts.note')}</p>
    </Dialog>
  );
}
