// Riverside Homes staff portal: an example of a housing provider's page that embeds Doorstep's
// widgets. They need two things from the page around them, given once to <sg-provider>:
//   - where the Doorstep gateway is: its `endpoint` attribute (see index.html);
//   - who is using them: a `fetchToken` callback that returns a token from the portal's sign-in.
//     The widgets call it when they have none, a little before one expires, and once more if the
//     gateway refuses one.
// In production your own sign-in supplies the token. In development the gateway offers demo users
// (GET /dev/users) and tokens for them (POST /dev/token), so this page shows a "Demo user" picker.

// The portal's frame, the same on every staff page: the skip link, the header with who is signed in
// (in development a "Demo user" picker), the navigation and the footer. One copy here rather than
// one in each page (a real portal's templates do this on its server): a page holds only what is its
// own, its breadcrumbs and its <main id="main">. The page being shown is marked current in the
// navigation.
const PAGES = [
  ['/', 'Home'],
  ['/', 'Repairs'],
  ['/', 'Tenancies'],
  ['/', 'Rent'],
  ['/report.html', 'Tenant site: report a concern'],
  ['/feedback.html', 'Tenant site: give feedback'],
  ['/', 'Safeguarding', ['/', '/index.html']],
  ['/work-queue.html', 'Work queue'],
  ['/household.html', 'Household'],
  ['/self-assessment.html', 'Self-assessment'],
  ['/chronology.html', 'Chronology'],
  ['/take-feedback.html', 'Take feedback'],
  ['/referrals.html', 'Referrals'],
  ['/dashboard.html', 'Dashboard'],
  ['/partner-intranet.html', 'Partner intranet: referrals received'],
];

/** The skip link, header and navigation before the page's own content, the footer after it. */
function showFrame() {
  // Fixed markup, nothing from a server (names from a server go in as textContent, below).
  document.body.insertAdjacentHTML(
    'afterbegin',
    `<a class="skip-link" href="#main">Skip to main content</a>
    <header class="header">
      <div class="header__inner">
        <a class="header__brand" href="/">
          <img class="header__logo" src="/favicon.svg" alt="" width="36" height="36" />
          <span class="header__name">Riverside Homes</span>
          <span class="header__service">Staff portal</span>
        </a>
        <div class="signed-in" id="demo-user-picker">
          <span class="signed-in__title">Signed in as</span>
          <label class="signed-in__label" for="demo-user">Demo user</label>
          <select class="signed-in__select" id="demo-user" aria-describedby="demo-user-details" disabled>
            <option value="">Loading…</option>
          </select>
          <p class="signed-in__details" id="demo-user-details"></p>
        </div>
        <p class="signed-in__production" id="production-sign-in" hidden>
          You are signed in through Riverside Homes sign-in, which gives the form its token.
        </p>
      </div>
    </header>
    <nav class="nav" aria-label="Portal"><ul class="nav__list"></ul></nav>`,
  );
  document.body.insertAdjacentHTML(
    'beforeend',
    `<footer class="footer">
      <p>
        Riverside Homes is a fictional housing provider. This page is an example of a portal embedding
        Doorstep’s widgets.
      </p>
    </footer>`,
  );
  document.querySelector('.nav__list').replaceChildren(
    ...PAGES.map(([href, label, current = href === '/' ? [] : [href]]) => {
      const link = document.createElement('a');
      link.className = 'nav__link';
      link.href = href;
      link.textContent = label;
      if (current.includes(location.pathname)) {
        link.classList.add('nav__link--current');
        link.setAttribute('aria-current', 'page');
      }
      const item = document.createElement('li');
      item.append(link);
      return item;
    }),
  );
}

showFrame();

const provider = document.querySelector('sg-provider');
// The page's widget: the concern form on the home page; on the self-assessment page the checklist,
// made once someone is signed in (it loads their organisation's answers as soon as it is on the page).
const form = document.querySelector('sg-concern-form');
const checklistSlot = document.getElementById('checklist');
const picker = document.getElementById('demo-user');
const pickerBox = document.getElementById('demo-user-picker');
const details = document.getElementById('demo-user-details');
const productionNote = document.getElementById('production-sign-in');
const lastConcern = document.getElementById('last-concern');
// The take-feedback page: the feedback widget for staff, and how the tenant gave their answers.
const takenFeedback = document.querySelector('sg-feedback[channel]');

let users = [];

// ── The chronology page ──
// Which person or household: a real portal sets person-id or household-id from the page it is on.
// The chronology is made once someone is signed in (it reads as soon as it is on the page).
const chronologySlot = document.getElementById('chronology');
const subject = document.getElementById('chronology-subject');
let chronology;

function showSubject() {
  const [kind, id] = subject.value.split(':');
  chronology.personId = kind === 'person' ? id : undefined;
  chronology.householdId = kind === 'household' ? id : undefined;
}

/** A fresh chronology for who is signed in now: nothing the previous user saw stays on the page. */
function showChronology() {
  chronology = document.createElement('sg-chronology');
  showSubject();
  chronologySlot.replaceChildren(chronology);
}

subject?.addEventListener('change', () => chronology && showSubject());
// An entry's "Open the concern": the portal would open the record; here it says which.
document.addEventListener('sg-open', (event) => {
  document.getElementById('opened').textContent = `The portal would open ${event.kind} ${event.id}.`;
});

/** `SAFEGUARDING_LEAD` → `Safeguarding lead`. */
const roleName = (role) => role.charAt(0) + role.slice(1).toLowerCase().replaceAll('_', ' ');

/** Lists the demo users, or explains where the token comes from when there are none (production). */
async function loadDemoUsers() {
  let response;
  try {
    response = await fetch('/dev/users', { headers: { accept: 'application/json' } });
  } catch {
    details.textContent = 'Could not load the demo users. Is Doorstep running?';
    return;
  }
  if (response.status === 404) {
    // The development routes do not exist in production: the portal's own sign-in gives the token.
    pickerBox.hidden = true;
    productionNote.hidden = false;
    if (checklistSlot) showChecklist(undefined);
    if (chronologySlot) showChronology();
    document.dispatchEvent(new Event('portal-signed-in'));
    return;
  }
  if (!response.ok) {
    details.textContent = `Could not load the demo users (the gateway answered ${response.status}).`;
    return;
  }
  ({ users } = await response.json());
  showUsers(users);
  // A page may say whom to sign in as first, `<body data-demo-user="…">` (the partner intranet: the
  // agency's officer).
  const first = document.body.dataset.demoUser;
  if (users.some((user) => user.id === first)) picker.value = first;
  picker.disabled = false;
  if (picker.value) useDemoUser(picker.value);
}

/** One option per user, labelled with their name, grouped by organisation. */
function showUsers(list) {
  const groups = new Map();
  for (const user of list) {
    let group = groups.get(user.organisation.id);
    if (!group) {
      group = document.createElement('optgroup');
      group.label = user.organisation.name;
      groups.set(user.organisation.id, group);
    }
    // textContent and properties, never innerHTML: names come from a server.
    const option = document.createElement('option');
    option.value = user.id;
    option.textContent = user.name;
    group.append(option);
  }
  picker.replaceChildren(...groups.values());
}

/** A token for one demo user from the development route; your sign-in does this in production. */
async function demoToken(userId) {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (!response.ok) throw new Error(`Could not sign in as this user (${response.status})`);
  return (await response.json()).token;
}

/** Signs the widgets in as a demo user: contractors get the short form, everyone else the full one. */
function useDemoUser(userId) {
  const user = users.find((u) => u.id === userId);
  details.textContent = user ? `${user.organisation.name} · ${user.roles.map(roleName).join(', ')}` : '';
  // A new callback drops the previous user's token: nothing goes out under their name.
  provider.fetchToken = () => demoToken(userId);
  if (form) form.mode = user && user.roles.every((role) => role === 'CONTRACTOR') ? 'contractor' : 'staff';
  if (checklistSlot) showChecklist(user);
  if (chronologySlot) showChronology();
  // Pages with widgets of their own (the household page) make them for the new user now.
  document.dispatchEvent(new Event('portal-signed-in'));
}

/** A fresh checklist for who is signed in: leads and managers answer it, champions read it. */
function showChecklist(user) {
  const checklist = document.createElement('sg-self-assessment');
  checklist.readonly =
    !!user && !user.roles.some((role) => role === 'SAFEGUARDING_LEAD' || role === 'MANAGER');
  checklistSlot.replaceChildren(checklist);
}

picker.addEventListener('change', () => useDemoUser(picker.value));

for (const choice of document.querySelectorAll('input[name="channel"]')) {
  choice.addEventListener('change', () => {
    if (choice.checked) takenFeedback.channel = choice.value;
  });
}

// The form has shown its confirmation; the page can record the reference too.
form?.addEventListener('sg-concern-submitted', (event) => {
  lastConcern.textContent = `Last concern sent: ${event.reference}`;
});

// No connection: the form has told the person it is saved on this device and will be sent later.
form?.addEventListener('sg-concern-queued', () => {
  lastConcern.textContent = 'A concern is waiting to be sent.';
});

await customElements.whenDefined(
  form
    ? 'sg-concern-form'
    : takenFeedback
      ? 'sg-feedback'
      : chronologySlot
        ? 'sg-chronology'
        : document.getElementById('work-queue')
          ? 'sg-work-queue'
          : checklistSlot
            ? 'sg-self-assessment'
            : 'sg-provider', // pages that make their own widget (household, referrals): any bundle defines it
);
await loadDemoUsers();
