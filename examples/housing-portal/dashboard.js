// The dashboard page: Doorstep's dashboard, made afresh for whoever signs in (portal.js says when),
// so no figures the previous user saw stay on the page. The gateway decides who sees them: managers
// and safeguarding leads; everyone else gets the widget's "not available" notice and no figures.

const slot = document.getElementById('dashboard');

document.addEventListener('portal-signed-in', () => {
  slot.replaceChildren(document.createElement('sg-dashboard'));
});
