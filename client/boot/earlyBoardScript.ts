// Entry of the script inlined into index.html (see vite.config.ts): keep it to this import,
// it runs before anything else on the page.
import { startEarlyBoard } from './earlyBoard.ts';

// The build names the early Yjs entry on this script's data-yjs attribute (vite.config.ts).
startEarlyBoard(window.location, undefined, (document.currentScript as HTMLScriptElement | null)?.dataset.yjs ?? null);
