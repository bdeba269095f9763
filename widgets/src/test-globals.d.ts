// The Mocha globals web-test-runner provides to `*.test.ts` and `*.bench.ts`: the few the tests use, without adding
// @types/mocha for them.
type MochaTest = (this: { timeout(ms: number): void }) => void | Promise<void>;
declare function describe(title: string, suite: () => void): void;
declare function it(title: string, test: MochaTest): void;
declare function before(hook: MochaTest): void;
declare function after(hook: MochaTest): void;
declare function beforeEach(hook: MochaTest): void;
declare function afterEach(hook: MochaTest): void;
