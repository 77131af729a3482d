// React 18 and earlier: the `kyc-onboarding/react` wrapper sets properties and listens to events,
// which React ≤ 18 cannot do on a custom element. Importing it also registers <kyc-onboarding>.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { KycOnboarding } from 'kyc-onboarding/react';
import './app.css';

function App() {
  const [events, setEvents] = useState<string[]>([]);
  const log = (line: string) => setEvents((lines) => [...lines, line]);

  return (
    <main>
      <h1>Verify your identity</h1>
      <KycOnboarding
        endpoint="/kyc"
        theme="auto"
        onKycReady={(event) => log(`kyc-ready: ${event.detail.status ?? 'no application yet'}`)}
        onKycStepChange={(event) => log(`kyc-step-change: step ${event.detail.to + 1} of ${event.detail.total}`)}
        onKycComplete={() => log('kyc-complete: approved')}
        onKycError={(event) => log(`kyc-error: ${event.detail.code}`)}
      />
      <h2 id="events-heading">Widget events</h2>
      <div role="log" aria-labelledby="events-heading">
        <ol>
          {events.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ol>
      </div>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
