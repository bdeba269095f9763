import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { cy } from '../i18n/cy.js';
import { en } from '../i18n/en.js';
import type { Plural, Translation } from '../i18n/translation.js';

/** English and Welsh ship with every widget; others can be added with `registerTranslation`. */
const translations = new Map<string, Translation>([
  [en.$code, en],
  [cy.$code, cy],
]);
const connected = new Set<LocalizeController>();
let observer: MutationObserver | undefined;

/**
 * Makes a translation available to every widget on the page, e.g. Welsh:
 * `registerTranslation(cy)`. Widgets already on the page switch if their `lang` matches.
 */
export function registerTranslation(...added: Translation[]): void {
  for (const translation of added) translations.set(translation.$code.toLowerCase(), translation);
  for (const controller of connected) controller.refresh();
}

/** The form of a counted message for `n` in `locale` (`Intl.PluralRules`), with `{n}` filled in. */
export function plural(forms: Plural, n: number, locale: string): string {
  const form = forms[new Intl.PluralRules(locale).select(n)] ?? forms.other;
  return form.replace('{n}', n.toLocaleString(locale));
}

/** The `lang` of the closest ancestor that has one, looking out through shadow roots. */
export function closestLang(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const withLang: Element | null = node.closest('[lang]');
    if (withLang) return withLang.getAttribute('lang') ?? '';
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return '';
}

/** The translation for a BCP 47 tag: exact, then by language (`cy-GB` → `cy`), else English. */
export function translationFor(lang: string): Translation {
  const tag = lang.trim().toLowerCase();
  return translations.get(tag) ?? translations.get(tag.split('-')[0] ?? '') ?? en;
}

/**
 * Gives a widget its translation, picked from the closest `[lang]`, and re-renders it when a `lang`
 * on the page changes or a translation is registered.
 */
export class LocalizeController implements ReactiveController {
  #translation: Translation = en;
  #locale = en.$formatLocale;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** Every word the widget shows. */
  get t(): Translation {
    return this.#translation;
  }

  /** The locale for formatting dates and numbers. */
  get locale(): string {
    return this.#locale;
  }

  hostConnected(): void {
    connected.add(this);
    if (!observer) {
      observer = new MutationObserver(() => connected.forEach((controller) => controller.refresh()));
      observer.observe(document.documentElement, {
        attributes: true,
        attributeFilter: ['lang'],
        subtree: true,
      });
    }
    this.refresh();
  }

  hostDisconnected(): void {
    connected.delete(this);
    if (connected.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  }

  /** Looks at the page's `lang` again; re-renders the host if the translation or locale changed. */
  refresh(): void {
    const lang = closestLang(this.host).trim();
    const translation = translationFor(lang);
    const language = (tag: string) => tag.toLowerCase().split('-')[0];
    const regional = lang.includes('-') && language(lang) === language(translation.$code);
    const locale = regional ? lang : translation.$formatLocale;
    if (translation === this.#translation && locale === this.#locale) return;
    this.#translation = translation;
    this.#locale = locale;
    this.host.requestUpdate();
  }
}
