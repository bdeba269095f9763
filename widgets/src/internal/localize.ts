import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Common, Plural } from '../i18n/translation.js';

/**
 * Languages a host page added with `registerTranslation`, by lower-case code. Each widget also
 * carries its own English and Welsh (given to its `LocalizeController`), so a bundle holds only the
 * words of the widgets in it.
 */
const registered = new Map<string, Common>();
const connected = new Set<LocalizeController<Common>>();
let observer: MutationObserver | undefined;

/**
 * Makes a translation available to every widget on the page, e.g. Polish for the concern form:
 * `registerTranslation({ ...en, $code: 'pl', concernForm: { … } })`. A translation may hold the
 * words of several widgets (`concernForm`, `feedback`, `selfAssessment`); a widget uses it only if
 * it holds all of that widget's words. Registering a code again adds to (and overrides) what was
 * registered before, also over a widget's own English or Welsh. Widgets on the page switch at once.
 */
export function registerTranslation<T extends Common>(...added: T[]): void {
  for (const translation of added) {
    const code = translation.$code.toLowerCase();
    registered.set(code, { ...registered.get(code), ...translation });
  }
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

/**
 * Gives a widget its translation, picked from the closest `[lang]`, and re-renders it when a `lang`
 * on the page changes or a translation is registered. `builtIn` are the widget's own translations,
 * the first (English) being the one used when no other fits.
 */
export class LocalizeController<T extends Common> implements ReactiveController {
  #translation: T;
  #locale: string;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly builtIn: readonly [T, ...T[]],
  ) {
    this.#translation = builtIn[0];
    this.#locale = builtIn[0].$formatLocale;
    host.addController(this);
  }

  /** Every word the widget shows. */
  get t(): T {
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

  /**
   * The translation for a BCP 47 tag: exact, then by language (`cy-GB` → `cy`), else English. A
   * registered translation counts only if it has every key of this widget's words.
   */
  translationFor(lang: string): T {
    const tag = lang.trim().toLowerCase();
    const complete = (candidate: Common | undefined): candidate is T =>
      !!candidate && Object.keys(this.builtIn[0]).every((key) => key in candidate);
    for (const code of [tag, tag.split('-')[0] ?? '']) {
      const own = this.builtIn.find((t) => t.$code === code);
      const extra = registered.get(code);
      const candidate = extra ? ({ ...own, ...extra } as Common) : own;
      if (complete(candidate)) return candidate;
    }
    return this.builtIn[0];
  }

  /** Looks at the page's `lang` again; re-renders the host if the translation or locale changed. */
  refresh(): void {
    const lang = closestLang(this.host).trim();
    const translation = this.translationFor(lang);
    const language = (tag: string) => tag.toLowerCase().split('-')[0];
    const regional = lang.includes('-') && language(lang) === language(translation.$code);
    const locale = regional ? lang : translation.$formatLocale;
    if (translation === this.#translation && locale === this.#locale) return;
    this.#translation = translation;
    this.#locale = locale;
    this.host.requestUpdate();
  }
}
