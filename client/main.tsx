import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/index.ts';
import { App } from './App.tsx';
import './styles.css';

// User Timing: the benchmark reads when the script ran (see bench/tools/canvasProfile.ts).
performance.mark('iedereen:script');
initI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
performance.mark('iedereen:render-called');
