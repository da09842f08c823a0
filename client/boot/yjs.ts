// A second entry of the client build (vite.config.ts): the part of Yjs the inline early-board
// script needs, under stable export names, from the same module instances the app uses — so
// the document it decodes while the app loads is one the app's provider can take.
export { Doc, applyUpdate, applyUpdateV2 } from 'yjs';
