import { commonCy } from './common.js';
import { warningTypesCy } from './warning-types.js';
import type { WorkQueueTranslation } from './translation.js';

const n = (count: number, locale: string) => count.toLocaleString(locale);

/** Welsh words of `<sg-work-queue>`. */
export const workQueueCy: WorkQueueTranslation = {
  ...commonCy,
  workQueue: {
    title: 'Ciw gwaith',
    loading: 'Wrthi’n llwytho’r ciw gwaith…',
    refreshing: 'Wrthi’n adnewyddu’r ciw gwaith…',
    refresh: 'Adnewyddu',
    updated: (time) => `Diweddarwyd am ${time} (amser y DU)`,
    notAvailable: 'Nid yw’r ciw gwaith ar gael i chi. Mae ar gyfer arweinwyr a hyrwyddwyr diogelu.',
    ukTime: '(amser y DU)',
    overdue: 'Hwyr',
    shownOf: (shown, total, locale) =>
      `Yn dangos ${n(shown, locale)} o ${n(total, locale)}: y rhai mwyaf brys yn gyntaf.`,
    sections: {
      concerns: { heading: 'Pryderon i’w brysbennu', none: 'Does dim pryderon yn aros i gael eu brysbennu.' },
      flags: { heading: 'Pryderon yn adio i fyny', none: 'Does dim baneri pryderon cronnus ar agor.' },
      referrals: {
        heading: 'Atgyfeiriadau hwyr',
        none: 'Does dim atgyfeiriad yn aros ar ôl ei ddyddiad ymateb.',
      },
      warnings: {
        heading: 'Rhybuddion i’w hadolygu neu eu cymeradwyo',
        none: 'Does dim rhybuddion i’w hadolygu nac yn aros i gael eu cymeradwyo.',
      },
      tasks: { heading: 'Tasgau hwyr', none: 'Does dim tasgau’n hwyr.' },
      cases: {
        heading: 'Gwaith achos i’w wneud yn fuan',
        none: 'Does dim camau gweithredu nac adolygiadau achos i’w gwneud yn y 14 diwrnod nesaf.',
      },
    },
    items: {
      zero: '{n} eitem',
      one: '{n} eitem',
      two: '{n} eitem',
      few: '{n} eitem',
      many: '{n} eitem',
      other: '{n} eitem',
    },
    concern: {
      urgency: {
        IMMEDIATE_DANGER: 'Perygl uniongyrchol',
        URGENT: 'Brys',
        ROUTINE: 'Arferol',
        LOW_LEVEL: 'Lefel isel',
      },
      about: (description) => `Am: ${description}`,
      raised: (moment) => `Codwyd ${moment}`,
      due: (moment) => `Brysbennu erbyn ${moment}`,
      reported: 'Beth a adroddwyd',
      triage: 'Brysbennu',
      which: (reference) => ` pryder ${reference}`,
      open: 'Agor',
    },
    triage: {
      legend: (reference) => `Brysbennu pryder ${reference}`,
      decision: 'Penderfyniad',
      decisions: {
        NO_FURTHER_ACTION: { label: 'Dim camau pellach' },
        MONITOR_LOW_LEVEL: {
          label: 'Monitro fel pryder lefel isel',
          hint: 'Mae’n cyfrif tuag at faner pryderon cronnus',
        },
        REFER: {
          label: 'Atgyfeirio at asiantaeth bartner',
          hint: 'Anfonir yr atgyfeiriad pan fyddwch yn cadw',
        },
        OPEN_CASE: { label: 'Agor achos' },
      },
      riskLevel: 'Lefel y risg',
      riskLevels: { LOW: 'Isel', MEDIUM: 'Canolig', HIGH: 'Uchel' },
      reason: {
        label: 'Rheswm dros y penderfyniad',
        hint: 'Mae’n mynd i’r gronoleg, ac at yr asiantaeth os ydych yn atgyfeirio',
      },
      referral: 'Yr atgyfeiriad',
      loadingDraft: 'Wrthi’n llwytho’r asiantaethau…',
      draftFailed:
        'Doedd dim modd llwytho’r asiantaethau. Dewiswch benderfyniad arall, neu rhowch gynnig arall arni yn nes ymlaen.',
      agency: 'Asiantaeth i atgyfeirio ati',
      legalBasis: 'Sail gyfreithiol dros rannu',
      legalBases: {
        CONSENT: 'Rhoddodd yr unigolyn ganiatâd',
        RISK_TO_CHILD: 'Risg i blentyn',
        RISK_TO_ADULT: 'Risg i oedolyn mewn perygl',
        VITAL_INTERESTS: 'Buddiannau hanfodol yr unigolyn',
        PREVENTION_OF_CRIME: 'Atal trosedd',
      },
      legalBasisReason: {
        label: 'Pam mae rhannu heb ganiatâd yn gyfiawn',
        hint: 'Mae angen hwn oni bai bod yr unigolyn wedi rhoi caniatâd',
      },
      summary: {
        label: 'Beth mae angen i’r asiantaeth ei wybod',
        hint: 'Wedi’i lenwi o’r pryder: newidiwch ef fel y mae angen',
      },
      save: 'Cadw’r penderfyniad',
      saving: 'Wrthi’n cadw…',
      cancel: 'Canslo',
      errorTitle: 'Mae problem',
      errors: {
        decision: 'Dewiswch benderfyniad',
        riskLevel: 'Dewiswch lefel y risg',
        reason: 'Rhowch y rheswm dros y penderfyniad',
        'referral.recipientOrganisationId': 'Dewiswch yr asiantaeth i atgyfeirio ati',
        'referral.legalBasis': 'Dewiswch y sail gyfreithiol dros rannu',
        'referral.legalBasisReason': 'Dywedwch pam mae rhannu heb ganiatâd yr unigolyn yn gyfiawn',
        'referral.summary': 'Ysgrifennwch beth mae angen i’r asiantaeth ei wybod',
      },
      tooLong: 'Mae hyn yn rhy hir: byrhewch ef',
      done: (reference) => `Mae pryder ${reference} wedi’i frysbennu ac wedi gadael y ciw.`,
      stale: (reference) =>
        `Brysbennodd rhywun arall bryder ${reference} tra oedd ar agor gennych, felly ni chadwyd eich penderfyniad. Adnewyddwch i’w weld fel y mae nawr.`,
      gone: (reference) =>
        `Nid yw pryder ${reference} yn aros i gael ei frysbennu mwyach: mae rhywun arall wedi delio ag ef. Ni chadwyd eich penderfyniad.`,
      failed: {
        title: 'Ni chadwyd y penderfyniad',
        byCode: {
          NETWORK_ERROR: 'Does dim cysylltiad. Mae’r hyn a roesoch yma o hyd: rhowch gynnig arall arni.',
          UNAUTHENTICATED: 'Mae angen i chi fewngofnodi eto. Mae’r hyn a roesoch yma o hyd.',
          FORBIDDEN: 'Ni all eich cyfrif frysbennu pryderon.',
        },
        other: 'Aeth rhywbeth o’i le. Mae’r hyn a roesoch yma o hyd: rhowch gynnig arall arni.',
      },
    },
    flag: {
      about: (who) => `Am ${who}`,
      household: (address) => `yr aelwyd yn ${address}`,
      restricted: 'Am rywun y mae ei gofnod wedi’i gyfyngu i chi',
      rule: (threshold, months) => `${threshold} pryder lefel isel o fewn ${months} mis`,
      raised: (moment) => `Nodwyd ${moment}`,
      review: 'Adolygu',
      which: (who) => ` y faner am ${who}`,
      reason: {
        label: 'Beth wnaethoch ei ganfod a’i benderfynu',
        hint: 'Caiff y faner ei chau a’i thasg ei chwblhau',
      },
      save: 'Nodi ei bod wedi’i hadolygu',
      cancel: 'Canslo',
      done: 'Mae’r faner wedi’i hadolygu ac wedi gadael y ciw.',
      open: 'Agor',
    },
    referral: {
      to: (agency) => `Atgyfeiriad at ${agency}`,
      respondBy: (moment) => `Roedd ymateb i fod erbyn ${moment}`,
      sent: (moment) => `Anfonwyd ${moment}`,
      open: 'Agor',
    },
    warning: {
      types: warningTypesCy,
      about: (who) => `Am ${who}`,
      reviewBy: (day) => `Adolygu erbyn ${day}`,
      awaitingSignOff: 'Yn aros i reolwr ei gymeradwyo',
      open: 'Agor',
    },
    task: {
      kinds: {
        TRIAGE_CUMULATIVE_FLAG: 'Adolygu baner pryderon cronnus',
        REFERRAL_OVERDUE: 'Mynd ar ôl atgyfeiriad hwyr',
        CASE_ACTION_OVERDUE: 'Dilyn cam gweithredu achos hwyr',
        CASE_REVIEW_OVERDUE: 'Cynnal adolygiad achos hwyr',
      },
      dueAt: (moment) => `Roedd i fod erbyn ${moment}`,
      open: 'Agor',
    },
    caseWork: {
      review: 'Adolygiad achos',
      dueOn: (day) => `I’w wneud erbyn diwedd ${day}`,
      dueBy: (moment) => `I’w wneud erbyn ${moment}`,
    },
    failed: {
      title: 'Doedd dim modd llwytho’r ciw gwaith',
      byCode: {
        NETWORK_ERROR: 'Does dim cysylltiad. Gwiriwch ef, yna rhowch gynnig arall arni.',
        UNAUTHENTICATED: 'Mae angen i chi fewngofnodi eto.',
      },
      other: 'Aeth rhywbeth o’i le. Rhowch gynnig arall arni.',
      retry: 'Rhowch gynnig arall arni',
    },
  },
};
