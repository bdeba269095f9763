import { commonCy } from './common.js';
import type { ChronologyTranslation } from './translation.js';

const n = (count: number, locale: string) => count.toLocaleString(locale);
const entries = (count: number, locale: string) =>
  `${n(count, locale)} ${count === 1 ? 'cofnod' : 'o gofnodion'}`;

const SOURCES: Partial<Record<string, string>> = {
  Concern: 'Agor y pryder',
  Warning: 'Agor y rhybudd',
  Referral: 'Agor yr atgyfeiriad',
  CumulativeFlag: 'Agor y faner',
  Person: 'Agor y person',
  Household: 'Agor yr aelwyd',
  Case: 'Agor yr achos',
};

/** Welsh words of `<sg-chronology>`. */
export const chronologyCy: ChronologyTranslation = {
  ...commonCy,
  chronology: {
    title: 'Cronoleg',
    loading: 'Wrthi’n llwytho’r gronoleg…',
    count: (shown, total, locale) => `Yn dangos ${n(shown, locale)} o ${entries(total, locale)}`,
    notAvailable:
      'Nid yw’r gronoleg hon ar gael. Efallai nad oes gennych fynediad ati, neu efallai nad yw’n bodoli.',
    empty: 'Nid oes dim yn y gronoleg hon eto.',
    noMatch: 'Nid oes cofnodion yn cyfateb i’r hidlyddion hyn.',
    kinds: {
      CONCERN_RAISED: 'Pryder wedi’i godi',
      CONCERN_TRIAGED: 'Pryder wedi’i frysbennu',
      RISK_LEVEL_CHANGED: 'Lefel risg wedi newid',
      CONCERN_CLOSED: 'Pryder wedi’i gau',
      CUMULATIVE_FLAG_RAISED: 'Pryderon dro ar ôl tro wedi’u nodi',
      CUMULATIVE_FLAG_REVIEWED: 'Pryderon dro ar ôl tro wedi’u hadolygu',
      WARNING_ADDED: 'Rhybudd wedi’i ychwanegu',
      WARNING_CHANGED: 'Rhybudd wedi newid',
      WARNING_SIGNED_OFF: 'Rhybudd wedi’i gymeradwyo',
      WARNING_ENDED: 'Rhybudd wedi dod i ben',
      MEMBER_JOINED: 'Wedi ymuno â’r aelwyd',
      MEMBER_LEFT: 'Wedi gadael yr aelwyd',
      PERSON_MERGED: 'Cofnodion wedi’u cyfuno',
      REFERRAL_SENT: 'Atgyfeiriad wedi’i anfon',
      FEEDBACK_LINK_SENT: 'Dolen adborth wedi’i hanfon',
      REFERRAL_ACKNOWLEDGED: 'Atgyfeiriad wedi’i gydnabod',
      REFERRAL_ACCEPTED: 'Atgyfeiriad wedi’i dderbyn',
      REFERRAL_DECLINED: 'Atgyfeiriad wedi’i wrthod',
      REFERRAL_CLOSED: 'Atgyfeiriad wedi’i gau',
      REFERRAL_WITHDRAWN: 'Atgyfeiriad wedi’i dynnu’n ôl',
      DASH_CHECKLIST_RECORDED: 'Rhestr wirio risg DASH wedi’i chofnodi',
      DASH_CHECKLIST_CHANGED: 'Rhestr wirio risg DASH wedi’i chywiro',
      CAPACITY_ASSESSMENT_RECORDED: 'Asesiad galluedd meddyliol wedi’i gofnodi',
      CAPACITY_ASSESSMENT_CHANGED: 'Asesiad galluedd meddyliol wedi’i gywiro',
      CASE_OPENED: 'Achos wedi’i agor',
      CASE_CONCERN_ATTACHED: 'Pryder wedi’i ychwanegu at yr achos',
      CASE_ACTION_ADDED: 'Cam gweithredu wedi’i ychwanegu at yr achos',
      CASE_ACTION_CHANGED: 'Cam gweithredu’r achos wedi newid',
      CASE_NOTE_ADDED: 'Nodyn achos wedi’i ychwanegu',
      CASE_REVIEW_RECORDED: 'Achos wedi’i adolygu',
      CASE_REVIEW_SIGNED_OFF: 'Adolygiad achos wedi’i gymeradwyo',
      CASE_CLOSED: 'Achos wedi’i gau',
      CASE_REOPENED: 'Achos wedi’i ailagor',
      CASE_PERSON_ADDED: 'Person wedi’i ychwanegu at yr achos',
      CASE_PERSON_REMOVED: 'Person wedi’i dynnu o’r achos',
      CASE_LEAD_WORKER_CHANGED: 'Gweithiwr arweiniol yr achos wedi newid',
    },
    open: (sourceType) => SOURCES[sourceType] ?? 'Agor y cofnod',
    keyEvent: 'Digwyddiad allweddol',
    pin: 'Nodi fel digwyddiad allweddol',
    unpin: 'Dad-nodi’r digwyddiad allweddol',
    pinned: 'Wedi’i nodi fel digwyddiad allweddol.',
    unpinned: 'Nid yw’n ddigwyddiad allweddol mwyach.',
    pinRefused: 'Ni allwch nodi digwyddiadau allweddol. Gofynnwch i arweinydd diogelu.',
    filters: {
      legend: 'Hidlo’r gronoleg',
      kinds: 'Mathau o gofnod',
      from: 'O',
      to: 'I',
      dateHint: 'Er enghraifft, 2026-03-31',
      pinnedOnly: 'Digwyddiadau allweddol yn unig',
      newestFirst: 'Y mwyaf newydd yn gyntaf',
      apply: 'Defnyddio’r hidlyddion',
      clear: 'Clirio’r hidlyddion',
      errorTitle: 'Mae problem',
      invalidDate: 'Rhowch ddyddiad go iawn, fel 2026-03-31',
      reversed: 'Rhaid i’r dyddiad "i" fod yr un fath â’r dyddiad "o" neu ar ei ôl',
    },
    print: {
      button: 'Argraffu',
      loaded: (loaded, total, locale) =>
        `${n(loaded, locale)} o ${entries(total, locale)} wedi’u llwytho. Mae argraffu’n dangos y ${n(loaded, locale)} sydd wedi’u llwytho.`,
      all: (total, locale) =>
        `Mae pob un o’r ${entries(total, locale)} wedi’u llwytho. Mae argraffu’n eu dangos i gyd.`,
      loadAll: (count, locale) => `Llwytho ${entries(count, locale)} i’w hargraffu`,
      capped: (cap, locale) =>
        `Mae argraffu’n dangos ${entries(cap, locale)} ar y mwyaf. I argraffu’r gweddill, culhewch y dyddiadau.`,
      loading: 'Wrthi’n llwytho cofnodion i’w hargraffu…',
    },
    export: {
      legend: 'Lawrlwytho ar gyfer partner',
      csv: 'Lawrlwytho fel CSV (taenlen)',
      json: 'Lawrlwytho fel JSON',
      preparing: 'Wrthi’n paratoi’r ffeil…',
      ready: (format, count, locale) => `Cadw’r ffeil ${format} (${entries(count, locale)})`,
    },
    loadFailed: {
      title: 'Nid oedd modd llwytho’r gronoleg',
      byCode: {
        NETWORK_ERROR: 'Nid oes cysylltiad. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.',
        SERVICE_UNAVAILABLE: 'Nid yw’r gwasanaeth ar gael. Rhowch gynnig arall arni ymhen ychydig funudau.',
        UNAUTHENTICATED: 'Mae angen i chi fewngofnodi eto.',
        BAD_USER_INPUT: 'Nid oedd modd defnyddio’r hidlyddion. Gwiriwch nhw a rhowch gynnig arall arni.',
      },
      other: 'Aeth rhywbeth o’i le. Rhowch gynnig arall arni.',
      retry: 'Rhowch gynnig arall arni',
    },
    loadingMore: 'Wrthi’n llwytho rhagor o gofnodion…',
  },
};
