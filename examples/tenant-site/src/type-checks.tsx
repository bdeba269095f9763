// Compile-time checks that the widgets' JSX types (generated from their Custom Elements Manifest)
// refuse what the widgets would not take. `tsc` fails if any line below stops being an error, so the
// types cannot quietly become `any`. Never rendered.
import type { SgErrorEvent } from '@doorstep/widgets';

export const checks = [
  // @ts-expect-error: "anonymous" is not one of the concern form's modes (staff, contractor, public)
  <sg-concern-form mode="anonymous" />,
  // @ts-expect-error: a token is a string
  <sg-feedback token={42} />,
  // @ts-expect-error: offline storage is 'on' or 'off'
  <sg-concern-form offlineStorage="sometimes" />,
  // @ts-expect-error: fetchToken returns a token (or a promise of one)
  <sg-provider fetchToken={() => 42} />,
  // @ts-expect-error: the feedback widget's submitted event carries no reference
  <sg-feedback onsg-feedback-submitted={(event) => event.reference} />,
  // @ts-expect-error: the handler is given the event's own class, not a string
  <sg-feedback onsg-error={(event: string) => event} />,
  // @ts-expect-error: an element the widgets do not define
  <sg-unknown />,
  // And what they do take:
  <sg-concern-form mode="public" offline-storage="off" onsg-error={(event: SgErrorEvent) => event.code} />,
];
