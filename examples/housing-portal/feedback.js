// The tenant site's feedback page: Doorstep's feedback widget with no sign-in. The provider is given
// the organisation's public token (in development from GET /dev/public-token; in production your
// site holds the token the gateway issued for its public forms). A lead who closes a case can send
// the person a one-time link (createFeedbackLink); it arrives here as ?link=….

const provider = document.querySelector('sg-provider');
const feedback = document.querySelector('sg-feedback');

provider.fetchToken = async () => {
  const response = await fetch('/dev/public-token');
  if (!response.ok) throw new Error(`No public token (${response.status})`);
  return (await response.json()).token;
};

const link = new URLSearchParams(location.search).get('link');
if (link) {
  feedback.link = link;
  // Keep the link out of the address bar (and so out of the browser's history and screenshots).
  history.replaceState(null, '', location.pathname);
}
