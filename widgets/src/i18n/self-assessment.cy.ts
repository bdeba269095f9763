import { commonCy } from './common.js';
import { formatDay as day, formatMoment as when } from '../internal/datetime.js';
import type { SelfAssessmentTranslation } from './translation.js';

/** Geiriau Cymraeg `<sg-self-assessment>`. */
export const selfAssessmentCy: SelfAssessmentTranslation = {
  ...commonCy,
  selfAssessment: {
    title: 'Hunanasesiad diogelu oedolion',
    intro: [
      'Y rhestr wirio ar gyfer tai a chymorth tai yn erbyn Canllawiau Statudol Gofal a Chymorth (atodiad 4 o Making Safeguarding Personal ar gyfer tai).',
      'Mae pob ateb yn cael ei gadw wrth i chi fynd. Mae atebion cynharach yn cael eu cadw hefyd, er mwyn i chi gymharu â dyddiad cynharach.',
    ],
    loading: 'Wrthi’n llwytho’r rhestr wirio…',
    progress: (answered, total) => `${answered} o ${total} cwestiwn wedi’u hateb`,
    questions: {
      '1a': 'Oes gennych chi uwch reolwr â chyfrifoldeb strategol am ddiogelu?',
      '1b': 'Oes gennych chi arweinydd gweithredol ar gyfer diogelu oedolion?',
      '2a': 'Oes gennych chi bolisi diogelu oedolion a gweithdrefnau mewnol sy’n cynnwys POB aelod o staff ac sy’n cael eu hadolygu’n rheolaidd?',
      '2b': 'Ydyn nhw’n cynnwys y chwe egwyddor? Ydyn nhw’n cynnwys canllawiau ar gadw cofnodion? Ydy staff yn wyliadwrus ynghylch diogelu oedolion?',
      '2c': 'Oes gennych chi systemau mewnol i sicrhau bod polisïau a gweithdrefnau’n cael eu dilyn?',
      '3': 'Oes gennych chi hyfforddiant diogelu rheolaidd i bob aelod o staff sydd mewn cysylltiad ag oedolion sy’n wynebu risg?',
      '4': 'Ydy staff yn gallu cael goruchwyliaeth wyneb yn wyneb reolaidd gan reolwyr medrus? Ydy staff yn gallu cael canllawiau, cyngor a chymorth ymarferol a chyfreithiol?',
      '5': 'Ydych chi’n rhan o fwrdd diogelu oedolion neu is-grŵp tai? Os nad ydych chi’n rhan ohono’n uniongyrchol, ydych chi’n gallu cymryd rhan drwy gynrychiolydd tai ar unrhyw fwrdd diogelu oedolion? Ydych chi wedi gweithio gyda darparwyr tai lleol eraill i geisio cynrychiolaeth tai a ffyrdd eraill o ymgysylltu â’r bwrdd diogelu oedolion?',
      '6': 'Ydych chi wedi trafod (yn fewnol a gydag arweinydd diogelu gofal cymdeithasol i oedolion) oblygiadau adran 42(2) o’r Ddeddf Gofal a’r paragraff cysylltiedig yn y canllawiau, sef y posibilrwydd y gofynnir i chi ‘wneud ymholiadau’?',
      '7': 'Ydych chi wedi ceisio ymgysylltu â’r hyb diogelu amlasiantaethol (MASH) lleol (os oes un)?',
      '8': 'Oes unrhyw un yn eich sefydliad wedi creu cysylltiadau effeithiol ag arweinwyr diogelu’r awdurdod lleol i sicrhau cydweithredu a rhannu gwybodaeth, gwella cydweithio a mynd i’r afael â rhwystrau? Ydy rolau a chyfrifoldebau’n glir, ac oes cydweithio ar bob lefel?',
      '9': 'Oes gennych chi drefniadau i sicrhau adolygu a dysgu?',
      '10': 'Ydych chi’n ymgysylltu â’ch holl gwsmeriaid ynghylch diogelu (er enghraifft, gwybodaeth a chodi ymwybyddiaeth)?',
    },
    paragraphs: (references) =>
      `Canllawiau statudol: paragraff${references.length === 1 ? '' : 'au'} ${references.join(', ')}`,
    status: {
      legend: (question) => `Eich ateb i gwestiwn ${question}`,
      // Answers to many kinds of question (Oes…? Ydy…? Ydych chi…?): the neutral Ie / Na.
      options: { YES: 'Ie', NO: 'Na', IN_PROGRESS: 'Ar y gweill' },
    },
    evidence: {
      label: (question) => `Sylwadau a thystiolaeth ar gyfer cwestiwn ${question}`,
      hint: 'Beth sy’n dangos bod hyn ar waith, neu beth sy’n cael ei wneud ac erbyn pryd',
    },
    save: {
      saving: 'Wrthi’n cadw…',
      saved: (at, by, locale) => `Cadwyd ${when(at, locale)}${by ? ` gan ${by}` : ''}`,
      needsStatus: 'Dewiswch ie, na neu ar y gweill i gadw eich sylwadau.',
      failed: {
        NETWORK_ERROR: 'Heb ei gadw: does dim cysylltiad. Bydd yn cael ei gadw pan fyddwch chi ar-lein eto.',
        SERVICE_UNAVAILABLE:
          'Heb ei gadw: dydy’r gwasanaeth ddim ar gael. Rhowch gynnig arall arni mewn ychydig funudau.',
        UNAUTHENTICATED: 'Heb ei gadw: mae angen i chi fewngofnodi eto.',
        other: 'Heb ei gadw: aeth rhywbeth o’i le.',
      },
      retry: 'Rhowch gynnig arall arni',
    },
    conflict: {
      title: 'Mae rhywun arall wedi cadw ateb i’r cwestiwn hwn tra oeddech chi’n gweithio arno',
      body: 'Dydy eich ateb chi ddim wedi cael ei gadw. Eu hateb nhw yw:',
      theirs: (at, by, locale) => `Cadwyd ${when(at, locale)}${by ? ` gan ${by}` : ''}`,
      keepMine: 'Cadw fy ateb i yn lle hynny',
      useTheirs: 'Defnyddio eu hateb nhw',
    },
    readOnly:
      'Gallwch ddarllen y rhestr wirio hon ond nid ei newid. Gofynnwch i’ch arweinydd diogelu neu reolwr.',
    compare: {
      label: 'Cymharu â dyddiad cynharach',
      hint: 'Gweld sut roedd pob ateb ar ddiwedd y diwrnod hwnnw',
      button: 'Cymharu',
      stop: 'Stopio cymharu',
      comparing: (date, locale) => `Yn cymharu â ${day(date, locale)}`,
      // Welsh takes the singular noun after a numeral: 3 ateb.
      changedCount: {
        zero: 'Does dim un ateb wedi newid ers hynny.',
        one: 'Mae {n} ateb wedi newid ers hynny.',
        two: 'Mae {n} ateb wedi newid ers hynny.',
        few: 'Mae {n} ateb wedi newid ers hynny.',
        many: 'Mae {n} ateb wedi newid ers hynny.',
        other: 'Mae {n} ateb wedi newid ers hynny.',
      },
      earlier: (date, locale) => `Ar ${day(date, locale)}`,
      notAnswered: 'Heb ei ateb',
      changed: 'Wedi newid',
      unchanged: 'Dim newid',
      invalidDate: 'Rhowch ddyddiad go iawn nad yw yn y dyfodol',
    },
    loadFailed: {
      title: 'Doedd dim modd llwytho’r rhestr wirio',
      byCode: {
        NETWORK_ERROR: 'Does dim cysylltiad. Gwiriwch ef, yna rhowch gynnig arall arni.',
        UNAUTHENTICATED: 'Mae angen i chi fewngofnodi eto.',
        FORBIDDEN: 'Dydy eich cyfrif ddim yn gallu gweld yr hunanasesiad. Gofynnwch i’ch arweinydd diogelu.',
      },
      other: 'Aeth rhywbeth o’i le. Rhowch gynnig arall arni.',
      retry: 'Rhowch gynnig arall arni',
    },
    noEvidence: 'Dim sylwadau na thystiolaeth',
    rounds: {
      title: 'Y cylch hwn',
      open: (name, opened, by, locale) =>
        `Cylch ${name}, agorwyd ${day(opened, locale)}${by ? ` gan ${by}` : ''}. Mae’r atebion rydych chi’n eu cadw nawr yn perthyn iddo.`,
      comparedWith: (name, signedOff, locale) =>
        `Mae pob ateb yn cael ei gymharu â chylch ${name}, a gymeradwywyd ${day(signedOff, locale)}.`,
      firstRound: 'Does dim cylch wedi’i gymeradwyo i gymharu ag ef eto.',
      noneOpen:
        'Does dim cylch ar agor. Bydd yr atebion rydych chi’n eu cadw nawr yn mynd i’r cylch nesaf pan fydd yn cael ei agor.',
      lastSignedOff: (name, signedOff, by, locale) =>
        `Cafodd y cylch diwethaf, ${name}, ei gymeradwyo ar ${day(signedOff, locale)}${by ? ` gan ${by}` : ''}.`,
      name: {
        label: 'Enw’r cylch newydd',
        hint: 'Er enghraifft, 2026/27',
        required: 'Rhowch enw i’r cylch, fel 2026/27',
      },
      openButton: 'Agor cylch',
      opened: (name) => `Mae cylch ${name} ar agor.`,
      // Welsh takes the singular noun after a numeral: 3 cwestiwn.
      unanswered: {
        zero: 'Does dim un cwestiwn heb ei ateb yn y cylch hwn:',
        one: 'Mae {n} cwestiwn heb ei ateb yn y cylch hwn eto:',
        two: 'Mae {n} gwestiwn heb eu hateb yn y cylch hwn eto:',
        few: 'Mae {n} cwestiwn heb eu hateb yn y cylch hwn eto:',
        many: 'Mae {n} cwestiwn heb eu hateb yn y cylch hwn eto:',
        other: 'Mae {n} cwestiwn heb eu hateb yn y cylch hwn eto:',
      },
      allAnswered: 'Mae pob cwestiwn wedi’i ateb yn y cylch hwn.',
      question: (id) => `Cwestiwn ${id}`,
      signOff: 'Cymeradwyo’r cylch hwn',
      confirmTitle: (name) => `Cymeradwyo cylch ${name}?`,
      confirmBody:
        'Bydd ei atebion yn cael eu rhewi. Bydd atebion sy’n cael eu cadw ar ôl hyn yn mynd i’r cylch nesaf pan fydd yn cael ei agor.',
      confirm: 'Ie, cymeradwyo',
      cancel: 'Canslo',
      signedOff: (name) => `Mae cylch ${name} wedi’i gymeradwyo.`,
      refused:
        'Does dim modd cymeradwyo’r cylch hwn nes bod pob cwestiwn wedi’i ateb ynddo. Heb eu hateb eto:',
      failed: {
        FORBIDDEN: 'Dim ond yr arweinydd diogelu sy’n gallu agor neu gymeradwyo cylch.',
        NETWORK_ERROR: 'Does dim cysylltiad. Gwiriwch ef, yna rhowch gynnig arall arni.',
        other: 'Aeth rhywbeth o’i le. Rhowch gynnig arall arni.',
      },
      lastRound: (name) => `Cylch ${name}`,
      movement: {
        BETTER: 'Gwell na’r cylch diwethaf',
        SAME: 'Yr un fath â’r cylch diwethaf',
        WORSE: 'Gwaeth na’r cylch diwethaf',
        NEW: 'Heb ei ateb yn y cylch diwethaf',
        UNANSWERED: 'Heb ei ateb yn y cylch hwn eto',
      },
    },
  },
};
