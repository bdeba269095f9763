import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Registers <sg-feedback>, <sg-concern-form> and <sg-provider> before React renders them, so React
// sets their props as properties (a token stays out of the DOM) and hears their events.
import '@doorstep/widgets/feedback.js';
import '@doorstep/widgets/concern-form.js';
import '../../housing-portal/portal.css';
import './site.css';
import { App } from './App.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
