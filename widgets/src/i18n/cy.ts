import { commonCy } from './common.js';
import { missing, type Translation } from './translation.js';

const VIEWS_MISSING = 'Dywedwch a ofynnwyd i’r person beth mae eisiau iddo ddigwydd';
const CONSENT_MISSING = 'Dywedwch a wnaeth y person gytuno i rannu gwybodaeth';
const SHARE_MISSING = 'Dywedwch a gawn ni rannu hyn i gael help i chi';
const NOT_A_CATEGORY = 'Dewiswch fath o niwed o’r rhestr';
const DATE_OF_BIRTH = 'Rhaid i’r dyddiad geni fod yn ddyddiad go iawn, heddiw neu’n gynharach';
const NOTHING_LOST = 'Dydych chi ddim wedi colli dim byd wnaethoch chi ei deipio.';
const CALL_999 = 'Os byddwch yn poeni bod rhywun mewn perygl uniongyrchol, ffoniwch 999.';

/** Cymraeg. Geiriau plaen, brawddegau byr. */
export const cy: Translation = {
  ...commonCy,
  // Answers to "I am worried they may not be able to make decisions…" (Rwy’n poeni…).
  yes: 'Ydw',
  no: 'Nac ydw',

  concernForm: {
    emergency: {
      notice: 'Os yw rhywun mewn perygl uniongyrchol, ffoniwch 999 nawr.',
      chosen: 'Ffoniwch 999 nawr os nad ydych wedi gwneud yn barod. Yna dewch yn ôl i orffen y ffurflen hon.',
    },
    steps: {
      urgency: 'Pa mor frys yw hyn?',
      who: 'Pwy a ble',
      what: 'Beth ddigwyddodd',
      views: 'Eu barn a’u caniatâd',
      contact: 'Eich manylion cyswllt',
      check: 'Gwiriwch eich atebion',
    },
    stepOf: (step, total) => `Cam ${step} o ${total}`,
    continue: 'Parhau',
    back: 'Yn ôl',

    urgency: {
      legend: 'Pa mor frys yw hyn?',
      options: {
        IMMEDIATE_DANGER: {
          label: 'Mae rhywun mewn perygl nawr',
          hint: 'Ffoniwch 999 yn gyntaf, yna dywedwch wrthym yma',
        },
        URGENT: {
          label: 'Brys: mae angen gweithredu heddiw',
          hint: 'Er enghraifft, mae rhywun wedi cael ei anafu, neu does ganddyn nhw ddim gwres, bwyd na meddyginiaeth',
        },
        ROUTINE: {
          label: 'Mae angen edrych arno, ond nid heddiw',
          hint: 'Mae rhywbeth o’i le a dylai rhywun edrych arno cyn bo hir',
        },
        LOW_LEVEL: {
          label: 'Pryder bach',
          hint: 'Doedd rhywbeth ddim yn teimlo’n iawn. Gall pryderon bach adio i fyny, felly mae’n werth dweud wrthym o hyd',
        },
      },
    },
    subjectDescription: {
      label: 'Am bwy mae hyn?',
      hint: 'Eu henw os ydych yn ei wybod, neu disgrifiwch nhw, er enghraifft ‘dyn hŷn yn fflat 4’',
    },
    location: {
      label: 'Ble? Cyfeiriad neu le',
      hint: 'Y cyfeiriad, neu ble gwelsoch chi nhw',
    },
    whatHappened: {
      label: 'Beth welsoch chi neu beth glywsoch chi?',
      hint: 'Dywedwch beth welsoch chi, beth glywsoch chi neu beth ddywedwyd wrthych. Defnyddiwch eiriau’r bobl eu hunain os gallwch.',
    },
    happenedAt: {
      label: 'Pryd ddigwyddodd hyn?',
      hint: 'Os yw’n dal i ddigwydd neu os nad ydych yn siŵr, gadewch hwn yn wag',
    },
    categories: {
      legend: 'Pa fath o niwed allai hyn fod?',
      hint: 'Dewiswch bob un sy’n berthnasol. Os nad ydych yn siŵr, gadewch hwn yn wag.',
      groups: { adults: 'Niwed i oedolyn', children: 'Niwed i blentyn', other: 'Risgiau eraill' },
      options: {
        PHYSICAL: {
          label: 'Niwed corfforol',
          hint: 'Taro, gwthio, trin yn arw, neu farciau ac anafiadau nad oes neb yn eu hesbonio',
        },
        SEXUAL: {
          label: 'Cam-drin rhywiol',
          hint: 'Cyswllt neu ymddygiad rhywiol na wnaeth neu na allai’r person gytuno iddo',
        },
        PSYCHOLOGICAL: {
          label: 'Cam-drin emosiynol',
          hint: 'Bygythiadau, codi cywilydd, bwlio, neu rywun yn cael ei reoli neu ei gadw rhag pobl eraill',
        },
        FINANCIAL: {
          label: 'Arian neu eiddo',
          hint: 'Arian neu eiddo wedi’u cymryd, neu rywun dan bwysau am arian',
        },
        DISCRIMINATORY: {
          label: 'Gwahaniaethu',
          hint: 'Cael eu trin yn wael oherwydd eu hil, crefydd, anabledd, oed, rhyw neu rywioldeb',
        },
        ORGANISATIONAL: {
          label: 'Gofal gwael gan wasanaeth',
          hint: 'Darparwr gofal, asiantaeth neu wasanaeth arall yn gadael y person i lawr',
        },
        NEGLECT: {
          label: 'Esgeulustod gan ofalwr',
          hint: 'Rhywun a ddylai ofalu am y person ddim yn rhoi bwyd, gwres, meddyginiaeth na gofal iddyn nhw',
        },
        DOMESTIC_ABUSE: {
          label: 'Cam-drin domestig',
          hint: 'Cam-drin neu reolaeth gan bartner, cyn-bartner neu aelod o’r teulu',
        },
        SEXUAL_EXPLOITATION: {
          label: 'Camfanteisio rhywiol',
          hint: 'Rhywun dan bwysau i gael rhyw am arian, cyffuriau, lle i aros neu unrhyw beth arall',
        },
        MODERN_SLAVERY: {
          label: 'Caethwasiaeth fodern',
          hint: 'Rhywun yn cael ei orfodi i weithio neu’n cael ei reoli gan eraill, er enghraifft llawer o bobl yn byw mewn un cartref',
        },
        SELF_NEGLECT: {
          label: 'Ddim yn gofalu amdanyn nhw eu hunain',
          hint: 'Er enghraifft, celcio, dim bwyd yn y cartref, neu fyw mewn amodau anniogel',
        },
        CHILD_NEGLECT: {
          label: 'Esgeuluso plentyn',
          hint: 'Plentyn heb ddigon o fwyd, gwres, goruchwyliaeth neu ofal meddygol',
        },
        CHILD_PHYSICAL: {
          label: 'Niwed corfforol i blentyn',
          hint: 'Plentyn yn cael ei daro neu ei frifo, neu farciau ac anafiadau nad oes neb yn eu hesbonio',
        },
        CHILD_EMOTIONAL: {
          label: 'Niwed emosiynol i blentyn',
          hint: 'Plentyn sy’n ofnus, yn cael ei fygwth neu ei anwybyddu, neu’n byw gyda cham-drin domestig',
        },
        CHILD_SEXUAL: {
          label: 'Cam-drin plentyn yn rhywiol',
          hint: 'Unrhyw weithgarwch rhywiol gyda phlentyn, neu ddangos deunydd rhywiol i blentyn',
        },
        CHILD_EXPLOITATION: {
          label: 'Camfanteisio ar blentyn',
          hint: 'Plentyn yn cael ei ddefnyddio gan eraill i droseddu, fel cario cyffuriau, neu ar gyfer rhyw',
        },
        FGM: {
          label: 'Anffurfio organau cenhedlu benywod (FGM)',
          hint: 'Merch sydd wedi cael FGM (torri), neu a allai gael ei chymryd i’w gael',
        },
        RADICALISATION: {
          label: 'Radicaleiddio',
          hint: 'Rhywun yn cael ei dynnu at safbwyntiau eithafol neu drais',
        },
        HATE_CRIME: {
          label: 'Trosedd casineb neu aflonyddu',
          hint: 'Cam-drin, bygythiadau neu ddifrod oherwydd pwy yw rhywun',
        },
        SELF_HARM: {
          label: 'Hunan-niweidio neu risg o hunanladdiad',
          hint: 'Rhywun yn brifo ei hun, neu’n siarad am ddod â’i fywyd i ben',
        },
        MENTAL_HEALTH_CRISIS: {
          label: 'Argyfwng iechyd meddwl',
          hint: 'Rhywun sy’n sâl iawn, yn ddryslyd neu’n ofidus iawn ac sydd angen help yn gyflym',
        },
      },
    },
    primaryCategory: {
      label: 'Pa un o’r rhain yw’r prif bryder?',
    },
    actionsTaken: {
      label: 'Beth ydych chi wedi’i wneud am hyn hyd yma?',
      hint: 'Er enghraifft, ffonio 999, siarad â’r person neu ddweud wrth eich rheolwr',
    },
    personViews: {
      legend: 'Wnaethoch chi ofyn i’r person beth mae eisiau iddo ddigwydd?',
      hint: 'Gofynnwch iddyn nhw os yw’n ddiogel gwneud hynny. Mae’r hyn maen nhw ei eisiau yn bwysig, hyd yn oed os na allwn wneud y cyfan.',
      options: {
        ASKED_EXPRESSED: { label: 'Do, ac fe ddywedon nhw wrtha i' },
        ASKED_NONE_EXPRESSED: { label: 'Do, ond ddywedon nhw ddim' },
        NOT_ASKED: { label: 'Naddo' },
      },
      views: {
        label: 'Beth maen nhw eisiau iddo ddigwydd?',
        hint: 'Defnyddiwch eu geiriau eu hunain os gallwch',
      },
      notAskedReason: {
        label: 'Pam na ofynnwyd iddyn nhw?',
        hint: 'Er enghraifft, doedd hi ddim yn ddiogel, doedden nhw ddim yno, neu doedden nhw ddim yn gallu deall',
      },
    },
    consent: {
      legend: 'Wnaeth y person gytuno i ni rannu’r wybodaeth hon?',
      hint: 'Efallai y byddwn yn ei rhannu â gwasanaethau fel gofal cymdeithasol neu’r heddlu i helpu i gadw pobl yn ddiogel',
      options: {
        GIVEN: { label: 'Do, fe wnaethon nhw gytuno' },
        REFUSED: {
          label: 'Naddo, fe ddywedon nhw na',
          hint: 'Efallai y byddwn yn dal i’w rhannu os oes risg o niwed difrifol i rywun',
        },
        NOT_SOUGHT: { label: 'Wnes i ddim gofyn iddyn nhw' },
        LACKS_CAPACITY: {
          label: 'Doedden nhw ddim yn gallu deall na phenderfynu',
          hint: 'Er enghraifft, oherwydd dementia, anabledd dysgu neu salwch difrifol',
        },
      },
      reason: {
        REFUSED: {
          label: 'Pam ddywedon nhw na?',
          hint: 'Unrhyw beth a fydd yn helpu’r tîm diogelu i benderfynu beth i’w wneud',
        },
        NOT_SOUGHT: {
          label: 'Pam na wnaethoch chi ofyn iddyn nhw?',
          hint: 'Er enghraifft, byddai gofyn wedi rhoi’r person neu rywun arall mewn perygl',
        },
        LACKS_CAPACITY: {
          label: 'Pam mae rhannu er eu lles gorau?',
          hint: 'Dywedwch pam rydych chi’n meddwl nad oedden nhw’n gallu penderfynu, a sut bydd rhannu’n eu helpu',
        },
      },
    },
    mentalCapacityConcern: {
      legend: 'Eu gallu i wneud penderfyniadau',
      label: 'Rwy’n poeni efallai na allan nhw wneud penderfyniadau am hyn drostyn nhw eu hunain',
      hint: 'Er enghraifft, roedden nhw’n ymddangos yn ddryslyd neu doedden nhw ddim yn deall beth oedd yn digwydd',
    },
    childrenPresent: {
      legend: 'Oes plant yn y cartref?',
      hint: 'Plant sy’n byw yno, neu oedd yno pan wnaethoch chi ymweld',
      options: {
        YES: { label: 'Oes' },
        NO: { label: 'Nac oes' },
        NOT_KNOWN: { label: 'Dydw i ddim yn gwybod' },
      },
    },
    othersAtRisk: {
      label: 'Oes unrhyw un arall mewn perygl?',
      hint: 'Er enghraifft, pobl eraill sy’n byw yno, neu gymdogion',
    },

    finder: {
      legend: 'Pa aelwyd yw hi?',
      hint: 'Dewiswch hi os yw hi ar y rhestr, yna pwy yw testun y pryder. Os na allwch ddod o hyd iddyn nhw, disgrifiwch nhw isod.',
      loading: 'Wrthi’n dod o hyd i’r aelwydydd rydych chi’n gweithio gyda nhw…',
      loadFailed:
        'Doedd dim modd llwytho’r aelwydydd rydych chi’n gweithio gyda nhw. Gallwch ddisgrifio’r person isod.',
      notListed: 'Dydy hi ddim ar y rhestr, neu dydw i ddim yn gwybod',
      tenancy: (reference) => `Tenantiaeth ${reference}`,
      search: {
        label: 'Chwilio yn ôl enw, cyfeiriad neu gyfeirnod tenantiaeth',
        button: 'Chwilio',
        searching: 'Wrthi’n chwilio…',
        // Welsh takes the singular noun after a numeral: 3 aelwyd.
        found: {
          zero: 'Dim aelwydydd wedi’u canfod',
          one: '{n} aelwyd wedi’i chanfod',
          two: '{n} aelwyd wedi’u canfod',
          few: '{n} aelwyd wedi’u canfod',
          many: '{n} aelwyd wedi’u canfod',
          other: '{n} aelwyd wedi’u canfod',
        },
        forbidden: 'Dim ond yr aelwydydd rydych chi’n gweithio gyda nhw y gallwch eu dewis.',
        failed: 'Doedd dim modd chwilio. Gwiriwch eich cysylltiad, neu disgrifiwch y person isod.',
      },
      subjects: { label: 'Am bwy mae hyn?', hint: 'Dewiswch bawb mae’n ymwneud â nhw.' },
      sources: {
        label: 'Oes rhywun sy’n byw yno yn cael ei amau o achosi’r niwed?',
        hint: 'Dewiswch rywun dim ond os gwelsoch chi hynny neu os dywedwyd wrthych.',
      },
      named: {
        legend: 'Rhywun sydd ddim ar y rhestr',
        hint: 'Ychwanegwch unrhyw un mae’r pryder amdanyn nhw, neu a allai fod yn achosi’r niwed, os nad ydyn nhw ar y rhestr. Bydd y tîm diogelu yn dod o hyd i’w cofnod neu’n ei ychwanegu.',
        person: (n) => `Person ${n} sydd ddim ar y rhestr`,
        name: { label: 'Eu henw', hint: 'Neu beth mae pobl yn eu galw' },
        role: {
          legend: 'Pwy ydyn nhw?',
          options: {
            SUBJECT: { label: 'Rhywun mae’r pryder amdanyn nhw' },
            ALLEGED_SOURCE: { label: 'Rhywun a allai fod yn achosi’r niwed' },
          },
        },
        dateOfBirth: { label: 'Dyddiad geni', hint: 'Os ydych chi’n ei wybod' },
        description: {
          label: 'Unrhyw beth arall amdanyn nhw',
          hint: 'Er enghraifft, pa mor hen maen nhw’n edrych, neu sut maen nhw’n adnabod yr aelwyd',
        },
        add: 'Ychwanegu rhywun sydd ddim ar y rhestr',
        remove: (n) => `Dileu person ${n}`,
        full: 'Rydych chi wedi ychwanegu 10 o bobl, sef yr uchafswm. Disgrifiwch unrhyw un arall isod.',
        born: (date, locale) =>
          `ganwyd ${date.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}`,
      },
    },

    public: {
      aboutSelf: {
        legend: 'Ydy hyn amdanoch chi?',
        options: { yes: { label: 'Ydy, mae amdana i' }, no: { label: 'Nac ydy, mae am rywun arall' } },
      },
      subjectDescription: {
        label: 'Am bwy mae hyn?',
        hint: 'Enw os ydych yn ei wybod. Neu disgrifiwch nhw, er enghraifft ‘y dyn hŷn yn rhif 4’.',
      },
      location: { label: 'Ble mae hyn?', hint: 'Cyfeiriad, neu ble gwelsoch chi hyn' },
      whatHappened: {
        label: 'Beth ddigwyddodd?',
        hint: 'Dywedwch wrthym beth welsoch chi neu beth glywsoch chi, yn eich geiriau eich hun.',
      },
      views: {
        label: 'Beth hoffech chi iddo ddigwydd?',
        hint: 'Dywedwch wrthym yn eich geiriau eich hun. Does dim rhaid i chi ateb.',
      },
      consent: {
        legend: 'Gawn ni rannu hyn â gwasanaethau eraill os bydd angen?',
        hint: 'Er enghraifft, gofal cymdeithasol neu’r heddlu. Dim ond i helpu i’ch cadw’n ddiogel y byddwn ni’n ei rannu.',
        options: {
          GIVEN: { label: 'Cewch' },
          REFUSED: { label: 'Na chewch', hint: 'Byddwn yn dal i’w rannu os yw rhywun mewn perygl difrifol' },
        },
      },
      contact: {
        legend: 'Sut gallwn ni gysylltu â chi?',
        hint: 'Does dim rhaid i chi ddweud wrthym. Os na fyddwch yn rhoi manylion, allwn ni ddim dweud wrthych beth sy’n digwydd nesaf.',
        name: { label: 'Eich enw' },
        phone: { label: 'Rhif ffôn' },
        email: { label: 'Cyfeiriad e-bost' },
      },
      errors: {
        aboutSelf: missing('Dywedwch a yw hyn amdanoch chi neu am rywun arall'),
        subjectDescription: missing('Rhowch am bwy rydych chi’n poeni'),
        location: missing('Rhowch y cyfeiriad neu’r lle'),
        whatHappened: missing('Dywedwch wrthym beth welsoch chi neu beth glywsoch chi'),
        consent: { ...missing(SHARE_MISSING), custom: SHARE_MISSING },
        'contact.email': { custom: 'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com' },
        'contact.phone': { custom: 'Rhowch rif ffôn, fel 01632 960 001 neu +44 7700 900 982' },
      },
      nextSteps: [
        'Byddwn yn darllen beth ddywedoch chi wrthym ac yn penderfynu beth i’w wneud.',
        'Os gwnaethoch chi adael manylion cyswllt, efallai y byddwn yn cysylltu â chi.',
        CALL_999,
      ],
    },

    check: {
      intro: 'Gwiriwch eich atebion. Yna anfonwch y pryder.',
      change: 'Newid',
      notGiven: 'Heb ei roi',
    },
    submit: 'Anfon pryder',
    sending: 'Wrthi’n anfon…',

    errorSummaryTitle: 'Mae problem wedi codi',
    errors: {
      householdId: { invalid_reference: 'Dewiswch aelwyd o’r rhestr' },
      subjectIds: { invalid_reference: 'Dewiswch bobl sy’n byw yn yr aelwyd a ddewisoch chi' },
      allegedSourceIds: {
        custom: 'All rhywun y mae’r pryder amdano ddim hefyd fod yr un sy’n cael ei amau o achosi’r niwed',
        invalid_reference: 'Dewiswch bobl sy’n byw yn yr aelwyd a ddewisoch chi',
      },
      urgency: missing('Dewiswch pa mor frys yw hyn'),
      subjectDescription: missing('Rhowch am bwy mae’r pryder'),
      location: missing('Rhowch y cyfeiriad neu’r lle'),
      whatHappened: missing('Rhowch beth welsoch chi neu beth glywsoch chi'),
      happenedAt: {
        invalid_format: 'Rhowch ddyddiad ac amser go iawn',
        custom: 'Rhaid i’r dyddiad a’r amser fod yn y gorffennol',
      },
      categories: {
        invalid_value: NOT_A_CATEGORY,
        custom: 'Dewiswch bob math o niwed unwaith yn unig',
      },
      primaryCategory: {
        invalid_value: NOT_A_CATEGORY,
        custom: 'Rhaid i’r prif fath o niwed fod yn un o’r mathau a ddewiswyd',
      },
      'personViews.status': missing(VIEWS_MISSING),
      'personViews.views': { custom: 'Rhowch beth mae’r person eisiau iddo ddigwydd' },
      'personViews.notAskedReason': { custom: 'Rhowch pam na ofynnwyd i’r person' },
      'consent.status': missing(CONSENT_MISSING),
      'consent.reason': {
        custom: (answers) =>
          answers['consent.status'] === 'NOT_SOUGHT'
            ? 'Rhowch pam na ofynnwyd am ganiatâd'
            : 'Rhowch pam mae rhannu er lles gorau’r person',
      },
      childrenPresent: { invalid_value: 'Dewiswch a oes plant yn y cartref' },
      'namedPeople.name': missing('Rhowch eu henw, neu beth mae pobl yn eu galw'),
      'namedPeople.role': missing('Dywedwch a yw’r pryder amdanyn nhw neu a allen nhw fod yn achosi’r niwed'),
      'namedPeople.dateOfBirth': { invalid_format: DATE_OF_BIRTH, custom: DATE_OF_BIRTH },
    },
    tooLong: (max, locale) => `Rhaid iddo fod yn ${max.toLocaleString(locale)} o nodau neu lai`,
    unusualCharacters: 'Tynnwch y nodau anarferol: daw rhai i mewn wrth gopïo a gludo testun',

    requestFailed: {
      title: 'Dydy eich pryder ddim wedi cael ei anfon',
      byCode: {
        UNAUTHENTICATED: `Mae angen i chi fewngofnodi eto. ${NOTHING_LOST}`,
        FORBIDDEN: 'Dydy eich cyfrif ddim yn cael codi pryderon. Gofynnwch i’ch rheolwr neu i’r tîm diogelu.',
        NETWORK_ERROR: `Methu anfon. Gwiriwch eich cysylltiad a rhowch gynnig arall arni. ${NOTHING_LOST}`,
        SERVICE_UNAVAILABLE: `Dydy’r gwasanaeth ddim ar gael ar hyn o bryd. Rhowch gynnig arall arni mewn ychydig funudau. ${NOTHING_LOST}`,
      },
      other: `Aeth rhywbeth o’i le. Rhowch gynnig arall arni. ${NOTHING_LOST}`,
    },

    draft: {
      restored: 'Rydyn ni wedi cadw’r atebion y dechreuoch chi eu rhoi ar y ddyfais hon.',
      startAgain: 'Dechrau eto',
    },

    queued: {
      deviceTitle: 'Wedi’i gadw ar y ddyfais hon',
      deviceBody: [
        'Bydd yn cael ei anfon pan fyddwch ar-lein eto.',
        'Os byddwch yn cau’r dudalen hon, bydd yn cael ei anfon y tro nesaf y byddwch yn ei hagor.',
      ],
      memoryTitle: 'Heb ei anfon eto',
      memoryBody: [
        'Mae cadw ar y ddyfais hon wedi’i ddiffodd, felly dim ond ar y dudalen hon mae eich atebion yn cael eu cadw.',
        'Cadwch y dudalen hon ar agor. Bydd yn cael ei anfon pan fyddwch ar-lein eto. Os byddwch yn cau’r dudalen, bydd yn cael ei golli.',
      ],
      pageNotSetUp: [
        'Nid yw wedi cael ei anfon: nid yw’r dudalen we hon wedi’i gosod i anfon pryderon eto.',
        'Bydd yn cael ei anfon o’r dudalen hon pan fydd y sefydliad sy’n rhedeg y wefan yn cywiro hynny. Rhowch wybod iddyn nhw.',
        'Os oes rhywun mewn perygl nawr, ffoniwch 999. Fel arall, gallwch hefyd ffonio eich darparwr tai.',
      ],
      // Intl.PluralRules('cy'): 0 zero, 1 one, 2 two, 3 few, 6 many, the rest other. The noun after
      // a number is singular and mutates after 2 (soft), 3 and 6 (aspirate); "o" + plural otherwise.
      waiting: {
        zero: 'Dim pryderon yn aros i gael eu hanfon',
        one: '{n} pryder yn aros i gael ei anfon',
        two: '{n} bryder yn aros i gael eu hanfon',
        few: '{n} phryder yn aros i gael eu hanfon',
        many: '{n} phryder yn aros i gael eu hanfon',
        other: '{n} o bryderon yn aros i gael eu hanfon',
      },
      sent: (reference) => `Pryder wedi’i anfon. Cyfeirnod ${reference}`,
      refused:
        'Doedd dim modd anfon pryder a gadwyd, oherwydd bod angen i chi fewngofnodi eto. Mae’n dal wedi’i gadw, a bydd yn cael ei anfon ar ôl i chi fewngofnodi.',
    },

    confirmation: {
      title: 'Pryder wedi’i anfon',
      referenceLabel: 'Eich cyfeirnod',
      receivedAt: (date, locale) =>
        `Daeth i law am ${date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })} ar ${date.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' })}`,
      nextStepsTitle: 'Beth sy’n digwydd nesaf',
      nextSteps: [
        'Bydd y tîm diogelu yn darllen eich pryder ac yn penderfynu beth i’w wneud.',
        'Efallai y byddan nhw’n cysylltu â chi i ofyn mwy. Cadwch y cyfeirnod rhag ofn y bydd ei angen arnoch.',
        CALL_999,
      ],
      another: 'Codi pryder arall',
    },
  },
};
