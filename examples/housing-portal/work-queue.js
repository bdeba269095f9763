// The work queue page: Doorstep's work queue, made afresh for whoever signs in (portal.js says when),
// so nothing the previous user saw stays on the page. The gateway decides who sees it: safeguarding
// leads and champions; everyone else gets the widget's "not available" notice and no data.

const slot = document.getElementById('work-queue');
const opened = document.getElementById('opened');

document.addEventListener('portal-signed-in', () => {
  slot.replaceChildren(document.createElement('sg-work-queue'));
});

// An item's "Open" is said by portal.js (`sg-open`): this portal has no concern, referral or warning
// pages yet.

// A concern was triaged here: the portal could, say, open a case for OPEN_CASE.
slot.addEventListener('sg-triaged', (event) => {
  opened.textContent = `Concern triaged: ${event.decision.replaceAll('_', ' ').toLowerCase()}, ${event.riskLevel.toLowerCase()} risk.`;
});
