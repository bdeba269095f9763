import { UNUSUAL_CHARACTERS } from '@doorstep/schema';
import { commonEn } from './common.js';
import { missing, type FeedbackTranslation } from './translation.js';

/** English words of `<sg-feedback>`: short sentences, everyday words, for every tenant. */
export const feedbackEn: FeedbackTranslation = {
  ...commonEn,
  feedback: {
    title: 'Tell us how we did',
    intro: [
      'We want to know how we treated you when you needed help to be safe.',
      'It takes about 2 minutes. You can skip any question.',
    ],
    emergency: 'If someone is in danger right now, call 999.',
    otherLanguage: { code: 'cy', label: 'Cymraeg' },
    link: {
      VALID:
        'These questions are about the help we gave you recently. If you tell us your name, your answers will be linked to it, so we can learn from it. If you stay anonymous, they will not.',
      USED: 'This link has already been used, so we have your answers. Thank you. You can still tell us more below.',
      EXPIRED: 'This link has expired. You can still tell us how we did below.',
      INVALID:
        'We could not find this link. Check you copied all of it. You can still tell us how we did below.',
    },
    principles: {
      EMPOWERMENT: {
        label: 'Did we ask you what you wanted to happen?',
        hint: 'And did what you told us change what we did?',
      },
      PREVENTION: { label: 'Did we tell you clearly what abuse is, and how to get help?' },
      PROPORTIONALITY: { label: 'Did we only get involved as much as you needed?' },
      PROTECTION: { label: 'Did we help you to tell us what was happening, and to have your say?' },
      PARTNERSHIP: {
        label: 'Did we keep your information private, and only share what was needed to help you?',
      },
      ACCOUNTABILITY: { label: 'Did we tell you who was helping you, and what each of them was doing?' },
    },
    scores: {
      '5': 'Yes, completely',
      '4': 'Yes, mostly',
      '3': 'Partly',
      '2': 'Not really',
      '1': 'No, not at all',
    },
    comment: {
      label: 'Is there anything else you want to tell us?',
      hint: 'For example, what went well, or what we could do better.',
    },
    named: {
      legend: 'Do you want to tell us your name?',
      hint: 'You do not have to. If you do, we may contact you about what you said.',
      options: { no: { label: 'No, keep it anonymous' }, yes: { label: 'Yes' } },
    },
    name: { label: 'Your name' },
    phone: { label: 'Phone number' },
    email: { label: 'Email address' },
    submit: 'Send feedback',
    sending: 'Sending…',
    errorSummaryTitle: 'There is a problem',
    errors: {
      ratings: { custom: 'Answer at least one question, or write something in the box' },
      anonymous: missing('Select whether you want to tell us your name'),
      name: { custom: 'Enter your name, or choose to stay anonymous' },
      phone: { custom: 'Enter a phone number, like 01632 960 001 or +44 7700 900 982' },
      email: { custom: 'Enter an email address in the right format, like name@example.com' },
    },
    tooLong: (max, locale) => `Must be ${max.toLocaleString(locale)} characters or fewer`,
    // The schema's own words, so the bundle carries them once.
    unusualCharacters: UNUSUAL_CHARACTERS,
    requestFailed: {
      title: 'Your feedback has not been sent',
      byCode: {
        NETWORK_ERROR:
          'We could not reach our system. Check your connection, then try again. Your answers are still here.',
        SERVICE_UNAVAILABLE:
          'Our system is not working at the moment. Try again in a few minutes. Your answers are still here.',
        RATE_LIMITED: 'A lot of feedback has been sent from here. Wait a few minutes, then try again.',
        UNAUTHENTICATED:
          'This form is not set up properly. Please tell us another way, for example by phone.',
        FORBIDDEN: 'This form is not set up properly. Please tell us another way, for example by phone.',
        FEEDBACK_LINK_USED: 'Your link has already been used. Send again to give your feedback without it.',
        FEEDBACK_LINK_EXPIRED: 'Your link has expired. Send again to give your feedback without it.',
        FEEDBACK_LINK_INVALID: 'We could not find your link. Send again to give your feedback without it.',
      },
      other: 'Something went wrong. Try again. Your answers are still here.',
    },
    queued: {
      device: 'We have kept them on this device and will send them, once, when the connection is back.',
      memory: 'We will send them, once, when the connection is back, if this page stays open.',
    },
    draft: {
      restored: 'We kept the answers you started on this device.',
      startAgain: 'Start again',
    },
    thanks: {
      title: 'Thank you for your feedback',
      body: ['We read every answer.', 'We use what you tell us to make our service better.'],
    },
    staff: {
      notice: {
        PHONE:
          'You are entering the answers a tenant gave by phone. Read each question to them as it is written, and choose the answer they give.',
        PAPER:
          'You are entering the answers from a paper form. Choose each answer as the tenant marked it, and copy their comment as they wrote it.',
        IN_PERSON:
          'You are entering the answers a tenant gave you in person. Read each question to them as it is written, and choose the answer they give.',
      },
      saved: { title: 'Feedback saved', body: ['The tenant’s answers have been saved.'] },
      another: 'Enter more feedback',
    },
    changes: {
      title: 'You said, we did',
      intro: 'Some of the things we changed after listening to tenants:',
      youSaid: 'You said:',
      weDid: 'We did:',
    },
  },
};
