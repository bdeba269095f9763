import { UNUSUAL_CHARACTERS } from '@doorstep/schema';
import { commonEn } from './common.js';
import { missing, type Translation } from './translation.js';

const VIEWS_MISSING = 'Say whether the person was asked what they want to happen';
const CONSENT_MISSING = 'Say whether the person agreed to information being shared';
const SHARE_MISSING = 'Say whether we can share this to get you help';
const NOT_A_CATEGORY = 'Select a type of harm from the list';
const DATE_OF_BIRTH = 'The date of birth must be a real date, today or earlier';

/** English (the default). Plain words, as GOV.UK writes them. */
export const en: Translation = {
  ...commonEn,
  yes: 'Yes',
  no: 'No',

  concernForm: {
    emergency: {
      notice: 'If someone is in immediate danger, call 999 now.',
      chosen: 'Call 999 now if you have not already. Then come back and finish this form.',
    },
    steps: {
      urgency: 'How urgent is it?',
      who: 'Who and where',
      what: 'What happened',
      views: 'Their views and consent',
      contact: 'Your contact details',
      check: 'Check your answers',
    },
    stepOf: (step, total) => `Step ${step} of ${total}`,
    continue: 'Continue',
    back: 'Back',
    urgency: {
      legend: 'How urgent is it?',
      options: {
        IMMEDIATE_DANGER: {
          label: 'Someone is in danger right now',
          hint: 'Call 999 first, then tell us here',
        },
        URGENT: {
          label: 'Urgent: it needs action today',
          hint: 'For example, someone has been hurt, or has no heating, food or medicine',
        },
        ROUTINE: {
          label: 'It needs looking into, but not today',
          hint: 'Something is wrong and someone should check on it soon',
        },
        LOW_LEVEL: {
          label: 'A small worry',
          hint: 'Something did not feel right. Small worries can add up, so it is still worth telling us',
        },
      },
    },
    subjectDescription: {
      label: 'Who is this about?',
      hint: 'Their name if you know it, or describe them, for example ‘older man in flat 4’',
    },
    location: {
      label: 'Where? Address or place',
      hint: 'The address, or where you saw them',
    },
    whatHappened: {
      label: 'What did you see or hear?',
      hint: 'Say what you saw, heard or were told. Use people’s own words if you can.',
    },
    happenedAt: {
      label: 'When did it happen?',
      hint: 'If it is still happening or you are not sure, leave this blank',
    },
    categories: {
      legend: 'What kind of harm could it be?',
      hint: 'Select all that apply. If you are not sure, leave this blank.',
      groups: { adults: 'Harm to an adult', children: 'Harm to a child', other: 'Other risks' },
      options: {
        PHYSICAL: {
          label: 'Physical harm',
          hint: 'Hitting, pushing, rough handling, or marks and injuries nobody explains',
        },
        SEXUAL: {
          label: 'Sexual abuse',
          hint: 'Sexual contact or behaviour the person did not or could not agree to',
        },
        PSYCHOLOGICAL: {
          label: 'Emotional abuse',
          hint: 'Threats, humiliation, bullying, or someone being controlled or cut off from others',
        },
        FINANCIAL: {
          label: 'Money or belongings',
          hint: 'Money or belongings taken, or someone pressured about money',
        },
        DISCRIMINATORY: {
          label: 'Discrimination',
          hint: 'Treated badly because of their race, religion, disability, age, sex or sexuality',
        },
        ORGANISATIONAL: {
          label: 'Poor care by a service',
          hint: 'A care provider, agency or other service failing the person',
        },
        NEGLECT: {
          label: 'Neglect by a carer',
          hint: 'Someone who should look after the person is not giving them food, warmth, medicine or care',
        },
        DOMESTIC_ABUSE: {
          label: 'Domestic abuse',
          hint: 'Abuse or control by a partner, ex-partner or family member',
        },
        SEXUAL_EXPLOITATION: {
          label: 'Sexual exploitation',
          hint: 'Someone pressured into sex for money, drugs, a place to stay or anything else',
        },
        MODERN_SLAVERY: {
          label: 'Modern slavery',
          hint: 'Someone forced to work or controlled by others, for example many people living in one home',
        },
        SELF_NEGLECT: {
          label: 'Not looking after themselves',
          hint: 'For example hoarding, no food in the home, or living in unsafe conditions',
        },
        CHILD_NEGLECT: {
          label: 'Child neglect',
          hint: 'A child without enough food, warmth, supervision or medical care',
        },
        CHILD_PHYSICAL: {
          label: 'Physical harm to a child',
          hint: 'A child being hit or hurt, or marks and injuries nobody explains',
        },
        CHILD_EMOTIONAL: {
          label: 'Emotional harm to a child',
          hint: 'A child frightened, threatened, ignored, or living with domestic abuse',
        },
        CHILD_SEXUAL: {
          label: 'Sexual abuse of a child',
          hint: 'Any sexual activity with a child, or a child shown sexual material',
        },
        CHILD_EXPLOITATION: {
          label: 'Child exploitation',
          hint: 'A child used by others for crime, such as carrying drugs, or for sex',
        },
        FGM: {
          label: 'Female genital mutilation (FGM)',
          hint: 'A girl who has had, or may be taken to have, FGM (cutting)',
        },
        RADICALISATION: {
          label: 'Radicalisation',
          hint: 'Someone being drawn into extremist views or violence',
        },
        HATE_CRIME: {
          label: 'Hate crime or harassment',
          hint: 'Abuse, threats or damage because of who someone is',
        },
        SELF_HARM: {
          label: 'Self-harm or suicide risk',
          hint: 'Someone hurting themselves, or talking about ending their life',
        },
        MENTAL_HEALTH_CRISIS: {
          label: 'Mental health crisis',
          hint: 'Someone very unwell, confused or distressed who needs help quickly',
        },
      },
    },
    primaryCategory: {
      label: 'Which of these is the main worry?',
    },
    actionsTaken: {
      label: 'What have you done about it so far?',
      hint: 'For example, called 999, spoke to the person or told your manager',
    },
    personViews: {
      legend: 'Did you ask the person what they want to happen?',
      hint: 'Ask them if it is safe to. What they want matters, even if we cannot do all of it.',
      options: {
        ASKED_EXPRESSED: { label: 'Yes, and they told me' },
        ASKED_NONE_EXPRESSED: { label: 'Yes, but they did not say' },
        NOT_ASKED: { label: 'No' },
      },
      views: {
        label: 'What do they want to happen?',
        hint: 'Use their own words if you can',
      },
      notAskedReason: {
        label: 'Why were they not asked?',
        hint: 'For example, it was not safe, they were not there, or they could not understand',
      },
    },
    consent: {
      legend: 'Did the person agree to us sharing this information?',
      hint: 'We may share it with services such as social care or the police to help keep people safe',
      options: {
        GIVEN: { label: 'Yes, they agreed' },
        REFUSED: {
          label: 'No, they said no',
          hint: 'We may still share it if someone is at risk of serious harm',
        },
        NOT_SOUGHT: { label: 'I did not ask them' },
        LACKS_CAPACITY: {
          label: 'They could not understand or decide',
          hint: 'For example, because of dementia, a learning disability or being very unwell',
        },
      },
      reason: {
        REFUSED: {
          label: 'Why did they say no?',
          hint: 'Anything that will help the safeguarding team decide what to do',
        },
        NOT_SOUGHT: {
          label: 'Why did you not ask them?',
          hint: 'For example, asking would have put them or someone else at risk',
        },
        LACKS_CAPACITY: {
          label: 'Why is sharing in their best interests?',
          hint: 'Say why you think they could not decide, and how sharing will help them',
        },
      },
    },
    mentalCapacityConcern: {
      legend: 'Their ability to make decisions',
      label: 'I am worried they may not be able to make decisions about this for themselves',
      hint: 'For example, they seemed confused or did not understand what was happening',
    },
    childrenPresent: {
      legend: 'Are there children in the home?',
      hint: 'Children who live there, or who were there when you visited',
      options: {
        YES: { label: 'Yes' },
        NO: { label: 'No' },
        NOT_KNOWN: { label: 'I do not know' },
      },
    },
    othersAtRisk: {
      label: 'Is anyone else at risk?',
      hint: 'For example, other people living there, or neighbours',
    },

    finder: {
      legend: 'Which household is it?',
      hint: 'Choose it if it is listed, then who the concern is about. If you cannot find them, describe them below.',
      loading: 'Finding the households you work with…',
      loadFailed: 'Could not load the households you work with. You can describe the person below.',
      notListed: 'It is not listed, or I do not know',
      tenancy: (reference) => `Tenancy ${reference}`,
      search: {
        label: 'Search by name, address or tenancy reference',
        button: 'Search',
        searching: 'Searching…',
        found: { zero: 'No households found', one: '{n} household found', other: '{n} households found' },
        forbidden: 'You can choose only the households you work with.',
        failed: 'Could not search. Check your connection, or describe the person below.',
      },
      subjects: { label: 'Who is it about?', hint: 'Select everyone it is about.' },
      sources: {
        label: 'Is anyone who lives there thought to be causing the harm?',
        hint: 'Select someone only if you saw it or were told.',
      },
      named: {
        legend: 'Someone who is not listed',
        hint: 'Add anyone the concern is about, or who may be causing the harm, if they are not listed. The safeguarding team will find or add their record.',
        person: (n) => `Person ${n} who is not listed`,
        name: { label: 'Their name', hint: 'Or what people call them' },
        role: {
          legend: 'Who are they?',
          options: {
            SUBJECT: { label: 'Someone the concern is about' },
            ALLEGED_SOURCE: { label: 'Someone who may be causing the harm' },
          },
        },
        dateOfBirth: { label: 'Date of birth', hint: 'If you know it' },
        description: {
          label: 'Anything else about them',
          hint: 'For example, how old they look, or how they know the household',
        },
        add: 'Add someone who is not listed',
        remove: (n) => `Remove person ${n}`,
        full: 'You have added 10 people, the most you can. Describe anyone else below.',
        born: (date, locale) =>
          `born ${date.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}`,
      },
    },

    public: {
      aboutSelf: {
        legend: 'Is this about you?',
        options: { yes: { label: 'Yes, it is about me' }, no: { label: 'No, it is about someone else' } },
      },
      subjectDescription: {
        label: 'Who is it about?',
        hint: 'A name if you know it. Or describe them, for example ‘the older man at number 4’.',
      },
      location: { label: 'Where is this?', hint: 'An address, or where you saw it' },
      whatHappened: { label: 'What happened?', hint: 'Tell us what you saw or heard, in your own words.' },
      views: {
        label: 'What would you like to happen?',
        hint: 'Tell us in your own words. You do not have to answer.',
      },
      consent: {
        legend: 'Can we share this with other services if we need to?',
        hint: 'For example, social care or the police. We only share it to help keep you safe.',
        options: {
          GIVEN: { label: 'Yes' },
          REFUSED: { label: 'No', hint: 'We will still share it if someone is in serious danger' },
        },
      },
      contact: {
        legend: 'How can we contact you?',
        hint: 'You do not have to tell us. If you leave no details, we cannot tell you what happens next.',
        name: { label: 'Your name' },
        phone: { label: 'Phone number' },
        email: { label: 'Email address' },
      },
      errors: {
        aboutSelf: missing('Say whether this is about you or someone else'),
        subjectDescription: missing('Enter who you are worried about'),
        location: missing('Enter the address or place'),
        whatHappened: missing('Tell us what you saw or heard'),
        consent: { ...missing(SHARE_MISSING), custom: SHARE_MISSING },
        'contact.email': { custom: 'Enter an email address in the right format, like name@example.com' },
        'contact.phone': { custom: 'Enter a phone number, like 01632 960 001 or +44 7700 900 982' },
      },
      nextSteps: [
        'We will read what you told us and decide what to do.',
        'If you left contact details, we may get in touch.',
        'If you become worried that someone is in immediate danger, call 999.',
      ],
    },

    check: {
      intro: 'Check your answers. Then send the concern.',
      change: 'Change',
      notGiven: 'Not given',
    },
    submit: 'Send concern',
    sending: 'Sending…',

    errorSummaryTitle: 'There is a problem',
    errors: {
      householdId: { invalid_reference: 'Choose a household from the list' },
      subjectIds: { invalid_reference: 'Choose people who live in the household you chose' },
      allegedSourceIds: {
        custom: 'Someone the concern is about cannot also be the person thought to be causing the harm',
        invalid_reference: 'Choose people who live in the household you chose',
      },
      urgency: missing('Select how urgent this is'),
      subjectDescription: missing('Enter who the concern is about'),
      location: missing('Enter the address or place'),
      whatHappened: missing('Enter what you saw or heard'),
      happenedAt: {
        invalid_format: 'Enter a real date and time',
        custom: 'The date and time must be in the past',
      },
      categories: {
        invalid_value: NOT_A_CATEGORY,
        custom: 'Select each type of harm only once',
      },
      primaryCategory: {
        invalid_value: NOT_A_CATEGORY,
        custom: 'The main type of harm must be one of the types selected',
      },
      'personViews.status': missing(VIEWS_MISSING),
      'personViews.views': { custom: 'Enter what the person wants to happen' },
      'personViews.notAskedReason': { custom: 'Enter why the person was not asked' },
      'consent.status': missing(CONSENT_MISSING),
      'consent.reason': {
        custom: (answers) =>
          answers['consent.status'] === 'NOT_SOUGHT'
            ? 'Enter why consent was not asked for'
            : 'Enter why sharing is in the person’s best interests',
      },
      childrenPresent: { invalid_value: 'Select whether there are children in the home' },
      'namedPeople.name': missing('Enter their name, or what people call them'),
      'namedPeople.role': missing('Say whether the concern is about them or they may be causing the harm'),
      'namedPeople.dateOfBirth': { invalid_format: DATE_OF_BIRTH, custom: DATE_OF_BIRTH },
    },
    tooLong: (max, locale) => `Must be ${max.toLocaleString(locale)} characters or fewer`,
    // The schema's own words, so the bundle carries them once.
    unusualCharacters: UNUSUAL_CHARACTERS,

    requestFailed: {
      title: 'Your concern has not been sent',
      byCode: {
        UNAUTHENTICATED: 'You need to sign in again. Nothing you typed has been lost.',
        FORBIDDEN:
          'Your account is not allowed to raise concerns. Ask your manager or the safeguarding team.',
        NETWORK_ERROR:
          'Could not send. Check your connection and try again. Nothing you typed has been lost.',
        SERVICE_UNAVAILABLE:
          'The service is not available at the moment. Try again in a few minutes. Nothing you typed has been lost.',
      },
      other: 'Something went wrong. Try again. Nothing you typed has been lost.',
    },

    draft: {
      restored: 'We kept the answers you started on this device.',
      startAgain: 'Start again',
    },

    queued: {
      deviceTitle: 'Saved on this device',
      deviceBody: [
        'It will be sent when you are back online.',
        'If you close this page, it will be sent the next time you open it.',
      ],
      memoryTitle: 'Not sent yet',
      memoryBody: [
        'Saving on this device is turned off, so your answers are kept on this page only.',
        'Keep this page open. It will be sent when you are back online. If you close the page, it will be lost.',
      ],
      pageNotSetUp: [
        'It has not been sent: this web page is not set up to send concerns yet.',
        'It will be sent from this page once the organisation that runs the website puts that right. Please tell them.',
        'If someone is in danger now, call 999. Otherwise, you can also phone your housing provider.',
      ],
      waiting: { one: '{n} concern waiting to send', other: '{n} concerns waiting to send' },
      sent: (reference) => `Concern sent. Reference number ${reference}`,
      refused:
        'A saved concern could not be sent because you need to sign in again. It is still saved and will be sent after you sign in.',
    },

    confirmation: {
      title: 'Concern sent',
      referenceLabel: 'Your reference number',
      receivedAt: (date, locale) =>
        `Received at ${date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })} on ${date.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' })}`,
      nextStepsTitle: 'What happens next',
      nextSteps: [
        'The safeguarding team will read your concern and decide what to do.',
        'They may contact you to ask more. Keep the reference number in case you need it.',
        'If you become worried that someone is in immediate danger, call 999.',
      ],
      another: 'Raise another concern',
    },
  },
};
