// The Custom Elements Manifest (custom-elements.json) is generated from the components' JSDoc tags
// (@summary, @slot, @event, @csspart, @cssproperty) and committed. `pnpm build` fails when it is stale
// (scripts/check-manifest.mjs); `pnpm --filter @doorstep/widgets manifest` writes it again.

/**
 * The analyzer lists modules in the order its file search returns them, which differs between
 * machines and file systems; sorted by path, the manifest is the same everywhere.
 */
const modulesByPath = {
  name: 'modules-by-path',
  packageLinkPhase({ customElementsManifest }) {
    customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  },
};

/**
 * The analyzer also lists each `dispatchEvent(new SgSomethingEvent(…))` call as an event, without a
 * name (or named after a constructor argument). The documented `@event` tags are the API: keep those.
 */
const documentedEventsOnly = {
  name: 'documented-events-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.events) {
          declaration.events = declaration.events.filter(
            (event) => event.name?.startsWith('sg-') && event.description,
          );
        }
      }
    }
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/test-support/**', 'src/test-globals.d.ts'],
  litelement: true,
  outdir: '.',
  // Never rewrite package.json: its "customElements" field is set by hand, and the staleness check
  // (which writes to a cache folder) would otherwise point it there.
  packagejson: false,
  plugins: [documentedEventsOnly, modulesByPath],
};
