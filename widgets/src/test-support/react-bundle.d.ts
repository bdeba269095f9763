// The part of /__react__.js the React page test uses. web-test-runner serves it: the real react and
// react-dom/client packages, bundled to an ES module by test/react-bundle.mjs.
export declare const React: {
  version: string;
  createElement(type: string, props: Record<string, unknown>): unknown;
};
export declare const ReactDOMClient: {
  createRoot(container: Element): { render(node: unknown): void; unmount(): void };
};
