/*
 * zod-lite: the part of zod 4's functional API that this package's schemas are written with, and
 * nothing more, for the widgets' bundles (`@doorstep/schema/zod-lite`, swapped in for `zod` by
 * widgets/scripts/esbuild-options.mjs and by the widget tests). The gateway runs real zod.
 *
 * For these schemas it gives what zod gives: the same success, the same output, and the same issues
 * in the same order, each with zod's path, code and English message. zod-lite.test.ts proves it on
 * every schema the package exports, against real zod. The subset: `object`, `string`, `boolean`,
 * `number`, `int`, `date`, `enum` (of a list), `array`, `optional`, `_default`, `pipe`, `transform`,
 * `uuid`, `iso.date`, `iso.datetime`, and `.check(…)` with `trim`, `minLength`, `maxLength`, `gte`,
 * `lte`, `regex`, `refine`, `superRefine`. A schema written with anything else fails here (the
 * function is missing) and in the conformance test.
 *
 * How zod 4.6 parses, as copied here (zod/v4/core/schemas.js and checks.js):
 * - A schema checks the type, then runs its checks in order. Each issue either lets later checks run
 *   (`continue`: length, format, range and refine issues) or stops them (a wrong type). Length checks
 *   are the exception: they run after a stop too, on any value with a length, unless an issue said
 *   `continue: false` (a number that is not whole, an array too long to parse) or a pipe failed.
 * - An object parses each key of its shape and drops any other. A key missing from the input stays
 *   out of the output unless its schema puts a value there (a default).
 * - A pipe's second schema runs only when the first raised no issue.
 * - An issue's message is the first there is of: its own, the error of what raised it, the error of
 *   the schema whose check raised it, zod's English message.
 */

type Path = (string | number)[];

type ErrorFn = (issue: RawIssue) => string | undefined;

interface Params {
  error?: string | ErrorFn;
}

/** An issue while parsing: what zod's messages need, and where its message comes from. */
interface RawIssue {
  code: string;
  path: Path;
  input?: unknown;
  message?: string | undefined;
  /** true: later checks run; false: nothing more runs; unset: only length checks run. */
  continue?: boolean | undefined;
  expected?: string;
  origin?: string;
  minimum?: number;
  maximum?: number;
  values?: readonly unknown[];
  format?: string;
  pattern?: string;
  /** The error of what raised the issue. */
  error?: ErrorFn | undefined;
  /** The error of the schema whose check raised it. */
  ownerError?: ErrorFn | undefined;
}

/** A finished issue, as in a ZodError. */
export interface Issue {
  code: string;
  path: Path;
  message: string;
}

export interface Payload {
  value: unknown;
  issues: RawIssue[];
  /** A pipe whose first schema failed: no check runs after it. */
  aborted?: boolean;
}

export type SafeParseResult =
  { success: true; data: unknown } | { success: false; error: { issues: Issue[] } };

/** What `.check(…)` runs once the type is right. */
export interface Check {
  validate(payload: Payload): void;
  /** A length check (`minLength`, `maxLength`). */
  length?: boolean;
  /** A `maxLength`'s limit. */
  maximum?: number | undefined;
}

/** zod's `optin` / `optout`: whether a key may be absent from the input, and from the output. */
type Optionality = 'optional' | 'defaulted' | undefined;

const errorOf = (params?: Params): ErrorFn | undefined => {
  const error = params?.error;
  return typeof error === 'string' ? () => error : error;
};

const goesOn = (issue: RawIssue) => issue.continue === true;

export class Schema {
  constructor(
    /** Checks the type of `payload.value` (and parses its parts), adding issues. */
    readonly parse: (payload: Payload, schema: Schema) => void,
    readonly error?: ErrorFn,
    readonly checks: readonly Check[] = [],
    readonly optin: Optionality = undefined,
    readonly optout: Optionality = undefined,
  ) {}

  /** The same schema with more checks after its own. */
  check(...checks: Check[]): Schema {
    return new Schema(this.parse, this.error, [...this.checks, ...checks], this.optin, this.optout);
  }

  run(payload: Payload): Payload {
    this.parse(payload, this);
    let stopped = payload.aborted || !payload.issues.every(goesOn);
    for (const check of this.checks) {
      if (check.length) {
        const stoppedOutright = payload.aborted || payload.issues.some((issue) => issue.continue === false);
        if (stoppedOutright || (payload.value as { length?: unknown } | null)?.length === undefined) continue;
      } else if (stopped) {
        continue;
      }
      const added = this.validateWith(check, payload);
      stopped ||= !added.every(goesOn);
    }
    return payload;
  }

  /** Runs one of this schema's checks; its issues get this schema's error as their fallback. */
  validateWith(check: Check, payload: Payload): RawIssue[] {
    const raised = payload.issues.length;
    check.validate(payload);
    const added = payload.issues.slice(raised);
    for (const issue of added) issue.ownerError ??= this.error;
    return added;
  }

  safeParse(input: unknown): SafeParseResult {
    const { value, issues } = this.run({ value: input, issues: [] });
    return issues.length
      ? { success: false, error: { issues: issues.map(finish) } }
      : { success: true, data: value };
  }
}

/** zod's name for the type of a value in messages: "received null", "received Date". */
function typeName(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const constructor = (value as { constructor?: { name: string } } | undefined)?.constructor;
  if (typeof value === 'object' && Object.getPrototypeOf(value) !== Object.prototype && constructor) {
    return constructor.name;
  }
  return typeof value;
}

const FORMATS: Record<string, string> = { uuid: 'UUID', date: 'ISO date', datetime: 'ISO datetime' };
const UNITS: Record<string, string> = { string: 'characters', array: 'items' };
const quoted = (value: unknown) => (typeof value === 'string' ? `"${value}"` : String(value));

/** zod's English message (zod/v4/locales/en.js) for an issue raised without one, for these codes. */
function english(issue: RawIssue): string {
  const { origin, values = [] } = issue;
  const unit = origin && UNITS[origin];
  const size = (big: boolean) =>
    `Too ${big ? 'big' : 'small'}: expected ${origin} to ${unit ? 'have' : 'be'} ${big ? '<=' : '>='}` +
    `${big ? issue.maximum : issue.minimum}${unit ? ` ${unit}` : ''}`;
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${issue.expected}, received ${typeName(issue.input)}`;
    case 'invalid_value':
      return values.length === 1
        ? `Invalid input: expected ${quoted(values[0])}`
        : `Invalid option: expected one of ${values.map(quoted).join('|')}`;
    case 'too_big':
    case 'too_small':
      return size(issue.code === 'too_big');
    case 'invalid_format':
      return issue.format === 'regex'
        ? `Invalid string: must match pattern ${issue.pattern}`
        : `Invalid ${FORMATS[issue.format!] ?? issue.format}`;
    default:
      return 'Invalid input';
  }
}

function finish(issue: RawIssue): Issue {
  const message = issue.message ?? issue.error?.(issue) ?? issue.ownerError?.(issue) ?? english(issue);
  return { code: issue.code, path: issue.path, message };
}

/** Adds an issue about `payload.value` itself. */
const raise = (payload: Payload, issue: Omit<RawIssue, 'path' | 'input'>) =>
  void payload.issues.push({ path: [], input: payload.value, ...issue });

/** A schema for values that `accepts` takes; `parse` goes on to parse their parts. */
const typed = (
  expected: string,
  accepts: (value: unknown) => boolean,
  params?: Params,
  parse?: (payload: Payload, schema: Schema) => void,
) => {
  const error = errorOf(params);
  return new Schema((payload, schema) => {
    if (!accepts(payload.value)) raise(payload, { code: 'invalid_type', expected, error });
    else parse?.(payload, schema);
  }, error);
};

export const string = (params?: Params) => typed('string', (value) => typeof value === 'string', params);

export const boolean = (params?: Params) => typed('boolean', (value) => typeof value === 'boolean', params);

export const number = (params?: Params) =>
  typed('number', (value) => typeof value === 'number' && Number.isFinite(value), params);

export const date = (params?: Params) =>
  typed('date', (value) => value instanceof Date && !Number.isNaN(value.getTime()), params);

/** A whole number in JavaScript's safe range. */
export const int = (params?: Params) => {
  const error = errorOf(params);
  return number(params).check({
    validate(payload) {
      const value = payload.value as number;
      if (!Number.isInteger(value)) {
        raise(payload, { code: 'invalid_type', expected: 'int', continue: false, error });
      } else if (value > Number.MAX_SAFE_INTEGER) {
        raise(payload, {
          code: 'too_big',
          origin: 'int',
          maximum: Number.MAX_SAFE_INTEGER,
          continue: true,
          error,
        });
      } else if (value < Number.MIN_SAFE_INTEGER) {
        raise(payload, {
          code: 'too_small',
          origin: 'int',
          minimum: Number.MIN_SAFE_INTEGER,
          continue: true,
          error,
        });
      }
    },
  });
};

function enumOf(values: readonly string[], params?: Params): Schema {
  const error = errorOf(params);
  return new Schema((payload) => {
    if (!values.includes(payload.value as string)) raise(payload, { code: 'invalid_value', values, error });
  }, error);
}
export { enumOf as enum };

/** Adds the issues of one part of a value, under its key. */
function addIssues(payload: Payload, key: string | number, issues: RawIssue[]): void {
  for (const issue of issues) issue.path.unshift(key);
  payload.issues.push(...issues);
}

export const array = (element: Schema, params?: Params) =>
  typed('array', Array.isArray, params, (payload, schema) => {
    const items = payload.value as unknown[];
    // Longer than the leading length checks allow: that is all that is said, and no item is parsed.
    for (const check of schema.checks) {
      if (!check.length) break;
      if (items.length > (check.maximum ?? Infinity)) {
        for (const issue of schema.validateWith(check, payload)) issue.continue = false;
        return;
      }
    }
    payload.value = items.map((item, index) => {
      const result = element.run({ value: item, issues: [] });
      addIssues(payload, index, result.issues);
      return result.value;
    });
  });

const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

export const object = (shape: Record<string, Schema>, params?: Params) =>
  typed('object', isObject, params, (payload) => {
    const input = payload.value as Record<string, unknown>;
    const output: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(shape)) {
      if (key === '__proto__') continue;
      const present = key in input;
      const { optin, optout } = schema;
      const result = schema.run({ value: input[key], issues: [] });
      // Absent, and allowed to be: nothing is said about it, and only a default goes in the output.
      const mayBeAbsent = !present && optin && optout === 'optional';
      if (mayBeAbsent && (optin === 'optional' || result.issues.length)) continue;
      addIssues(payload, key, result.issues);
      if (!present && !optin) {
        if (!result.issues.length)
          payload.issues.push({ code: 'invalid_type', path: [key], expected: 'nonoptional' });
      } else if (result.value !== undefined) {
        output[key] = result.value;
      } else if (present || (optin === 'defaulted' && optout !== 'optional')) {
        output[key] = undefined;
      }
    }
    payload.value = output;
  });

/** A schema that runs `parse` and nothing else: the wrappers. */
const wrapper = (parse: (payload: Payload) => void, optin: Optionality, optout?: Optionality) =>
  new Schema(parse, undefined, [], optin, optout);

export const optional = (inner: Schema) =>
  wrapper(
    (payload) => {
      if (payload.value !== undefined) {
        inner.run(payload);
      } else if (inner.optin === 'defaulted') {
        const result = inner.run({ value: undefined, issues: [] });
        payload.value = result.issues.length ? undefined : result.value;
      }
    },
    inner.optin === 'defaulted' ? 'defaulted' : 'optional',
    'optional',
  );

/** A fresh copy of a default list or object each time, as zod gives. */
const copyOf = (value: unknown): unknown =>
  Array.isArray(value)
    ? [...value]
    : isObject(value) && Object.getPrototypeOf(value) === Object.prototype
      ? { ...(value as object) }
      : value;

export const _default = (inner: Schema, defaultValue: unknown) =>
  wrapper((payload) => {
    if (payload.value !== undefined) inner.run(payload);
    if (payload.value === undefined) {
      payload.value =
        typeof defaultValue === 'function' ? (defaultValue as () => unknown)() : copyOf(defaultValue);
    }
  }, 'defaulted');

export const transform = <T>(fn: (value: T, payload: Payload) => unknown) =>
  wrapper((payload) => {
    payload.value = fn(payload.value as T, payload);
  }, 'optional');

export const pipe = (first: Schema, second: Schema) =>
  new Schema(
    (payload) => {
      first.run(payload);
      if (payload.issues.length) payload.aborted = true;
      else second.run(payload);
    },
    undefined,
    [],
    first.optin,
    second.optout,
  );

/** Overwrites a string with itself trimmed. */
export const trim = (): Check => ({
  validate(payload) {
    payload.value = (payload.value as string).trim();
  },
});

/** Length in characters (code points, as zod counts them) of a string, in items of a list. */
const lengthOf = (value: string | unknown[]) =>
  typeof value === 'string' ? [...value].length : value.length;
const originOf = (value: unknown) =>
  Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'unknown';

export const minLength = (minimum: number, params?: Params): Check => ({
  length: true,
  validate(payload) {
    const value = payload.value as string | unknown[];
    if (lengthOf(value) < minimum) {
      raise(payload, {
        code: 'too_small',
        origin: originOf(value),
        minimum,
        continue: true,
        error: errorOf(params),
      });
    }
  },
});

export const maxLength = (maximum: number, params?: Params): Check => ({
  length: true,
  maximum,
  validate(payload) {
    const value = payload.value as string | unknown[];
    if (lengthOf(value) > maximum) {
      raise(payload, {
        code: 'too_big',
        origin: originOf(value),
        maximum,
        continue: true,
        error: errorOf(params),
      });
    }
  },
});

export const gte = (minimum: number, params?: Params): Check => ({
  validate(payload) {
    if ((payload.value as number) < minimum) {
      raise(payload, {
        code: 'too_small',
        origin: 'number',
        minimum,
        continue: true,
        error: errorOf(params),
      });
    }
  },
});

export const lte = (maximum: number, params?: Params): Check => ({
  validate(payload) {
    if ((payload.value as number) > maximum) {
      raise(payload, { code: 'too_big', origin: 'number', maximum, continue: true, error: errorOf(params) });
    }
  },
});

/** A string format: a pattern to match, and zod's name for it. */
const matches = (pattern: RegExp, format: string, params?: Params): Check => ({
  validate(payload) {
    pattern.lastIndex = 0;
    if (!pattern.test(payload.value as string)) {
      raise(payload, {
        code: 'invalid_format',
        format,
        pattern: String(pattern),
        continue: true,
        error: errorOf(params),
      });
    }
  },
});

export const regex = (pattern: RegExp, params?: Params) => matches(pattern, 'regex', params);

/** A string that must match a format; the format's error is the string's too. */
const formatted = (pattern: RegExp, format: string, params?: Params) =>
  string(params).check(matches(pattern, format, params));

// zod/v4/core/regexes.js: `uuid()`, `date`, and `datetime({ offset })` with `precision: null`.
const UUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
const DATE =
  '(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))';
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?';
const OFFSET = '([+-](?:[01]\\d|2[0-3]):[0-5]\\d)';

export const uuid = (params?: Params) => formatted(UUID, 'uuid', params);

export const iso = {
  date: (params?: Params) => formatted(new RegExp(`^${DATE}$`), 'date', params),
  /** With `offset: true`, an offset such as +01:00 is accepted as well as Z. Seconds are required. */
  datetime: (params?: Params & { offset?: boolean }) =>
    formatted(
      new RegExp(`^${DATE}T(?:${TIME}(?:Z${params?.offset ? `|${OFFSET}` : ''}))$`),
      'datetime',
      params,
    ),
};

interface Refinement extends Schema, Check {}

/**
 * A check that `fn(value)` is truthy, with the issue at `path`. Like zod's, it is a schema too: parsed
 * on its own, it checks the value as it is.
 */
export function refine<T>(fn: (value: T) => unknown, params?: Params & { path?: Path }): Refinement {
  const error = errorOf(params);
  const validate = (payload: Payload) => {
    if (!fn(payload.value as T)) {
      payload.issues.push({
        code: 'custom',
        path: [...(params?.path ?? [])],
        input: payload.value,
        continue: true,
        error,
      });
    }
  };
  // Its own only check, once it exists.
  const checks: Check[] = [];
  const refinement = Object.assign(new Schema(() => undefined, error, checks), { validate });
  checks.push(refinement);
  return refinement;
}

type NewIssue = { code?: string; path?: Path; message?: string };

/** A check that adds its own issues, through `ctx.addIssue`. */
export const superRefine = <T>(
  fn: (value: T, ctx: Payload & { addIssue(issue: NewIssue): void }) => void,
): Check => ({
  validate(payload) {
    const addIssue = (issue: NewIssue) =>
      void payload.issues.push({
        code: 'custom',
        input: payload.value,
        continue: true,
        ...issue,
        path: [...(issue.path ?? [])],
      });
    fn(payload.value as T, Object.assign(payload, { addIssue }));
  },
});

/** zod compiles object parsers unless told not to (widgets/src/internal/zod-jitless.ts); this never does. */
export const config = (_options: { jitless?: boolean }) => undefined;
