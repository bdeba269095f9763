// Riverside Homes staff portal: an example of a housing provider's page that embeds Doorstep's
// <sg-concern-form>. The form needs two things from the page around it:
//   - where the Doorstep gateway is: the `endpoint` attribute (see index.html);
//   - who is raising the concern: a token, set on the form's `token` property.
// In production your own sign-in supplies the token. In development the gateway offers demo users
// (GET /dev/users) and tokens for them (POST /dev/token), so this page shows a "Demo user" picker.

const form = document.querySelector('sg-concern-form');
const picker = document.getElementById('demo-user');
const pickerBox = document.getElementById('demo-user-picker');
const details = document.getElementById('demo-user-details');
const productionNote = document.getElementById('production-sign-in');
const lastConcern = document.getElementById('last-concern');

/** Get a fresh token this long before the current one expires. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

let users = [];
let currentUserId;
let tokenRequest = 0;
let refreshTimer;

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
    return;
  }
  if (!response.ok) {
    details.textContent = `Could not load the demo users (the gateway answered ${response.status}).`;
    return;
  }
  ({ users } = await response.json());
  showUsers(users);
  picker.disabled = false;
  if (picker.value) await useDemoUser(picker.value);
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

/** Signs the form in as a demo user. */
async function useDemoUser(userId) {
  currentUserId = userId;
  const user = users.find((u) => u.id === userId);
  details.textContent = user ? `${user.organisation.name} · ${user.roles.map(roleName).join(', ')}` : '';
  // Never let a concern go out under the previous user's name while the new token is on its way.
  form.token = undefined;
  await refreshToken(userId);
}

/** Gets a token for the user and gives it to the form; schedules the next one before it expires. */
async function refreshToken(userId) {
  const request = ++tokenRequest;
  clearTimeout(refreshTimer);
  let body;
  try {
    const response = await fetch('/dev/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId }),
    });
    if (!response.ok) throw new Error(`status ${response.status}`);
    body = await response.json();
  } catch {
    if (request === tokenRequest) details.textContent = 'Could not sign in as this user. Try again.';
    return;
  }
  // Someone else was picked while this token was on its way: it is no longer wanted.
  if (request !== tokenRequest) return;
  form.token = body.token;
  const refreshIn = Date.parse(body.expiresAt) - Date.now() - REFRESH_MARGIN_MS;
  if (refreshIn > 0) refreshTimer = setTimeout(() => refreshToken(userId), refreshIn);
}

picker.addEventListener('change', () => useDemoUser(picker.value));

// The form has shown its confirmation; the page can record the reference too.
form.addEventListener('sg-concern-submitted', (event) => {
  lastConcern.textContent = `Last concern sent: ${event.reference}`;
});

// The form has already told the user what went wrong. A rejected token is worth replacing, so that
// pressing "Send concern" again works; a real portal might send the user to sign in instead.
form.addEventListener('sg-error', (event) => {
  if (event.code === 'UNAUTHENTICATED' && currentUserId) refreshToken(currentUserId);
});

await customElements.whenDefined('sg-concern-form');
await loadDemoUsers();
