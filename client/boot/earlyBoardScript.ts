// Entry of the script inlined into index.html (see vite.config.ts): keep it to this import,
// it runs before anything else on the page.
import { startEarlyBoard } from './earlyBoard.ts';

startEarlyBoard();
