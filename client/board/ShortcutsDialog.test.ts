import { describe, expect, it } from 'vitest';
import { shortcutRows } from './ShortcutsDialog.tsx';

describe('the shortcuts dialog', () => {
  it('does list every key of the action list, one row per command, in the order people read them', () => {
    const rows = shortcutRows((key) => `«${key}»`, 'Ctrl');
    expect(rows).toEqual([
      [['«shortcuts.arrows»'], '«shortcuts.move»'],
      [['«shortcuts.shiftArrows»'], '«shortcuts.moveFar»'],
      [['Enter', 'F2'], '«shortcuts.edit»'],
      [['Delete'], '«shortcuts.remove»'],
      [['Ctrl+Z'], '«shortcuts.undo»'],
      [['Ctrl+Shift+Z', 'Ctrl+Y'], '«shortcuts.redo»'],
      [['Esc'], '«shortcuts.escape»'],
      [['+', '−'], '«shortcuts.zoom»'],
      [['?'], '«shortcuts.help»'],
    ]);
  });

  it('does show ⌘ on a Mac', () => {
    const undo = shortcutRows((key) => key, '⌘').find(([, what]) => what === 'shortcuts.undo');
    expect(undo?.[0]).toEqual(['⌘+Z']);
  });
});
