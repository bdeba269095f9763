import type { MikroORM } from '@mikro-orm/postgresql';
import {
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { actorsOf, type Identity } from '../auth/identity.js';
import { Compiler, type Plan, type RunInput } from './compile.js';
import { Reader } from './reader.js';
import { argumentsOf, selectedFields, Unsupported, type SelectedField } from './selection.js';

interface Compiled {
  /** Root fields by response key; null when the operation is not served here. */
  plans: Map<string, { plan: Plan; field: SelectedField }> | null;
}

/** Variables an operation's `@skip`/`@include` read: they change which fields are selected. */
function directiveVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Directive(node) {
      if (node.name.value !== 'skip' && node.name.value !== 'include') return;
      for (const argument of node.arguments ?? []) {
        if (argument.value.kind === 'Variable') names.add(argument.value.name.value);
      }
    },
  });
  return [...names];
}

/**
 * Decides, per request, whether a query is read through compiled SQL (every root field has a read
 * model and every field it selects can be compiled) or through the resolvers, and keeps the
 * compiled plans: per operation (documents are parsed once and kept by Apollo), per role set and
 * per value of what changes a plan's text, so a request that was seen before costs no compiling.
 */
export class ReadPath {
  readonly #compiler: Compiler;
  readonly #cache = new WeakMap<OperationDefinitionNode, Map<string, Compiled[]>>();
  readonly #directives = new WeakMap<DocumentNode, string[]>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly orm: MikroORM,
  ) {
    this.#compiler = new Compiler(schema, orm.getMetadata());
  }

  /**
   * A reader for this request, or undefined when the resolvers must serve it (a mutation, a field
   * without a read model, or arguments the compiled path would refuse differently: the resolvers
   * then refuse them as they always have).
   */
  readerFor(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown>,
    identity: Identity,
    requestId: string,
  ): Reader | undefined {
    if (operation.operation !== 'query') return undefined;
    const fragments = Object.fromEntries(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition')
        .map((d) => [d.name.value, d]),
    );
    const context = { schema: this.schema, fragments, variables };
    const actors = actorsOf(identity);
    let directives = this.#directives.get(document);
    if (!directives) this.#directives.set(document, (directives = directiveVariables(document)));
    const key = `${identity.kind}:${[...actors].sort().join(',')}:${JSON.stringify(directives.map((n) => variables[n]))}`;

    const memo = new Map<SelectedField, Record<string, unknown>>();
    const run: RunInput = {
      variables,
      scope: {
        organisationId: null,
        userId: null,
        householdId: null,
        today: null,
        seesAllHouseholds: null,
        actorKind: null,
        actorUserId: null,
        actorRef: null,
        requestId: null,
      },
      argsOf: (field) => {
        let args = memo.get(field);
        if (!args) memo.set(field, (args = argumentsOf(field, variables)));
        return args;
      },
    };

    let byKey = this.#cache.get(operation);
    if (!byKey) this.#cache.set(operation, (byKey = new Map()));
    const variants = byKey.get(key) ?? [];
    let compiled: Compiled | undefined;
    try {
      compiled = variants.find((variant) =>
        [...(variant.plans?.values() ?? [])].every(({ plan }) =>
          plan.checks.every(
            (check) =>
              (JSON.stringify(check.value(run.argsOf(check.field))) ?? 'undefined') === check.expected,
          ),
        ),
      );
      if (!compiled) {
        compiled = { plans: this.compile(context, operation, actors, run) };
        if (variants.length < 8) byKey.set(key, [...variants, compiled]);
      }
      if (!compiled.plans) return undefined;
      const reader = new Reader(this.orm, identity, requestId, compiled.plans, variables);
      reader.prepare(); // every parameter now: input the compiled path would refuse goes to the resolvers
      return reader;
    } catch {
      // Input a plan's checks or parameters refuse (a bad cursor, a page too large, a filter that
      // does not parse): the resolvers refuse it with their field errors.
      return undefined;
    }
  }

  private compile(
    context: Parameters<Compiler['compileRoot']>[0],
    operation: OperationDefinitionNode,
    actors: Parameters<Compiler['compileRoot']>[2],
    run: RunInput,
  ): Compiled['plans'] {
    const query = this.schema.getQueryType()!;
    const plans = new Map<string, { plan: Plan; field: SelectedField }>();
    try {
      let typename = false;
      for (const field of selectedFields(context, query, [operation.selectionSet])) {
        if (field.name === '__typename') {
          typename = true; // graphql-js answers it: not an answer the statement writes whole
          continue;
        }
        plans.set(field.key, { plan: this.#compiler.compileRoot(context, field, actors, run), field });
      }
      // One root field whose JSON can be the answer as it is: compiled again to be that answer.
      const [only, ...others] = plans.values();
      if (only && !others.length && !typename && !only.plan.rawBlockers.length) {
        plans.set(only.field.key, {
          plan: this.#compiler.compileRoot(context, only.field, actors, run, true),
          field: only.field,
        });
      }
    } catch (error) {
      if (error instanceof Unsupported) return null;
      throw error;
    }
    return plans.size ? plans : null;
  }
}
