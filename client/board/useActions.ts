import { useCallback, useEffect, useMemo, useRef } from 'react';
import { actionForKey, actionStateKey, actionStatesFromKey, runAction, type ActionContext, type ActionStates } from './actions.ts';

const isTextEntry = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
const isControl = (target: EventTarget | null) => target instanceof HTMLElement && ['BUTTON', 'A'].includes(target.tagName);

export interface BoardActions {
  /** Stable for the workspace's life: runs the action against the latest context, if enabled. */
  run(id: string): void;
  /** The same object while no action's enabled/pressed answer changed (the chrome is memoised on it). */
  states: ActionStates;
}

/**
 * The action list bound to the workspace: one stable `run` for the chrome and the keyboard,
 * reading the context through one ref, so a remote card move (a new context) re-renders
 * neither the toolbar nor the rail. Keys are ignored while a dialog is open or a card is edited.
 */
export function useActions(ctx: ActionContext, keysBlocked: boolean): BoardActions {
  const live = useRef({ ctx, keysBlocked });
  live.current = { ctx, keysBlocked };
  const run = useCallback((id: string) => void runAction(id, live.current.ctx), []);
  const stateKey = actionStateKey(ctx);
  const states = useMemo(() => actionStatesFromKey(stateKey), [stateKey]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const { ctx, keysBlocked } = live.current;
      if (keysBlocked || e.defaultPrevented || e.altKey || isTextEntry(e.target)) return;
      // Enter and Space on a focused button press the button.
      if (isControl(e.target) && (e.key === 'Enter' || e.key === ' ')) return;
      const found = actionForKey({ key: e.key, shiftKey: e.shiftKey, mod: e.ctrlKey || e.metaKey });
      if (!found || !found.enabled(ctx)) return;
      e.preventDefault();
      found.run(ctx);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return { run, states };
}
