import type { SgConcernSubmittedEvent, SgFeedbackSubmittedEvent } from '@doorstep/widgets';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { endpoint, fetchPublicToken } from './doorstep.js';
import { formatWhen, words, type Language } from './words.js';

type Page = 'home' | 'feedback' | 'report';

/** The page named by the address's hash (#/feedback, #/report), so each has its own address. */
function usePage(): Page {
  const hash = useSyncExternalStore(
    (changed) => {
      window.addEventListener('hashchange', changed);
      return () => window.removeEventListener('hashchange', changed);
    },
    () => location.hash,
  );
  return hash === '#/feedback' ? 'feedback' : hash === '#/report' ? 'report' : 'home';
}

export function App() {
  const [language, setLanguage] = useState<Language>('en');
  const page = usePage();
  const w = words[language];
  const heading = useRef<HTMLHeadingElement>(null);
  const shownPage = useRef(page);

  useEffect(() => {
    document.documentElement.lang = w.htmlLang;
    document.title = `${page === 'home' ? w.home.title : w.pages[page]} – Riverside Homes`;
  }, [w, page]);

  // A new page moves focus to its heading, so a screen reader hears where it is (not on first load).
  useEffect(() => {
    if (shownPage.current === page) return;
    shownPage.current = page;
    heading.current?.focus();
  }, [page]);

  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {w.skip}
      </a>
      <header className="header">
        <div className="header__inner">
          <a className="header__brand" href="#/">
            <img className="header__logo" src="/favicon.svg" alt="" width="36" height="36" />
            <span className="header__name">Riverside Homes</span>
            <span className="header__service">{w.service}</span>
          </a>
          <p className="language-switch">
            <button
              type="button"
              className="language-switch__button"
              lang={w.switchTo.lang}
              onClick={() => setLanguage(language === 'en' ? 'cy' : 'en')}
            >
              {w.switchTo.label}
            </button>
          </p>
        </div>
      </header>
      <nav className="nav" aria-label={w.menu}>
        <ul className="nav__list">
          {(['home', 'feedback', 'report'] as const).map((name) => (
            <li key={name}>
              <a
                className={`nav__link${name === page ? ' nav__link--current' : ''}`}
                href={name === 'home' ? '#/' : `#/${name}`}
                aria-current={name === page ? 'page' : undefined}
              >
                {w.pages[name]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="page">
        <main id="main" className="layout" tabIndex={-1}>
          <div className="layout__main">
            {page === 'home' && <Home language={language} heading={heading} />}
            {page === 'feedback' && <Feedback language={language} heading={heading} />}
            {page === 'report' && <Report language={language} heading={heading} />}
          </div>
          <aside className="layout__aside" aria-labelledby="help-heading">
            <h2 id="help-heading">{w.help.title}</h2>
            <p>{w.help.phone}</p>
            <p>
              <strong>{w.help.danger}</strong>
            </p>
          </aside>
        </main>
      </div>
      <footer className="footer">
        <p>{w.footer}</p>
      </footer>
    </>
  );
}

/** The skip link moves focus to <main> without changing the hash (which names the page). */
function skipToMain(event: React.MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

interface PageProps {
  language: Language;
  heading: React.RefObject<HTMLHeadingElement | null>;
}

function Home({ language, heading }: PageProps) {
  const w = words[language].home;
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {w.title}
      </h1>
      <p className="lead">{w.lead}</p>
      <h2 className="card__title">
        <a href="#/feedback">{w.feedback}</a>
      </h2>
      <p>{w.feedbackText}</p>
      <h2 className="card__title">
        <a href="#/report">{w.report}</a>
      </h2>
      <p>{w.reportText}</p>
    </>
  );
}

function Feedback({ language, heading }: PageProps) {
  const w = words[language].feedback;
  const [receivedAt, setReceivedAt] = useState<string>();
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {w.title}
      </h1>
      <p className="lead">{w.lead}</p>
      {/* Filled from the widget's typed event; the live region is in the page from the start. */}
      <p className="status thanks" role="status" data-testid="feedback-thanks">
        {receivedAt && w.thanks(formatWhen(receivedAt, language))}
      </p>
      <sg-provider endpoint={endpoint} fetchToken={fetchPublicToken}>
        <sg-feedback
          lang={words[language].htmlLang}
          onsg-feedback-submitted={(event: SgFeedbackSubmittedEvent) => setReceivedAt(event.receivedAt)}
        />
      </sg-provider>
    </>
  );
}

function Report({ language, heading }: PageProps) {
  const w = words[language].report;
  const [message, setMessage] = useState<string>();
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {w.title}
      </h1>
      <p className="lead">{w.lead}</p>
      <p className="status thanks" role="status" data-testid="report-thanks">
        {message}
      </p>
      <sg-provider endpoint={endpoint} fetchToken={fetchPublicToken}>
        <sg-concern-form
          mode="public"
          lang={words[language].htmlLang}
          onsg-concern-submitted={(event: SgConcernSubmittedEvent) => setMessage(w.thanks(event.reference))}
          onsg-concern-queued={() => setMessage(w.queued)}
        />
      </sg-provider>
    </>
  );
}
