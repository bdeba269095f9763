// The gateway's layers, checked by `pnpm lint` (and so by `npm test`): see docs/architecture.md,
// "Layers". A file imports only from its own layer or the layers below it, and no chain of
// imports comes back to where it started (no circular imports anywhere in gateway/src or
// gateway/test).
//
// Bottom to top. A pattern is a regular expression over the path from the repository root.
const ENTITY = '^gateway/src/modules/[^/]+/[^/]+[.]entity[.]ts$';
const TEST = ['[.]test[.]ts$', '^gateway/test/'];

const FOUNDATION = {
  name: 'foundation',
  what: 'configuration, errors, logging, the request context, common helpers, GraphQL plumbing, access and record rules and tokens, the compiled read path, the request scope and live events',
  path: [
    '^gateway/src/(config|errors|error-codes|logger|context)[.]ts$',
    '^gateway/src/(common|graphql|read)/',
    '^gateway/src/auth/(access|permissions|identity|tokens|record-rules)[.]ts$',
    '^gateway/src/db/(availability|request-scope|events|rls)[.]ts$',
    '^gateway/src/db/migrations/',
  ],
};

// The records: every *.entity.ts. Entities are the database's tables and reference each other as
// the tables' foreign keys do (a chronology entry names its household, a flag its concerns), so
// they form one layer of their own under every module's behaviour.
const RECORDS = { name: 'records', what: 'the entities (*.entity.ts) of every module', path: [ENTITY] };

// Behaviour, module by module. A write's side effects (audit, chronology recording, the
// cumulative check) sit below the writes that make them; a field that points from a lower module
// to a higher one is resolved in the higher module.
const MODULES = [
  {
    name: 'base',
    what: 'organisation, audit, notification, and recording a chronology entry (modules/chronology/record.ts)',
    path: [
      '^gateway/src/modules/(organisation|audit|notification)/',
      '^gateway/src/modules/chronology/record[.]ts$',
    ],
  },
  {
    name: 'access',
    what: 'access grants, credentials, and who sees a restricted person (access/visibility.ts)',
    path: ['^gateway/src/modules/access/'],
  },
  {
    name: 'household',
    what: 'households, their members and assignments',
    path: ['^gateway/src/modules/household/'],
  },
  {
    name: 'person',
    what: 'people (a person may be created into a household)',
    path: ['^gateway/src/modules/person/'],
  },
  {
    name: 'cumulative',
    what: 'the cumulative-concern check and its flags',
    path: ['^gateway/src/modules/cumulative/'],
  },
  { name: 'concerns', what: 'concern and warning', path: ['^gateway/src/modules/(concern|warning)/'] },
  {
    name: 'casework',
    what: 'cases: opened from concerns, their plan, notes, reviews and closure',
    path: ['^gateway/src/modules/case/'],
  },
  {
    name: 'features',
    what: 'referral, webhook, feedback, search, self-assessment, think family, risk (DASH, mental capacity), and reading the chronology',
    path: [
      '^gateway/src/modules/(referral|webhook|feedback|search|self-assessment|think-family|risk)/',
      '^gateway/src/modules/chronology/(?!record[.]ts$)',
    ],
  },
  {
    name: 'reports',
    what: 'reports: counts over every module’s records (modules/report), read by nothing below',
    path: ['^gateway/src/modules/report/'],
  },
];

// Above them all, in no layer and so checked only for cycles: the wiring (schema.ts, server.ts,
// main.ts, http/, auth/authenticate.ts, db/orm.ts, db/entities.ts, db/maintenance.ts,
// db/embedded.ts) and the tools (scripts/, bench/, db/connect-tool.ts, db/test-cluster.ts, and
// db/demo.ts and db/synthetic.ts, which make data through any module's services). They may import
// anything; nothing in a layer may import them. A new folder is in no layer either until it is
// added here, so no module can import it before someone decides where it sits.
const LAYERS = [FOUNDATION, RECORDS, ...MODULES];

/** Files of a layer import nothing in gateway/src but their own layer and the layers below it. */
function layerRule(layer, index) {
  const below = LAYERS.slice(0, index).map((l) => l.name);
  return {
    name: `layer-${layer.name}`,
    severity: 'error',
    comment:
      `The ${layer.name} layer (${layer.what}) imports only from itself` +
      (below.length ? ` and the layers below it (${below.join(', ')}). ` : '. ') +
      'Turn the import round (a field that points up is resolved in the higher module), or move the ' +
      'code to the layer it belongs in: docs/architecture.md, "Layers".',
    // Tests may import anything; a module's entities are checked as records.
    from: { path: layer.path, pathNot: index > LAYERS.indexOf(RECORDS) ? [...TEST, ENTITY] : TEST },
    to: { path: '^gateway/src/', pathNot: LAYERS.slice(0, index + 1).flatMap((l) => l.path) },
  };
}

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Files that import each other in a circle: break it by moving the shared part down a layer, or the ' +
        'caller up (docs/architecture.md, "Layers").',
      from: {},
      to: { circular: true },
    },
    ...LAYERS.map(layerRule),
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to no file: the layer rules cannot see where it goes.',
      from: {},
      // Relative imports only: the workspace packages resolve to their build (dist/).
      to: { couldNotResolve: true, path: '^[.]' },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['(^|/)dist/', '(^|/)node_modules/'] },
    // Type-only imports are dependencies too: a layer names only the types below it.
    tsPreCompilationDeps: true,
    // Follow the workspace packages' "exports" (@doorstep/schema has no "main").
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
