// The household page: Doorstep's household view for the household chosen above it, made afresh for
// whoever signs in (portal.js says when), and the concern form it hands a person over to.
// The gateway decides what the view shows: leads and champions get Think Family (ages, children,
// relationships, open concerns and referrals); frontline staff and contractors the visit view (who
// lives there and the warnings), only for households they work with.

const slot = document.getElementById('household');
const choice = document.getElementById('household-choice');
const raise = document.getElementById('raise');
const form = raise.querySelector('sg-concern-form');
const status = document.getElementById('last-concern');

function showHousehold() {
  const view = document.createElement('sg-household-view');
  view.householdId = choice.value;
  slot.replaceChildren(view);
  raise.hidden = true;
}

choice.addEventListener('change', showHousehold);
document.addEventListener('portal-signed-in', showHousehold);

// "Raise a concern": open the form about that person, in that household.
slot.addEventListener('sg-raise-concern', (event) => {
  form.reset();
  form.subject = { householdId: event.householdId, personId: event.personId };
  raise.hidden = false;
  raise.querySelector('h2').focus();
});

// A count was chosen: this portal has no concern or referral pages yet, so it says what would open.
slot.addEventListener('sg-open', (event) => {
  status.textContent = `Would open ${event.kind.replace('-', ' ')} (${event.id})`;
});
