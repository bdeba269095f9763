// The site's own words, in English and Welsh. The widgets bring their own, in the language the
// site passes to their `lang`.
export type Language = 'en' | 'cy';

export const words = {
  en: {
    htmlLang: 'en-GB',
    skip: 'Skip to main content',
    service: 'For tenants and neighbours',
    switchTo: { label: 'Cymraeg', lang: 'cy' },
    menu: 'Main menu',
    pages: { home: 'Home', feedback: 'Tell us how we did', report: 'Worried about someone?' },
    home: {
      title: 'Welcome to Riverside Homes',
      lead: 'We look after 4,000 homes along the river. Tell us how we treated you when you needed help to be safe, or tell us if you are worried about someone.',
      feedback: 'Tell us how we did',
      feedbackText: 'Six short questions about how we helped you. You do not need to give your name.',
      report: 'Tell us you are worried about someone',
      reportText: 'A neighbour, a friend or someone in your home. You can tell us without giving your name.',
    },
    feedback: {
      title: 'Your feedback',
      lead: 'Your answers help us do better for the next person who needs us.',
      thanks: (when: string) => `Thank you. Your feedback reached us at ${when}.`,
    },
    report: {
      title: 'Tell us you are worried about someone',
      lead: 'You can tell us without giving your name. We read every message on the same working day.',
      thanks: (reference: string) =>
        `Thank you. Your reference is ${reference}. Quote it if you contact us about this.`,
      queued: 'Your message is saved on this device and will be sent when you are back online.',
    },
    help: {
      title: 'Other ways to tell us',
      phone: 'Call us on 01632 960 123, Monday to Friday, 9am to 5pm, or ask for a paper form.',
      danger: 'If someone is in danger right now, call 999.',
    },
    footer:
      "Riverside Homes is a fictional housing provider. This site shows Doorstep's widgets in a React app.",
  },
  cy: {
    htmlLang: 'cy',
    skip: 'Neidio i’r prif gynnwys',
    service: 'Ar gyfer tenantiaid a chymdogion',
    switchTo: { label: 'English', lang: 'en' },
    menu: 'Prif ddewislen',
    pages: { home: 'Hafan', feedback: 'Dywedwch wrthym sut wnaethon ni', report: 'Yn poeni am rywun?' },
    home: {
      title: 'Croeso i Riverside Homes',
      lead: 'Rydyn ni’n gofalu am 4,000 o gartrefi ar hyd yr afon. Dywedwch wrthym sut wnaethon ni eich trin pan oedd angen help arnoch i fod yn ddiogel, neu dywedwch wrthym os ydych yn poeni am rywun.',
      feedback: 'Dywedwch wrthym sut wnaethon ni',
      feedbackText: 'Chwe chwestiwn byr am sut wnaethon ni eich helpu. Does dim rhaid i chi roi eich enw.',
      report: 'Dywedwch wrthym eich bod yn poeni am rywun',
      reportText: 'Cymydog, ffrind neu rywun yn eich cartref. Gallwch ddweud wrthym heb roi eich enw.',
    },
    feedback: {
      title: 'Eich adborth',
      lead: 'Mae eich atebion yn ein helpu i wneud yn well i’r person nesaf sydd ein hangen.',
      thanks: (when: string) => `Diolch. Cawsom eich adborth am ${when}.`,
    },
    report: {
      title: 'Dywedwch wrthym eich bod yn poeni am rywun',
      lead: 'Gallwch ddweud wrthym heb roi eich enw. Rydyn ni’n darllen pob neges ar yr un diwrnod gwaith.',
      thanks: (reference: string) =>
        `Diolch. Eich cyfeirnod yw ${reference}. Defnyddiwch ef os byddwch yn cysylltu â ni am hyn.`,
      queued:
        'Mae eich neges wedi’i chadw ar y ddyfais hon a bydd yn cael ei hanfon pan fyddwch ar-lein eto.',
    },
    help: {
      title: 'Ffyrdd eraill o ddweud wrthym',
      phone:
        'Ffoniwch ni ar 01632 960 123, dydd Llun i ddydd Gwener, 9am i 5pm, neu gofynnwch am ffurflen bapur.',
      danger: 'Os yw rhywun mewn perygl ar hyn o bryd, ffoniwch 999.',
    },
    footer:
      'Darparwr tai dychmygol yw Riverside Homes. Mae’r wefan hon yn dangos teclynnau Doorstep mewn ap React.',
  },
} satisfies Record<Language, unknown>;

export type Words = (typeof words)['en'];

/** A time and date in the reader's language: "10:32, 7 December 2026". */
export function formatWhen(iso: string, language: Language): string {
  const locale = words[language].htmlLang;
  const date = new Date(iso);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date);
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(
    date,
  );
  return `${time}, ${day}`;
}
