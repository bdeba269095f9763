import type { Answers } from '../i18n/translation.js';

export type { Answers };

/**
 * What can happen to a widget's answers. `answer`: a control changed (a checkbox group's value is
 * the list of what is ticked). `restore`: a draft came back. `clear`: start again.
 */
export type AnswersAction =
  | { type: 'answer'; name: string; value: string | string[] }
  | { type: 'restore'; answers: Answers }
  | { type: 'clear' };

/**
 * The answers after an action: a new object each time, never a change to the one given, so a
 * widget can keep its answers in one `@state()` and a test can check each step without a DOM.
 */
export function answersReducer(answers: Answers, action: AnswersAction): Answers {
  switch (action.type) {
    case 'answer':
      return { ...answers, [action.name]: action.value };
    case 'restore':
      return { ...action.answers };
    case 'clear':
      return {};
  }
}

/**
 * The `answer` action for an `input` or `change` event from a widget's form, or undefined when the
 * event says nothing new (a control without a name, a radio being unchecked). A checkbox gives
 * every ticked value of its group, read from `root`.
 */
export function answerFrom(
  event: Event,
  root: ParentNode,
): Extract<AnswersAction, { type: 'answer' }> | undefined {
  const control = event.target as HTMLInputElement;
  const name = control.name;
  if (!name) return undefined;
  if (control.type === 'checkbox') {
    const ticked = root.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(name)}"]:checked`);
    return { type: 'answer', name, value: [...ticked].map((input) => input.value) };
  }
  if (control.type === 'radio' && !control.checked) return undefined;
  return { type: 'answer', name, value: control.value };
}

/** The answer to a text question or a single choice, or '' when there is none. */
export const textOf = (answers: Answers, name: string): string => {
  const value = answers[name];
  return typeof value === 'string' ? value : '';
};

/** The answers to a multiple choice, or none. */
export const listOf = (answers: Answers, name: string): string[] => {
  const value = answers[name];
  return Array.isArray(value) ? value : [];
};
