import type { TFunction } from 'i18next';

/**
 * A `t` that remembers the texts it was asked for by key alone (no options). The board's
 * workspace renders on every remote card move — up to 60 times a second in a busy session —
 * and asks for some seventy labels each time; i18next resolves each one again (~10 µs).
 * Make a new one per language: the texts of one language never change while it is shown.
 */
export function rememberTranslations(t: TFunction): TFunction {
  const texts = new Map<string, unknown>();
  const call = t as unknown as (...args: unknown[]) => unknown;
  return ((...args: unknown[]) => {
    if (args.length !== 1 || typeof args[0] !== 'string') return call(...args);
    const key = args[0];
    let text = texts.get(key);
    if (text === undefined) texts.set(key, (text = call(key)));
    return text;
  }) as unknown as TFunction;
}
