import { ChangeDetectionStrategy, Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { KycErrorEvent, KycReadyEvent, KycStepChangeEvent } from 'kyc-onboarding';

/**
 * Angular leaves <kyc-onboarding> to the browser (CUSTOM_ELEMENTS_SCHEMA) and still type-checks
 * its events: with `strictTemplates`, `$event` is the event's class (the package declares the tag
 * and its events in HTMLElementTagNameMap and GlobalEventHandlersEventMap). Your page is signed in
 * already: the widget talks to your backend's proxy at /kyc, which knows who the person is.
 */
@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main>
      <h1>Verify your identity</h1>
      <kyc-onboarding
        endpoint="/kyc"
        theme="auto"
        (kyc-ready)="onReady($event)"
        (kyc-step-change)="onStepChange($event)"
        (kyc-complete)="log('kyc-complete: approved')"
        (kyc-error)="onError($event)"
      ></kyc-onboarding>
      <h2 id="events-heading">Widget events</h2>
      <div role="log" aria-labelledby="events-heading">
        <ol>
          @for (line of events(); track $index) {
            <li>{{ line }}</li>
          }
        </ol>
      </div>
    </main>
  `,
})
export class App {
  protected readonly events = signal<readonly string[]>([]);

  protected log(line: string): void {
    this.events.update((lines) => [...lines, line]);
  }

  protected onReady(event: KycReadyEvent): void {
    this.log(`kyc-ready: ${event.detail.status ?? 'no application yet'}`);
  }

  protected onStepChange(event: KycStepChangeEvent): void {
    this.log(`kyc-step-change: step ${event.detail.to + 1} of ${event.detail.total}`);
  }

  protected onError(event: KycErrorEvent): void {
    this.log(`kyc-error: ${event.detail.code}`);
  }
}
