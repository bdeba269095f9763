// The tenant site's "report a concern" page: Doorstep's public form, with no sign-in. The provider
// is given the organisation's public token (in development from GET /dev/public-token; in
// production your site holds the token the gateway issued for its public forms).

const provider = document.querySelector('sg-provider');
const language = document.getElementById('language');
// The page's own words; the widget has its own. Each element with `data-words` takes one of them.
const words = {
  en: {
    title: 'Tell us you are worried about someone – Riverside Homes',
    skip: 'Skip to main content',
    service: 'For tenants and neighbours',
    heading: 'Tell us you are worried about someone',
    lead: 'You can tell us without giving your name. We read every message on the same working day.',
    footer: "Riverside Homes is a fictional housing provider. This page shows Doorstep's public form.",
    switch: ['Cymraeg', 'cy'],
  },
  cy: {
    title: 'Dywedwch wrthym eich bod yn poeni am rywun – Riverside Homes',
    skip: 'Neidio i’r prif gynnwys',
    service: 'Ar gyfer tenantiaid a chymdogion',
    heading: 'Dywedwch wrthym eich bod yn poeni am rywun',
    lead: 'Gallwch ddweud wrthym heb roi eich enw. Rydyn ni’n darllen pob neges ar yr un diwrnod gwaith.',
    footer:
      'Darparwr tai dychmygol yw Riverside Homes. Mae’r dudalen hon yn dangos ffurflen gyhoeddus Doorstep.',
    switch: ['English', 'en'],
  },
};

provider.fetchToken = async () => {
  const response = await fetch('/dev/public-token');
  if (!response.ok) throw new Error(`No public token (${response.status})`);
  return (await response.json()).token;
};

const pageLanguage = () => (document.documentElement.lang.startsWith('cy') ? 'cy' : 'en');

/** Shows the page's words in its language: the widget follows the page's lang attribute too. */
function showWords() {
  const chosen = words[pageLanguage()];
  document.title = chosen.title;
  for (const element of document.querySelectorAll('[data-words]')) {
    element.textContent = chosen[element.dataset.words];
  }
  [language.textContent, language.lang] = chosen.switch;
}

// A Welsh site serves the page with lang="cy"; the switch changes it.
showWords();
language.addEventListener('click', () => {
  document.documentElement.lang = pageLanguage() === 'cy' ? 'en-GB' : 'cy';
  showWords();
});
