import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { connectDesk } from './api/desk';

// Connect before the first render: in browser mode this also takes the token out of the address bar.
const connection = connectDesk();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <App connection={connection} />
  </StrictMode>,
);
