import { commonEn } from './common.js';
import { warningTypesEn } from './warning-types.js';
import type { WorkQueueTranslation } from './translation.js';

const n = (count: number, locale: string) => count.toLocaleString(locale);

/** English words of `<sg-work-queue>`: for a safeguarding lead working through the day's work. */
export const workQueueEn: WorkQueueTranslation = {
  ...commonEn,
  workQueue: {
    title: 'Work queue',
    loading: 'Loading the work queue…',
    refreshing: 'Refreshing the work queue…',
    refresh: 'Refresh',
    updated: (time) => `Updated at ${time} (UK time)`,
    notAvailable: 'The work queue is not available to you. It is for safeguarding leads and champions.',
    ukTime: '(UK time)',
    overdue: 'Overdue',
    shownOf: (shown, total, locale) =>
      `Showing ${n(shown, locale)} of ${n(total, locale)}: the most urgent first.`,
    sections: {
      concerns: { heading: 'Concerns to triage', none: 'No concerns are waiting for triage.' },
      flags: { heading: 'Concerns adding up', none: 'No cumulative-concern flags are open.' },
      referrals: { heading: 'Overdue referrals', none: 'No referral is waiting past its response date.' },
      warnings: {
        heading: 'Warnings to review or sign off',
        none: 'No warnings are due for review or waiting for sign-off.',
      },
      tasks: { heading: 'Overdue tasks', none: 'No tasks are overdue.' },
      cases: {
        heading: 'Case work due soon',
        none: 'No case actions or reviews are due in the next 14 days.',
      },
    },
    items: { one: '{n} item', other: '{n} items' },
    concern: {
      urgency: {
        IMMEDIATE_DANGER: 'Immediate danger',
        URGENT: 'Urgent',
        ROUTINE: 'Routine',
        LOW_LEVEL: 'Low level',
      },
      about: (description) => `About: ${description}`,
      raised: (moment) => `Raised ${moment}`,
      due: (moment) => `Triage due by ${moment}`,
      reported: 'What was reported',
      triage: 'Triage',
      which: (reference) => ` concern ${reference}`,
      open: 'Open',
    },
    triage: {
      legend: (reference) => `Triage concern ${reference}`,
      decision: 'Decision',
      decisions: {
        NO_FURTHER_ACTION: { label: 'No further action' },
        MONITOR_LOW_LEVEL: {
          label: 'Monitor as a low-level concern',
          hint: 'It counts towards a cumulative-concern flag',
        },
        REFER: { label: 'Refer to a partner agency', hint: 'The referral is sent when you save' },
        OPEN_CASE: { label: 'Open a case' },
      },
      riskLevel: 'Level of risk',
      riskLevels: { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High' },
      reason: {
        label: 'Reason for the decision',
        hint: 'It goes in the chronology, and to the agency if you refer',
      },
      referral: 'The referral',
      loadingDraft: 'Loading the agencies…',
      draftFailed: 'The agencies could not be loaded. Choose another decision, or try again later.',
      agency: 'Agency to refer to',
      legalBasis: 'Legal basis for sharing',
      legalBases: {
        CONSENT: 'The person consented',
        RISK_TO_CHILD: 'Risk to a child',
        RISK_TO_ADULT: 'Risk to an adult at risk',
        VITAL_INTERESTS: 'The person’s vital interests',
        PREVENTION_OF_CRIME: 'Prevention of crime',
      },
      legalBasisReason: {
        label: 'Why sharing without consent is justified',
        hint: 'Needed unless the person consented',
      },
      summary: {
        label: 'What the agency needs to know',
        hint: 'Filled in from the concern: change it as you need',
      },
      save: 'Save decision',
      saving: 'Saving…',
      cancel: 'Cancel',
      errorTitle: 'There is a problem',
      errors: {
        decision: 'Select a decision',
        riskLevel: 'Select the level of risk',
        reason: 'Enter the reason for the decision',
        'referral.recipientOrganisationId': 'Choose the agency to refer to',
        'referral.legalBasis': 'Choose the legal basis for sharing',
        'referral.legalBasisReason': 'Say why sharing without the person’s consent is justified',
        'referral.summary': 'Write what the agency needs to know',
      },
      tooLong: 'This is too long: shorten it',
      done: (reference) => `Concern ${reference} is triaged and has left the queue.`,
      stale: (reference) =>
        `Someone else triaged concern ${reference} while you had it open, so your decision was not saved. Refresh to see it as it is now.`,
      gone: (reference) =>
        `Concern ${reference} is no longer waiting for triage: someone else has dealt with it. Your decision was not saved.`,
      failed: {
        title: 'The decision was not saved',
        byCode: {
          NETWORK_ERROR: 'There is no connection. What you entered is still here: try again.',
          UNAUTHENTICATED: 'You need to sign in again. What you entered is still here.',
          FORBIDDEN: 'Your account cannot triage concerns.',
        },
        other: 'Something went wrong. What you entered is still here: try again.',
      },
    },
    flag: {
      about: (who) => `About ${who}`,
      household: (address) => `the household at ${address}`,
      restricted: 'About someone whose record is restricted from you',
      rule: (threshold, months) => `${threshold} low-level concerns within ${months} months`,
      raised: (moment) => `Flagged ${moment}`,
      review: 'Review',
      which: (who) => ` the flag about ${who}`,
      reason: { label: 'What you found and decided', hint: 'The flag is closed and its task done' },
      save: 'Mark as reviewed',
      cancel: 'Cancel',
      done: 'The flag is reviewed and has left the queue.',
      open: 'Open',
    },
    referral: {
      to: (agency) => `Referral to ${agency}`,
      respondBy: (moment) => `Response was due by ${moment}`,
      sent: (moment) => `Sent ${moment}`,
      open: 'Open',
    },
    warning: {
      types: warningTypesEn,
      about: (who) => `About ${who}`,
      reviewBy: (day) => `Review due by ${day}`,
      awaitingSignOff: 'Waiting for a manager’s sign-off',
      open: 'Open',
    },
    task: {
      kinds: {
        TRIAGE_CUMULATIVE_FLAG: 'Review a cumulative-concern flag',
        REFERRAL_OVERDUE: 'Chase an overdue referral',
        CASE_ACTION_OVERDUE: 'Follow up an overdue case action',
        CASE_REVIEW_OVERDUE: 'Hold an overdue case review',
      },
      dueAt: (moment) => `Was due by ${moment}`,
      open: 'Open',
    },
    caseWork: {
      review: 'Case review',
      dueOn: (day) => `Due by the end of ${day}`,
      dueBy: (moment) => `Due by ${moment}`,
    },
    failed: {
      title: 'The work queue could not be loaded',
      byCode: {
        NETWORK_ERROR: 'There is no connection. Check it, then try again.',
        UNAUTHENTICATED: 'You need to sign in again.',
      },
      other: 'Something went wrong. Try again.',
      retry: 'Try again',
    },
  },
};
