import { commonCy } from './common.js';
import { missing, type FeedbackTranslation } from './translation.js';

/** Geiriau Cymraeg `<sg-feedback>`: brawddegau byr, geiriau bob dydd. */
export const feedbackCy: FeedbackTranslation = {
  ...commonCy,
  feedback: {
    title: 'Dywedwch wrthym sut wnaethon ni',
    intro: [
      'Rydyn ni eisiau gwybod sut wnaethon ni eich trin pan oedd angen help arnoch i fod yn ddiogel.',
      'Mae’n cymryd tua 2 funud. Does dim rhaid i chi ateb pob cwestiwn.',
    ],
    emergency: 'Os yw rhywun mewn perygl ar hyn o bryd, ffoniwch 999.',
    otherLanguage: { code: 'en', label: 'English' },
    link: {
      VALID:
        'Mae’r cwestiynau hyn am yr help a roeson ni i chi yn ddiweddar. Os byddwch yn dweud eich enw wrthym, bydd eich atebion yn cael eu cysylltu â hynny, er mwyn i ni ddysgu ohono. Os byddwch yn aros yn ddienw, fyddan nhw ddim.',
      USED: 'Mae’r ddolen hon wedi cael ei defnyddio’n barod, felly mae eich atebion gennym. Diolch. Gallwch ddweud mwy wrthym isod o hyd.',
      EXPIRED: 'Mae’r ddolen hon wedi dod i ben. Gallwch ddweud wrthym sut wnaethon ni isod o hyd.',
      INVALID:
        'Allen ni ddim dod o hyd i’r ddolen hon. Gwiriwch eich bod wedi copïo’r cyfan. Gallwch ddweud wrthym sut wnaethon ni isod o hyd.',
    },
    principles: {
      EMPOWERMENT: {
        label: 'Wnaethon ni ofyn i chi beth oeddech chi eisiau iddo ddigwydd?',
        hint: 'Ac a wnaeth beth ddywedoch chi wrthym newid beth wnaethon ni?',
      },
      PREVENTION: { label: 'Wnaethon ni ddweud wrthych yn glir beth yw camdriniaeth, a sut i gael help?' },
      PROPORTIONALITY: { label: 'Wnaethon ni ymyrryd dim ond cymaint ag oedd ei angen arnoch chi?' },
      PROTECTION: {
        label: 'Wnaethon ni eich helpu i ddweud wrthym beth oedd yn digwydd, ac i ddweud eich dweud?',
      },
      PARTNERSHIP: {
        label: 'Wnaethon ni gadw eich gwybodaeth yn breifat, a rhannu dim ond beth oedd ei angen i’ch helpu?',
      },
      ACCOUNTABILITY: {
        label: 'Wnaethon ni ddweud wrthych pwy oedd yn eich helpu, a beth oedd pob un ohonyn nhw’n ei wneud?',
      },
    },
    // Answers to "Wnaethon ni…?" (Did we…?): Do / Naddo.
    scores: {
      '5': 'Do, yn llwyr',
      '4': 'Do, gan mwyaf',
      '3': 'Yn rhannol',
      '2': 'Ddim mewn gwirionedd',
      '1': 'Naddo, dim o gwbl',
    },
    comment: {
      label: 'Oes unrhyw beth arall rydych chi eisiau ei ddweud wrthym?',
      hint: 'Er enghraifft, beth aeth yn dda, neu beth allen ni ei wneud yn well.',
    },
    named: {
      legend: 'Ydych chi eisiau dweud eich enw wrthym?',
      hint: 'Does dim rhaid i chi. Os gwnewch chi, efallai y byddwn yn cysylltu â chi am beth ddywedoch chi.',
      options: { no: { label: 'Nac ydw, rydw i eisiau aros yn ddienw' }, yes: { label: 'Ydw' } },
    },
    name: { label: 'Eich enw' },
    phone: { label: 'Rhif ffôn' },
    email: { label: 'Cyfeiriad e-bost' },
    submit: 'Anfon adborth',
    sending: 'Wrthi’n anfon…',
    errorSummaryTitle: 'Mae problem wedi codi',
    errors: {
      ratings: { custom: 'Atebwch o leiaf un cwestiwn, neu ysgrifennwch rywbeth yn y blwch' },
      anonymous: missing('Dewiswch a ydych chi eisiau dweud eich enw wrthym'),
      name: { custom: 'Rhowch eich enw, neu dewiswch aros yn ddienw' },
      phone: { custom: 'Rhowch rif ffôn, fel 01632 960 001 neu +44 7700 900 982' },
      email: { custom: 'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com' },
    },
    tooLong: (max, locale) => `Rhaid iddo fod yn ${max.toLocaleString(locale)} o nodau neu lai`,
    unusualCharacters: 'Tynnwch y nodau anarferol: daw rhai i mewn wrth gopïo a gludo testun',
    requestFailed: {
      title: 'Dydy eich adborth ddim wedi cael ei anfon',
      byCode: {
        NETWORK_ERROR:
          'Allen ni ddim cyrraedd ein system. Gwiriwch eich cysylltiad, yna rhowch gynnig arall arni. Mae eich atebion yma o hyd.',
        SERVICE_UNAVAILABLE:
          'Dydy ein system ddim yn gweithio ar hyn o bryd. Rhowch gynnig arall arni mewn ychydig funudau. Mae eich atebion yma o hyd.',
        RATE_LIMITED:
          'Mae llawer o adborth wedi cael ei anfon o’r fan hon. Arhoswch ychydig funudau, yna rhowch gynnig arall arni.',
        UNAUTHENTICATED:
          'Dydy’r ffurflen hon ddim wedi’i gosod yn iawn. Dywedwch wrthym mewn ffordd arall, er enghraifft dros y ffôn.',
        FORBIDDEN:
          'Dydy’r ffurflen hon ddim wedi’i gosod yn iawn. Dywedwch wrthym mewn ffordd arall, er enghraifft dros y ffôn.',
        FEEDBACK_LINK_USED:
          'Mae eich dolen wedi cael ei defnyddio’n barod. Anfonwch eto i roi eich adborth hebddi.',
        FEEDBACK_LINK_EXPIRED: 'Mae eich dolen wedi dod i ben. Anfonwch eto i roi eich adborth hebddi.',
        FEEDBACK_LINK_INVALID: 'Allen ni ddim dod o hyd i’ch dolen. Anfonwch eto i roi eich adborth hebddi.',
      },
      other: 'Aeth rhywbeth o’i le. Rhowch gynnig arall arni. Mae eich atebion yma o hyd.',
    },
    queued: {
      device:
        'Rydyn ni wedi eu cadw ar y ddyfais hon a byddwn ni’n eu hanfon, unwaith, pan fydd y cysylltiad yn ôl.',
      memory:
        'Byddwn ni’n eu hanfon, unwaith, pan fydd y cysylltiad yn ôl, os bydd y dudalen hon yn aros ar agor.',
    },
    draft: {
      restored: 'Rydyn ni wedi cadw’r atebion y dechreuoch chi eu rhoi ar y ddyfais hon.',
      startAgain: 'Dechrau eto',
    },
    thanks: {
      title: 'Diolch am eich adborth',
      body: [
        'Rydyn ni’n darllen pob ateb.',
        'Rydyn ni’n defnyddio beth rydych chi’n ei ddweud wrthym i wella ein gwasanaeth.',
      ],
    },
    staff: {
      notice: {
        PHONE:
          'Rydych chi’n rhoi’r atebion a roddodd tenant dros y ffôn. Darllenwch bob cwestiwn iddyn nhw fel y mae wedi’i ysgrifennu, a dewiswch yr ateb maen nhw’n ei roi.',
        PAPER:
          'Rydych chi’n rhoi’r atebion o ffurflen bapur. Dewiswch bob ateb fel y marciodd y tenant ef, a chopïwch eu sylw fel y gwnaethon nhw ei ysgrifennu.',
        IN_PERSON:
          'Rydych chi’n rhoi’r atebion a roddodd tenant i chi wyneb yn wyneb. Darllenwch bob cwestiwn iddyn nhw fel y mae wedi’i ysgrifennu, a dewiswch yr ateb maen nhw’n ei roi.',
      },
      saved: { title: 'Adborth wedi’i gadw', body: ['Mae atebion y tenant wedi’u cadw.'] },
      another: 'Rhoi rhagor o adborth',
    },
    changes: {
      title: 'Dywedoch chi, gwnaethon ni',
      intro: 'Rhai o’r pethau wnaethon ni eu newid ar ôl gwrando ar denantiaid:',
      youSaid: 'Dywedoch chi:',
      weDid: 'Gwnaethon ni:',
    },
  },
};
