import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Registers <kyc-onboarding> once for the page, before React renders it.
import 'kyc-onboarding/kyc-onboarding.js';
import { App } from './App.tsx';
import './app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
