import { commonEn } from './common.js';
import type { DashboardTranslation } from './translation.js';

const n = (count: number, locale: string) => count.toLocaleString(locale, { maximumFractionDigits: 1 });
/** "A (1), B (2) and C (3)". */
const ranked = (items: [string, string][]) => {
  const parts = items.map(([label, count]) => `${label} (${count})`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
};

/** English words of `<sg-dashboard>`: for managers and boards, plain and exact. */
export const dashboardEn: DashboardTranslation = {
  ...commonEn,
  dashboard: {
    title: 'Safeguarding dashboard',
    loading: 'Loading the figures…',
    notAvailable:
      'The safeguarding figures are not available to you. They are for managers and safeguarding leads.',
    failed: {
      title: 'The figures could not be loaded',
      byCode: {
        NETWORK_ERROR: 'There is no connection to Doorstep. Check your connection and try again.',
        UNAUTHENTICATED: 'You are not signed in, or your sign-in has ended. Sign in again and try again.',
        SERVICE_UNAVAILABLE: 'Doorstep is not available just now. Try again in a few minutes.',
      },
      other: 'Something went wrong. Try again.',
      retry: 'Try again',
    },
    range: (from, to) => `${from} to ${to}`,
    showing: (range, area, team) =>
      `Figures for ${range}${area ? `, area: ${area}` : ''}${team ? `, team: ${team}` : ''}.`,
    suppressed: 'fewer than 5',
    suppressedShort: '<5',
    suppressedNote: 'Counts of fewer than 5 are not shown, so nobody can be identified.',
    empty: 'No concerns were raised in this period.',
    period: {
      legend: 'Period',
      presets: {
        thisYear: 'This financial year so far',
        lastYear: 'Last financial year',
        lastQuarter: 'Last quarter',
        last12Months: 'Last 12 months',
        custom: 'Other dates',
      },
      from: 'From',
      to: 'To',
      dateHint: 'For example, 2026-04-01',
      area: 'Local authority area',
      allAreas: 'All areas',
      team: 'Team',
      allTeams: 'All teams',
      show: 'Show figures',
      errorTitle: 'There is a problem',
      errors: {
        invalidDate: 'Enter a real date, for example 2026-04-01',
        reversed: 'The end date must be the same as or after the start date',
        future: 'The start date cannot be in the future',
        tooLong: 'Choose a period of 5 years or less',
        unknownArea: 'Choose an area from the list',
        unknownTeam: 'Choose a team from the list',
      },
    },
    tiles: {
      heading: 'At a glance',
      raised: 'Concerns raised',
      openConcerns: 'Open concerns',
      openCases: 'Open cases',
      referralsSent: 'Referrals sent',
      referralsOverdue: 'Referrals overdue',
      medianTriage: 'Time to triage (median)',
      wishesAsked: 'Person’s wishes asked',
      hours: (hours, locale) => `${n(hours, locale)} working ${hours === 1 ? 'hour' : 'hours'}`,
      share: (share, locale) => share.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 0 }),
      triageDetail: (count, p90) => `${count} concerns triaged; 9 in 10 within ${p90}`,
      wishesDetail: (asked, of) => `${asked} of ${of} concerns`,
      atEnd: (day) => `At the end of ${day}`,
      none: 'None yet',
    },
    chart: {
      showTable: 'Show as a table',
      showChart: 'Show as a chart',
      download: 'Download as CSV',
      downloadOf: (title) => `: ${title}`,
      preparing: 'Preparing the file…',
      ready: (title) => `Save the CSV file: ${title}`,
      downloadFailed: 'The file could not be made. Try again.',
      none: 'None in this period.',
      count: 'Concerns',
    },
    byMonth: {
      title: 'Concerns each month',
      month: 'Month',
      raised: 'Concerns raised',
      openConcerns: 'Open concerns at the end of the month',
      openCases: 'Open cases at the end of the month',
      summary: (range, highest, lowest) =>
        `Concerns raised each month, ${range}` +
        (highest ? `: highest in ${highest[0]} (${highest[1]})` : ': none') +
        (lowest && lowest[0] !== highest?.[0] ? `, lowest in ${lowest[0]} (${lowest[1]})` : '') +
        '.',
      casesSummary: (month, cases) => `${cases} cases open at the end of ${month}.`,
    },
    byCategory: {
      title: 'Concerns by main category',
      category: 'Main category',
      groups: {
        DISCRIMINATORY: 'Discriminatory',
        DOMESTIC: 'Domestic',
        EMOTIONAL_PSYCHOLOGICAL: 'Emotional/Psychological',
        FINANCIAL: 'Financial',
        INSTITUTIONAL_ORGANISATIONAL: 'Institutional/Organisational',
        MENTAL_HEALTH: 'Mental Health',
        NEGLECT: 'Neglect',
        PHYSICAL: 'Physical',
        SELF_HARM: 'Self-Harm',
        SELF_NEGLECT: 'Self-Neglect',
        SEXUAL: 'Sexual',
        EXPLOITATION: 'Exploitation',
        MODERN_SLAVERY: 'Modern slavery',
        FGM: 'Female genital mutilation',
        RADICALISATION: 'Radicalisation',
        HATE_CRIME: 'Hate crime',
        NOT_RECORDED: 'Not recorded',
      },
      summary: (range, items) =>
        items.length
          ? `Concerns by main category, ${range}: most were ${ranked(items.slice(0, 3))}.`
          : `Concerns by main category, ${range}: none.`,
    },
    byAge: {
      title: 'Adults and children',
      who: 'About',
      adults: 'Adults',
      children: 'Children',
      notKnown: 'Age not known',
      summary: (adults, children, notKnown) =>
        `${adults} concerns were about adults, ${children} about children and ${notKnown} about people whose age is not known.`,
    },
    byAgency: {
      title: 'Referrals by agency',
      agency: 'Agency',
      types: {
        ADULT_SOCIAL_CARE: 'Adult social care',
        CHILDRENS_SOCIAL_CARE: 'Children’s social care',
        POLICE: 'Police',
        MASH: 'Multi-agency safeguarding hub',
        MARAC: 'MARAC',
        EARLY_HELP: 'Early help',
        MENTAL_HEALTH_CRISIS: 'Mental health crisis team',
        DOMESTIC_ABUSE_SERVICE: 'Domestic abuse service',
        HEALTH: 'Health',
        OTHER: 'Other',
      },
      summary: (range, items) =>
        items.length
          ? `Referrals sent to each agency, ${range}: most to ${ranked(items.slice(0, 3))}.`
          : `Referrals sent to each agency, ${range}: none.`,
    },
    selfAssessment: {
      title: 'Self-assessment: where each area stands',
      area: 'Area',
      yes: 'Yes',
      inProgress: 'In progress',
      no: 'No',
      unanswered: 'Not answered',
      moved: 'Since the last round',
      areas: {
        '1': 'Leadership',
        '2': 'Policy and procedures',
        '3': 'Training',
        '4': 'Supervision and advice',
        '5': 'Safeguarding adults board',
        '6': 'Section 42 enquiries',
        '7': 'Multi-agency safeguarding hub',
        '8': 'Links with the local authority',
        '9': 'Review and learning',
        '10': 'Engaging customers',
      },
      movement: (better, worse, added) =>
        [better && `${better} better`, worse && `${worse} worse`, added && `${added} newly answered`]
          .filter(Boolean)
          .join(', ') || 'The same',
      first: 'No earlier round',
      summary: (round, signedOff, previous) =>
        `Round “${round}”, ${signedOff ? `signed off on ${signedOff}` : 'still open'}` +
        (previous ? `, compared with round “${previous}”.` : ': there is no earlier round to compare with.'),
      wholeOrganisation: 'The self-assessment is for the whole organisation.',
    },
    outcomes: {
      title: 'Making Safeguarding Personal outcomes',
      outcome: 'Outcome',
      desired: 'The person’s desired outcomes',
      risk: 'Risk',
      fully: 'Fully achieved',
      partially: 'Partially achieved',
      notAchieved: 'Not achieved',
      removed: 'Removed',
      reduced: 'Reduced',
      remains: 'Remains',
      summary: ([fully, partially, not], [removed, reduced, remains]) =>
        `Of the cases closed: desired outcomes fully achieved in ${fully}, partially in ${partially} and not achieved in ${not}; risk removed in ${removed}, reduced in ${reduced} and remaining in ${remains}.`,
    },
  },
};
