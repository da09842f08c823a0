import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.tsx';

/** The `?` overlay: every keyboard shortcut on the board. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
  const rows: Array<[string[], string]> = [
    [[t('shortcuts.click')], t('shortcuts.select')],
    [[t('shortcuts.shiftClick')], t('shortcuts.addToSelection')],
    [[t('shortcuts.shiftDrag')], t('shortcuts.box')],
    [[t('shortcuts.arrows')], t('shortcuts.move')],
    [[t('shortcuts.shiftArrows')], t('shortcuts.moveFar')],
    [['Enter', 'F2'], t('shortcuts.edit')],
    [['Delete'], t('shortcuts.remove')],
    [[`${mod}+Z`], t('shortcuts.undo')],
    [[`${mod}+Shift+Z`, 'Ctrl+Y'], t('shortcuts.redo')],
    [['Esc'], t('shortcuts.escape')],
    [['+', '−'], t('shortcuts.zoom')],
    [['?'], t('shortcuts.help')],
  ];
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
