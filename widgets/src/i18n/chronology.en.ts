import { commonEn } from './common.js';
import type { ChronologyTranslation } from './translation.js';

const n = (count: number, locale: string) => count.toLocaleString(locale);
const entries = (count: number, locale: string) => `${n(count, locale)} ${count === 1 ? 'entry' : 'entries'}`;

const SOURCES: Partial<Record<string, string>> = {
  Concern: 'Open the concern',
  Warning: 'Open the warning',
  Referral: 'Open the referral',
  CumulativeFlag: 'Open the flag',
  Person: 'Open the person',
  Household: 'Open the household',
  Case: 'Open the case',
};

/** English words of `<sg-chronology>`. */
export const chronologyEn: ChronologyTranslation = {
  ...commonEn,
  chronology: {
    title: 'Chronology',
    loading: 'Loading the chronology…',
    count: (shown, total, locale) => `Showing ${n(shown, locale)} of ${entries(total, locale)}`,
    notAvailable: 'This chronology is not available. You may not have access to it, or it may not exist.',
    empty: 'There is nothing in this chronology yet.',
    noMatch: 'No entries match these filters.',
    kinds: {
      CONCERN_RAISED: 'Concern raised',
      CONCERN_TRIAGED: 'Concern triaged',
      RISK_LEVEL_CHANGED: 'Risk level changed',
      CONCERN_CLOSED: 'Concern closed',
      CUMULATIVE_FLAG_RAISED: 'Repeated concerns flagged',
      CUMULATIVE_FLAG_REVIEWED: 'Repeated concerns reviewed',
      WARNING_ADDED: 'Warning added',
      WARNING_CHANGED: 'Warning changed',
      WARNING_SIGNED_OFF: 'Warning signed off',
      WARNING_ENDED: 'Warning ended',
      MEMBER_JOINED: 'Joined the household',
      MEMBER_LEFT: 'Left the household',
      PERSON_MERGED: 'Records merged',
      REFERRAL_SENT: 'Referral sent',
      FEEDBACK_LINK_SENT: 'Feedback link sent',
      REFERRAL_ACKNOWLEDGED: 'Referral acknowledged',
      REFERRAL_ACCEPTED: 'Referral accepted',
      REFERRAL_DECLINED: 'Referral declined',
      REFERRAL_CLOSED: 'Referral closed',
      REFERRAL_WITHDRAWN: 'Referral withdrawn',
      DASH_CHECKLIST_RECORDED: 'DASH risk checklist recorded',
      DASH_CHECKLIST_CHANGED: 'DASH risk checklist corrected',
      CAPACITY_ASSESSMENT_RECORDED: 'Mental capacity assessment recorded',
      CAPACITY_ASSESSMENT_CHANGED: 'Mental capacity assessment corrected',
    },
    open: (sourceType) => SOURCES[sourceType] ?? 'Open the record',
    keyEvent: 'Key event',
    pin: 'Mark as key event',
    unpin: 'Unmark key event',
    pinned: 'Marked as a key event.',
    unpinned: 'No longer a key event.',
    pinRefused: 'You cannot mark key events. Ask a safeguarding lead.',
    filters: {
      legend: 'Filter the chronology',
      kinds: 'Kinds of entry',
      from: 'From',
      to: 'To',
      dateHint: 'For example, 2026-03-31',
      pinnedOnly: 'Key events only',
      newestFirst: 'Newest first',
      apply: 'Apply filters',
      clear: 'Clear filters',
      errorTitle: 'There is a problem',
      invalidDate: 'Enter a real date, like 2026-03-31',
      reversed: 'The "to" date must be the same as or after the "from" date',
    },
    print: {
      button: 'Print',
      loaded: (loaded, total, locale) =>
        `${n(loaded, locale)} of ${entries(total, locale)} loaded. Printing shows the ${n(loaded, locale)} loaded.`,
      all: (total, locale) => `All ${entries(total, locale)} loaded. Printing shows them all.`,
      loadAll: (count, locale) => `Load ${entries(count, locale)} for printing`,
      capped: (cap, locale) =>
        `Printing shows at most ${entries(cap, locale)}. To print the rest, narrow the dates.`,
      loading: 'Loading entries for printing…',
    },
    export: {
      legend: 'Download for a partner',
      csv: 'Download as CSV (spreadsheet)',
      json: 'Download as JSON',
      preparing: 'Preparing the file…',
      ready: (format, count, locale) => `Save the ${format} file (${entries(count, locale)})`,
    },
    loadFailed: {
      title: 'The chronology could not be loaded',
      byCode: {
        NETWORK_ERROR: 'There is no connection. Check your connection and try again.',
        SERVICE_UNAVAILABLE: 'The service is not available. Try again in a few minutes.',
        UNAUTHENTICATED: 'You need to sign in again.',
        BAD_USER_INPUT: 'The filters could not be used. Check them and try again.',
      },
      other: 'Something went wrong. Try again.',
      retry: 'Try again',
    },
    loadingMore: 'Loading more entries…',
  },
};
