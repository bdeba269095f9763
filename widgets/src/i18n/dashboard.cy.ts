import { commonCy } from './common.js';
import type { DashboardTranslation } from './translation.js';

const n = (count: number, locale: string) => count.toLocaleString(locale, { maximumFractionDigits: 1 });
/** "A (1), B (2) a C (3)". */
const ranked = (items: [string, string][]) => {
  const parts = items.map(([label, count]) => `${label} (${count})`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} a ${parts.at(-1)}` : (parts[0] ?? '');
};

/**
 * Welsh words of `<sg-dashboard>`. Written by the developers, not yet checked by a Welsh speaker:
 * to be checked before a Welsh-speaking provider uses it.
 */
export const dashboardCy: DashboardTranslation = {
  ...commonCy,
  dashboard: {
    title: 'Dangosfwrdd diogelu',
    loading: 'Wrthi’n llwytho’r ffigurau…',
    notAvailable: 'Nid yw’r ffigurau diogelu ar gael i chi. Maen nhw ar gyfer rheolwyr ac arweinwyr diogelu.',
    failed: {
      title: 'Nid oedd modd llwytho’r ffigurau',
      byCode: {
        NETWORK_ERROR: 'Does dim cysylltiad â Doorstep. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.',
        UNAUTHENTICATED:
          'Nid ydych wedi mewngofnodi, neu mae eich sesiwn wedi dod i ben. Mewngofnodwch eto a rhowch gynnig arall arni.',
        SERVICE_UNAVAILABLE:
          'Nid yw Doorstep ar gael ar hyn o bryd. Rhowch gynnig arall arni ymhen ychydig funudau.',
      },
      other: 'Aeth rhywbeth o’i le. Rhowch gynnig arall arni.',
      retry: 'Rhoi cynnig arall arni',
    },
    range: (from, to) => `${from} i ${to}`,
    showing: (range, area, team) =>
      `Ffigurau ar gyfer ${range}${area ? `, ardal: ${area}` : ''}${team ? `, tîm: ${team}` : ''}.`,
    suppressed: 'llai na 5',
    suppressedShort: '<5',
    suppressedNote: 'Nid yw niferoedd llai na 5 yn cael eu dangos, fel na ellir adnabod neb.',
    empty: 'Ni chodwyd unrhyw bryderon yn y cyfnod hwn.',
    period: {
      legend: 'Cyfnod',
      presets: {
        thisYear: 'Y flwyddyn ariannol hon hyd yma',
        lastYear: 'Y flwyddyn ariannol ddiwethaf',
        lastQuarter: 'Y chwarter diwethaf',
        last12Months: 'Y 12 mis diwethaf',
        custom: 'Dyddiadau eraill',
      },
      from: 'O',
      to: 'I',
      dateHint: 'Er enghraifft, 2026-04-01',
      area: 'Ardal awdurdod lleol',
      allAreas: 'Pob ardal',
      team: 'Tîm',
      allTeams: 'Pob tîm',
      show: 'Dangos y ffigurau',
      errorTitle: 'Mae problem',
      errors: {
        invalidDate: 'Rhowch ddyddiad go iawn, er enghraifft 2026-04-01',
        reversed: 'Rhaid i’r dyddiad gorffen fod yr un fath â’r dyddiad dechrau neu ar ei ôl',
        future: 'Ni all y dyddiad dechrau fod yn y dyfodol',
        tooLong: 'Dewiswch gyfnod o 5 mlynedd neu lai',
        unknownArea: 'Dewiswch ardal o’r rhestr',
        unknownTeam: 'Dewiswch dîm o’r rhestr',
      },
    },
    tiles: {
      heading: 'Trosolwg',
      raised: 'Pryderon a godwyd',
      openConcerns: 'Pryderon agored',
      openCases: 'Achosion agored',
      referralsSent: 'Atgyfeiriadau a anfonwyd',
      referralsOverdue: 'Atgyfeiriadau hwyr',
      medianTriage: 'Amser i frysbennu (canolrif)',
      wishesAsked: 'Gofynnwyd am ddymuniadau’r person',
      hours: (hours, locale) => `${n(hours, locale)} awr waith`,
      share: (share, locale) => share.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 0 }),
      triageDetail: (count, p90) => `${count} pryder wedi’u brysbennu; 9 o bob 10 o fewn ${p90}`,
      wishesDetail: (asked, of) => `${asked} o ${of} pryder`,
      atEnd: (day) => `Ar ddiwedd ${day}`,
      none: 'Dim eto',
    },
    chart: {
      showTable: 'Dangos fel tabl',
      showChart: 'Dangos fel siart',
      download: 'Lawrlwytho fel CSV',
      downloadOf: (title) => `: ${title}`,
      preparing: 'Wrthi’n paratoi’r ffeil…',
      ready: (title) => `Cadw’r ffeil CSV: ${title}`,
      downloadFailed: 'Nid oedd modd gwneud y ffeil. Rhowch gynnig arall arni.',
      none: 'Dim yn y cyfnod hwn.',
      count: 'Pryderon',
    },
    byMonth: {
      title: 'Pryderon bob mis',
      month: 'Mis',
      raised: 'Pryderon a godwyd',
      openConcerns: 'Pryderon agored ar ddiwedd y mis',
      openCases: 'Achosion agored ar ddiwedd y mis',
      summary: (range, highest, lowest) =>
        `Pryderon a godwyd bob mis, ${range}` +
        (highest ? `: uchaf ym mis ${highest[0]} (${highest[1]})` : ': dim') +
        (lowest && lowest[0] !== highest?.[0] ? `, isaf ym mis ${lowest[0]} (${lowest[1]})` : '') +
        '.',
      casesSummary: (month, cases) => `${cases} achos ar agor ar ddiwedd ${month}.`,
    },
    byCategory: {
      title: 'Pryderon yn ôl y prif gategori',
      category: 'Prif gategori',
      groups: {
        DISCRIMINATORY: 'Gwahaniaethol',
        DOMESTIC: 'Domestig',
        EMOTIONAL_PSYCHOLOGICAL: 'Emosiynol/Seicolegol',
        FINANCIAL: 'Ariannol',
        INSTITUTIONAL_ORGANISATIONAL: 'Sefydliadol',
        MENTAL_HEALTH: 'Iechyd meddwl',
        NEGLECT: 'Esgeulustod',
        PHYSICAL: 'Corfforol',
        SELF_HARM: 'Hunan-niweidio',
        SELF_NEGLECT: 'Hunan-esgeuluso',
        SEXUAL: 'Rhywiol',
        EXPLOITATION: 'Camfanteisio',
        MODERN_SLAVERY: 'Caethwasiaeth fodern',
        FGM: 'Anffurfio organau cenhedlu benywod',
        RADICALISATION: 'Radicaleiddio',
        HATE_CRIME: 'Trosedd casineb',
        NOT_RECORDED: 'Heb ei gofnodi',
      },
      summary: (range, items) =>
        items.length
          ? `Pryderon yn ôl y prif gategori, ${range}: y mwyaf oedd ${ranked(items.slice(0, 3))}.`
          : `Pryderon yn ôl y prif gategori, ${range}: dim.`,
    },
    byAge: {
      title: 'Oedolion a phlant',
      who: 'Ynghylch',
      adults: 'Oedolion',
      children: 'Plant',
      notKnown: 'Oedran heb ei wybod',
      summary: (adults, children, notKnown) =>
        `Roedd ${adults} pryder ynghylch oedolion, ${children} ynghylch plant a ${notKnown} ynghylch pobl nad yw eu hoedran yn hysbys.`,
    },
    byAgency: {
      title: 'Atgyfeiriadau yn ôl asiantaeth',
      agency: 'Asiantaeth',
      types: {
        ADULT_SOCIAL_CARE: 'Gofal cymdeithasol oedolion',
        CHILDRENS_SOCIAL_CARE: 'Gofal cymdeithasol plant',
        POLICE: 'Heddlu',
        MASH: 'Hyb diogelu amlasiantaethol',
        MARAC: 'MARAC',
        EARLY_HELP: 'Cymorth cynnar',
        MENTAL_HEALTH_CRISIS: 'Tîm argyfwng iechyd meddwl',
        DOMESTIC_ABUSE_SERVICE: 'Gwasanaeth cam-drin domestig',
        HEALTH: 'Iechyd',
        OTHER: 'Arall',
      },
      summary: (range, items) =>
        items.length
          ? `Atgyfeiriadau a anfonwyd at bob asiantaeth, ${range}: y mwyaf at ${ranked(items.slice(0, 3))}.`
          : `Atgyfeiriadau a anfonwyd at bob asiantaeth, ${range}: dim.`,
    },
    selfAssessment: {
      title: 'Hunanasesiad: ble mae pob maes yn sefyll',
      area: 'Maes',
      yes: 'Ydy',
      inProgress: 'Ar y gweill',
      no: 'Nac ydy',
      unanswered: 'Heb ei ateb',
      moved: 'Ers y rownd ddiwethaf',
      areas: {
        '1': 'Arweinyddiaeth',
        '2': 'Polisi a gweithdrefnau',
        '3': 'Hyfforddiant',
        '4': 'Goruchwyliaeth a chyngor',
        '5': 'Bwrdd diogelu oedolion',
        '6': 'Ymholiadau adran 42',
        '7': 'Hyb diogelu amlasiantaethol',
        '8': 'Cysylltiadau â’r awdurdod lleol',
        '9': 'Adolygu a dysgu',
        '10': 'Ymgysylltu â chwsmeriaid',
      },
      movement: (better, worse, added) =>
        [
          better && `${better} yn well`,
          worse && `${worse} yn waeth`,
          added && `${added} wedi’u hateb o’r newydd`,
        ]
          .filter(Boolean)
          .join(', ') || 'Yr un fath',
      first: 'Dim rownd gynharach',
      summary: (round, signedOff, previous) =>
        `Rownd “${round}”, ${signedOff ? `wedi’i chymeradwyo ar ${signedOff}` : 'yn dal ar agor'}` +
        (previous ? `, o’i chymharu â rownd “${previous}”.` : ': does dim rownd gynharach i gymharu â hi.'),
      wholeOrganisation: 'Mae’r hunanasesiad ar gyfer y sefydliad cyfan.',
    },
    outcomes: {
      title: 'Canlyniadau Gwneud Diogelu’n Bersonol',
      outcome: 'Canlyniad',
      desired: 'Y canlyniadau roedd y person eu heisiau',
      risk: 'Risg',
      fully: 'Wedi’u cyflawni’n llawn',
      partially: 'Wedi’u cyflawni’n rhannol',
      notAchieved: 'Heb eu cyflawni',
      removed: 'Wedi’i dileu',
      reduced: 'Wedi’i lleihau',
      remains: 'Yn parhau',
      summary: ([fully, partially, not], [removed, reduced, remains]) =>
        `O’r achosion a gaewyd: canlyniadau dymunol wedi’u cyflawni’n llawn mewn ${fully}, yn rhannol mewn ${partially} a heb eu cyflawni mewn ${not}; risg wedi’i dileu mewn ${removed}, wedi’i lleihau mewn ${reduced} ac yn parhau mewn ${remains}.`,
    },
  },
};
