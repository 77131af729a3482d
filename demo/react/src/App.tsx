import { useState } from 'react';
// Types <kyc-onboarding> in JSX: its properties, attributes and `on<event>` handlers.
import type {} from 'kyc-onboarding/react-jsx';

/**
 * React 19 renders custom elements natively: a prop is set as a property when the element has one
 * (else as an attribute), and `onkyc-…` props are listeners of the element's events. Your page is
 * signed in already: the widget talks to your backend's proxy at /kyc, which knows who the person is.
 */
export function App() {
  const [events, setEvents] = useState<string[]>([]);
  const log = (line: string) => setEvents((lines) => [...lines, line]);

  return (
    <main>
      <h1>Verify your identity</h1>
      <kyc-onboarding
        endpoint="/kyc"
        theme="auto"
        onkyc-ready={(event) => log(`kyc-ready: ${event.detail.status ?? 'no application yet'}`)}
        onkyc-step-change={(event) => log(`kyc-step-change: step ${event.detail.to + 1} of ${event.detail.total}`)}
        onkyc-complete={() => log('kyc-complete: approved')}
        onkyc-error={(event) => log(`kyc-error: ${event.detail.code}`)}
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
