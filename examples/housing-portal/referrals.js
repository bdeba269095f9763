// The referrals page (and the partner intranet page, `data-mode="agency"`): Doorstep's referral
// tracker, made afresh for whoever signs in (portal.js says when), so nothing the previous person
// saw stays on the page. The gateway decides what it shows: safeguarding leads and champions the
// referrals their organisation sent; an agency's officers, in agency mode, those their agency
// received; everyone else a notice that referrals are not available to them.

const slot = document.getElementById('referrals');
const news = document.getElementById('referral-news');

function showTracker() {
  const tracker = document.createElement('sg-referral-tracker');
  tracker.mode = slot.dataset.mode === 'agency' ? 'agency' : 'provider';
  slot.replaceChildren(tracker);
  news.textContent = '';
}

document.addEventListener('portal-signed-in', showTracker);

// The widget has recorded a move or a message; the page could update its own records too.
slot.addEventListener('sg-referral-moved', (event) => {
  news.textContent = `Referral ${event.referralId} is now ${event.status.toLowerCase()}.`;
});
