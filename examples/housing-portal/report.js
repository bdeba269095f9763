// The tenant site's "report a concern" page: Doorstep's public form, with no sign-in. The provider
// is given the organisation's public token (in development from GET /dev/public-token; in
// production your site holds the token the gateway issued for its public forms).

const provider = document.querySelector('sg-provider');
const language = document.getElementById('language');
const words = {
  en: {
    title: 'Tell us you are worried about someone',
    lead: 'You can tell us without giving your name. We read every message on the same working day.',
    switch: ['Cymraeg', 'cy'],
  },
  cy: {
    title: 'Dywedwch wrthym eich bod yn poeni am rywun',
    lead: 'Gallwch ddweud wrthym heb roi eich enw. Rydyn ni’n darllen pob neges ar yr un diwrnod gwaith.',
    switch: ['English', 'en'],
  },
};

provider.fetchToken = async () => {
  const response = await fetch('/dev/public-token');
  if (!response.ok) throw new Error(`No public token (${response.status})`);
  return (await response.json()).token;
};

// The widget follows the page's lang attribute: switching it switches the form's language.
language.addEventListener('click', () => {
  const next = document.documentElement.lang.startsWith('cy') ? 'en' : 'cy';
  document.documentElement.lang = next === 'cy' ? 'cy' : 'en-GB';
  document.getElementById('title').textContent = words[next].title;
  document.getElementById('lead').textContent = words[next].lead;
  [language.textContent, language.lang] = words[next].switch;
});
