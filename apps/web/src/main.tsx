import 'dkfds/dist/css/dkfds-virkdk.min.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App i18n={initI18n()} />
  </StrictMode>,
);
