import type { EntityMetadata, MetadataStorage } from '@mikro-orm/core';
import {
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { createHash } from 'node:crypto';
import { ruleOf } from '../auth/access.js';
import type { Actor } from '../auth/identity.js';
import { Permission, rules, sameOrganisation } from '../auth/permissions.js';
import { decodeCursor, pageSize } from '../common/pagination.js';
import { isoMoment } from './sql.js';
import {
  rootSpec,
  typeSpec,
  type FieldSpec,
  type ScopeValue,
  type Source,
  type Sql,
  type TypeSpec,
} from './model.js';
import {
  selectedFields,
  subSelections,
  Unsupported,
  type SelectedField,
  type SelectionContext,
} from './selection.js';

/**
 * The compiler of the read path: one root Query field's selection, for one set of roles, becomes
 * one SQL statement whose single value is the whole answer as JSON, with only the columns asked
 * for, every list and page as a correlated subquery (so the statement count does not grow with
 * list sizes), and the caller's record rules as predicates. A plan is compiled once per operation,
 * root field and role set and run as a prepared statement; what varies per request (arguments,
 * the caller's ids) are its parameters. Field access (which roles may read a field) is decided
 * here too: a field the roles may not read is not read at all, and its resolver refuses it.
 */

/** What a plan's values are computed from, per request. */
export interface RunInput {
  variables: Record<string, unknown>;
  scope: Record<ScopeValue, unknown>;
  /** Coerced arguments, per selected field (memo for this run). */
  argsOf(field: SelectedField): Record<string, unknown>;
}

/** How the JSON a statement returns becomes the objects graphql-js resolves. */
export type Shape =
  | { kind: 'scalar' }
  | { kind: 'list'; item: Shape }
  | {
      kind: 'object';
      prototype: object | null;
      /** Its JSON carries `$audit`: the (type, id) pairs of the records it holds. */
      audited?: boolean;
      fields: { key: string; shape: Shape }[];
    };

export interface Plan {
  /** The argument values its text was compiled for. */
  checks: PlanCheck[];
  /** The statement's name when prepared (a digest of its text). */
  name: string;
  text: string;
  values: ((run: RunInput) => unknown)[];
  kind: 'object' | 'list' | 'connection';
  shape: Shape;
  notFound?: (args: Record<string, unknown>) => Error;
  /** The root field it reads. */
  field: SelectedField;
  /**
   * Compiled to answer as is: its JSON (with the `$audit` pairs taken out) is the field's value in
   * the response, with no resolver to run (`rawBlockers` was empty).
   */
  raw: boolean;
  /** Why its JSON could not be sent as it is (a getter, a record rule, a field the caller may not read…). */
  rawBlockers: string[];
}

const ISO = isoMoment;
/** The keyset cursor `encodeCursor` writes: base64url of `<ISO time>|<id>`. */
const CURSOR = (at: string, id: string) =>
  `translate(encode(convert_to(${ISO(at)} || '|' || ${id}, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;
const quote = (key: string) => `'${key.replace(/'/g, "''")}'`;

/** json_build_object takes at most 100 arguments: larger objects are built in parts and joined. */
function jsonObject(pairs: [string, string][]): string {
  if (pairs.length <= 50)
    return `json_build_object(${pairs.map(([k, v]) => `${quote(k)}, ${v}`).join(', ')})`;
  const parts: string[] = [];
  for (let i = 0; i < pairs.length; i += 50) {
    const chunk = pairs.slice(i, i + 50);
    parts.push(`jsonb_build_object(${chunk.map(([k, v]) => `${quote(k)}, ${v}`).join(', ')})`);
  }
  return `(${parts.join(' || ')})::json`;
}

/** An argument value a plan's text was compiled for (`Sql.known`). */
export interface PlanCheck {
  field: SelectedField;
  value: (args: Record<string, unknown>) => unknown;
  expected: string;
}

class Builder implements Sql {
  readonly values: ((run: RunInput) => unknown)[] = [];
  readonly checks: PlanCheck[] = [];
  /** What stops the statement's JSON being the answer as it is (`Plan.rawBlockers`). */
  readonly rawBlockers: string[] = [];
  /** The rows each alias's source joined (`Source.joins`). */
  readonly joins = new Map<string, Record<string, string>>();

  constructor(
    private readonly run: RunInput,
    /** Compiling the answer itself: no carried properties, `__typename` in the JSON. */
    readonly raw = false,
  ) {}

  known<T>(value: (args: Record<string, unknown>) => T): T {
    const field = this.field;
    if (!field) throw new Error('read: an argument outside a field');
    const result = value(this.run.argsOf(field));
    this.checks.push({ field, value, expected: JSON.stringify(result) ?? 'undefined' });
    return result;
  }

  readonly #scope = new Map<ScopeValue, string>();
  #aliases = 0;
  field: SelectedField | undefined;

  arg(value: (args: Record<string, unknown>) => unknown, cast: string): string {
    const field = this.field;
    if (!field) throw new Error('read: an argument outside a field');
    this.values.push((run) => value(run.argsOf(field)));
    return `$${this.values.length}::${cast}`;
  }

  scope(name: ScopeValue): string {
    let placeholder = this.#scope.get(name);
    if (!placeholder) {
      this.values.push((run) => run.scope[name]);
      placeholder = `$${this.values.length}::${SCOPE_TYPES[name]}`;
      this.#scope.set(name, placeholder);
    }
    return placeholder;
  }

  alias(hint: string): string {
    return `${hint}${++this.#aliases}`;
  }
}

/**
 * Scalars whose value in the statement's JSON is what graphql-js would answer: the built-in ones,
 * timestamps (written as `toISOString()` writes them, as `DateTimeISO` gives them) and JSON objects.
 */
const AS_IS_SCALARS = new Set(['ID', 'String', 'Boolean', 'Int', 'Float', 'DateTimeISO', 'JSONObject']);

const SCOPE_TYPES: Record<ScopeValue, string> = {
  organisationId: 'uuid',
  userId: 'uuid',
  householdId: 'uuid',
  today: 'date',
  seesAllHouseholds: 'boolean',
  actorKind: 'text',
  actorUserId: 'uuid',
  actorRef: 'text',
  requestId: 'text',
};

/**
 * Where the `$audit` pairs are in a statement's JSON, as an SQL array of JSON paths (lax: a missing
 * object or an empty list gives nothing), so the audit rows are found without walking the whole
 * answer.
 */
function auditPaths(shape: Shape): string {
  const paths: string[] = [];
  const walk = (at: Shape, path: string) => {
    if (at.kind === 'list') return walk(at.item, `${path}[*]`);
    if (at.kind !== 'object') return;
    if (at.audited) paths.push(`${path}."$audit"[*]`);
    for (const field of at.fields) walk(field.shape, `${path}.${JSON.stringify(field.key)}`);
  };
  walk(shape, 'lax $');
  return `array[${paths.map(quote).join(', ')}]`;
}

const where = (terms: readonly string[]) => (terms.length ? ` where ${terms.join(' and ')}` : '');

/**
 * Every row a compiled read takes is the caller's organisation's, said in the statement itself and
 * not only by row-level security: the source's own rows and every row it joins. Citus can then send
 * the whole statement to the one node that holds the organisation (docs/architecture.md).
 */
function inOrganisation(source: Source, alias: string, sql: Builder): Source {
  const aliases = new Set([alias, ...Object.values(source.joins ?? {})]);
  const organisation = sql.scope('organisationId');
  return {
    ...source,
    where: [...source.where, ...[...aliases].map((a) => `${a}.organisation_id = ${organisation}`)],
  };
}

/** Compiles root fields; knows the schema, the ORM's metadata and the caller's roles. */
export class Compiler {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly metadata: MetadataStorage,
  ) {}

  /**
   * The plan for one root Query field, or throws `Unsupported` (the resolvers then serve the whole
   * request). `actors` decide which fields are read.
   */
  compileRoot(
    context: SelectionContext,
    root: SelectedField,
    actors: readonly Actor[],
    run: RunInput,
    raw = false,
  ): Plan {
    const spec = rootSpec(root.name);
    if (!spec) throw new Unsupported(`Query.${root.name} has no read model`);
    const sql = new Builder(run, raw);
    if (!this.readable('Query', root.name, actors)) sql.rawBlockers.push(`Query.${root.name} is refused`);
    sql.field = root;
    const alias = sql.alias('r');
    const source = inOrganisation(spec.source({ alias, sql }), alias, sql);
    const type = this.objectType(spec.type);
    const selections = subSelections(root);
    let text: string;
    let shape: Shape;
    if (spec.kind === 'connection') {
      const built = this.connection(
        context,
        sql,
        type,
        selections,
        source,
        alias,
        spec.at!,
        spec.id!,
        actors,
        spec.audit?.(sql),
        spec.direction?.(sql),
        spec.total?.(sql),
      );
      text = spec.exists
        ? `select case when ${spec.exists(sql)} then ${built.sql} end as j`
        : `select ${built.sql} as j`;
      shape = built.shape;
    } else {
      const object = this.object(context, sql, type, selections, alias, actors);
      const order = source.orderBy?.length ? ` order by ${source.orderBy.join(', ')}` : '';
      if (spec.kind === 'object') {
        text = `select ${object.sql} as j from ${source.from}${where(source.where)}${order} limit 1`;
        shape = object.shape;
      } else {
        text = `select coalesce(json_agg(${object.sql}${order}), '[]') as j from ${source.from}${where(source.where)}`;
        shape = { kind: 'list', item: object.shape };
      }
    }
    // The audit rows of everything the answer holds, written by the same statement: every audited
    // object carries its `$audit` pairs (type, id), each record once.
    text = `with doorstep_read as (${text}),
doorstep_audit as (
  insert into audit_event (at, organisation_id, actor_kind, actor_user_id, actor_ref, action, entity_type, entity_id, request_id)
  select distinct now(), ${sql.scope('organisationId')}, ${sql.scope('actorKind')}, ${sql.scope('actorUserId')}, ${sql.scope('actorRef')}, 'READ', a.pair->>0, (a.pair->>1)::uuid, ${sql.scope('requestId')}
    from (select j::jsonb as j from doorstep_read offset 0) r, unnest(${auditPaths(shape)}::jsonpath[]) as p(path), jsonb_path_query(r.j, p.path) as a(pair)
   where a.pair->>1 is not null)
select j from doorstep_read`;
    return {
      checks: sql.checks,
      // A plain identifier (SQL's PREPARE takes it unquoted): a digest of the text.
      name: `doorstep_read_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`,
      text,
      values: sql.values,
      kind: spec.kind,
      shape,
      ...(spec.notFound ? { notFound: spec.notFound } : {}),
      field: root,
      raw,
      rawBlockers: sql.rawBlockers,
    };
  }

  private objectType(name: string): GraphQLObjectType {
    const type = this.schema.getType(name);
    if (!isObjectType(type)) throw new Unsupported(`${name} is not an object type`);
    return type;
  }

  private meta(spec: TypeSpec): EntityMetadata | undefined {
    return spec.entity ? this.metadata.find(spec.entity.name) : undefined;
  }

  /** SQL reading `prop` of the entity row `t`, as the API writes it. */
  private column(meta: EntityMetadata | undefined, t: string, prop: string): string | undefined {
    const property = meta?.properties[prop];
    if (!property || property.persist === false || !property.fieldNames?.length) return undefined;
    const column = `${t}.${property.fieldNames.at(-1)}`; // a link's own column, after organisation_id
    if (property.kind === 'm:1' || property.kind === '1:1') {
      return `case when ${column} is null then null else json_build_object('id', ${column}) end`;
    }
    if (property.kind !== 'scalar') return undefined;
    const type = String(property.columnTypes?.[0] ?? property.type ?? '').toLowerCase();
    return /timestamp|datetime/.test(type) ? ISO(column) : column;
  }

  /** May `actors` read `type.field`? (Record rules are checked on each record by the resolvers.) */
  private readable(type: string, field: string, actors: readonly Actor[]): boolean {
    const permission = ruleOf(this.schema, type, field);
    if (!permission) return false;
    if (permission === Permission.Envelope) return true;
    return rules[permission].actors.some((actor) => actors.includes(actor));
  }

  /** One object of `type` from the row `t`. */
  private object(
    context: SelectionContext,
    sql: Builder,
    type: GraphQLObjectType,
    selections: readonly SelectionSetNode[],
    t: string,
    actors: readonly Actor[],
    /** Records each object reveals besides itself (`FieldSpec` list `audit`): (type, id SQL). */
    reveals?: [string, string],
  ): { sql: string; shape: Shape } {
    const spec = typeSpec(type.name);
    if (!spec) throw new Unsupported(`${type.name} has no read model`);
    const meta = this.meta(spec);
    const carried = new Map<string, string>();
    const carry = (prop: string) => {
      if (carried.has(prop)) return;
      const explicit = spec.carry?.[prop];
      const expression = explicit ? explicit(t) : this.column(meta, t, prop);
      if (!expression) throw new Unsupported(`${type.name} cannot carry ${prop}`);
      carried.set(prop, expression);
    };
    if (meta?.properties.id) carry('id');
    for (const prop of Object.keys(spec.carry ?? {})) carry(prop);
    if (meta?.properties.organisation) carry('organisation');

    const pairs: [string, string][] = [];
    const fields: { key: string; shape: Shape }[] = [];
    const audits: string[] = [];
    for (const field of selectedFields(context, type, selections)) {
      if (field.name === '__typename') {
        // graphql-js answers it, unless the JSON is the answer
        if (sql.raw) this.typename(field, type, pairs, fields);
        continue;
      }
      if (!this.readable(type.name, field.name, actors)) {
        sql.rawBlockers.push(`${type.name}.${field.name} is refused`); // its resolver refuses it
        continue;
      }
      this.checkRaw(sql, type, field);
      const fieldSpec: FieldSpec | undefined = spec.fields?.[field.name];
      const outer = sql.field;
      sql.field = field;
      try {
        if (!fieldSpec) {
          const expression = this.column(meta, t, field.name);
          if (!expression || !isLeaf(field.definition.type)) {
            throw new Unsupported(`${type.name}.${field.name} has no read model`);
          }
          pairs.push([field.key, expression]);
          fields.push({ key: field.key, shape: { kind: 'scalar' } });
          continue;
        }
        switch (fieldSpec.kind) {
          case 'value': {
            pairs.push([field.key, fieldSpec.sql(t, sql, sql.joins.get(t) ?? {})]);
            fields.push({ key: field.key, shape: { kind: 'scalar' } });
            const audit = fieldSpec.audit?.(t, sql);
            if (audit) audits.push(`json_build_array(${quote(audit[0])}, ${audit[1]})`);
            break;
          }
          case 'getter':
            sql.rawBlockers.push(`${type.name}.${field.name} is a getter`);
            for (const prop of fieldSpec.reads) carry(prop);
            break;
          case 'object':
          case 'list': {
            const child = this.objectType(fieldSpec.type);
            const joined =
              fieldSpec.kind === 'object' && fieldSpec.join && sql.joins.get(t)?.[fieldSpec.join];
            if (joined) {
              // Already in the row: no statement of its own.
              const inner = this.object(context, sql, child, subSelections(field), joined, actors);
              pairs.push([field.key, inner.sql]);
              fields.push({ key: field.key, shape: inner.shape });
              break;
            }
            const alias = sql.alias(child.name.slice(0, 1).toLowerCase());
            const source = inOrganisation(fieldSpec.source({ parent: t, alias, sql }), alias, sql);
            if (source.joins) sql.joins.set(alias, source.joins);
            const reveals = fieldSpec.kind === 'list' ? fieldSpec.audit?.(alias) : undefined;
            const inner = this.object(context, sql, child, subSelections(field), alias, actors, reveals);
            const order = source.orderBy?.length ? ` order by ${source.orderBy.join(', ')}` : '';
            if (fieldSpec.kind === 'object') {
              // No row is null, which a non-null field may not be: graphql-js says so.
              if (isNonNullType(field.definition.type))
                sql.rawBlockers.push(`${type.name}.${field.name} may be missing`);
              pairs.push([
                field.key,
                `(select ${inner.sql} from ${source.from}${where(source.where)}${order} limit 1)`,
              ]);
              fields.push({ key: field.key, shape: inner.shape });
            } else {
              pairs.push([
                field.key,
                `(select coalesce(json_agg(${inner.sql}${order}), '[]') from ${source.from}${where(source.where)})`,
              ]);
              fields.push({ key: field.key, shape: { kind: 'list', item: inner.shape } });
            }
            break;
          }
          case 'connection': {
            const node = this.objectType(fieldSpec.type);
            const alias = sql.alias(node.name.slice(0, 1).toLowerCase());
            const source = inOrganisation(fieldSpec.source({ parent: t, alias, sql }), alias, sql);
            const built = this.connection(
              context,
              sql,
              node,
              subSelections(field),
              source,
              alias,
              fieldSpec.at,
              fieldSpec.id,
              actors,
              fieldSpec.audit?.(t),
              fieldSpec.direction?.(sql),
            );
            pairs.push([field.key, built.sql]);
            fields.push({ key: field.key, shape: built.shape });
            break;
          }
        }
      } finally {
        sql.field = outer;
      }
    }
    if (reveals) audits.push(`json_build_array(${quote(reveals[0])}, ${reveals[1]})`);
    if (spec.audit) {
      const id = carried.get('id');
      if (!id) throw new Unsupported(`${type.name} is audited but has no id`);
      audits.unshift(`json_build_array(${quote(spec.audit)}, ${id})`);
    }
    // Past 50 pairs an object is built as jsonb, which orders and spaces its keys its own way.
    if (pairs.length + 2 > 50) sql.rawBlockers.push(`${type.name}: over 50 fields`);
    const carriedJson = [...carried].map(([k, v]) => [k, v] as [string, string]);
    const auditPair: [string, string][] = audits.length
      ? [['$audit', `json_build_array(${audits.join(', ')})`]]
      : [];
    return {
      sql: jsonObject([
        ...(sql.raw ? [] : [['$', jsonObject(carriedJson)] as [string, string]]),
        ...auditPair,
        ...pairs,
      ]),
      shape: {
        kind: 'object',
        prototype: spec.entity?.prototype ?? null,
        ...(audits.length ? { audited: true } : {}),
        fields,
      },
    };
  }

  /**
   * A page (`first`, `after`) of `node` rows newest first by (`at`, `id`), as a Relay connection:
   * `totalCount` (only when asked), `pageInfo`, `edges { cursor node }`. One subquery fetches one
   * row past the page (that row says there is more).
   */
  private connection(
    context: SelectionContext,
    sql: Builder,
    node: GraphQLObjectType,
    selections: readonly SelectionSetNode[],
    source: Source,
    t: string,
    at: string,
    id: string,
    actors: readonly Actor[],
    audit?: [string, string],
    direction: 'asc' | 'desc' = 'desc',
    total?: string,
  ): { sql: string; shape: Shape } {
    const connectionType = this.connectionTypeOf(sql.field!);
    const limit = sql.arg((args) => pageSize(args.first as number | null | undefined), 'int');
    const after = (part: 'at' | 'id') =>
      sql.arg(
        (args) => {
          if (!args.after) return null;
          const cursor = decodeCursor(args.after as string);
          return part === 'at' ? cursor.at.toISOString() : cursor.id;
        },
        part === 'at' ? 'timestamptz' : 'uuid',
      );
    const [afterAt, afterId] = [after('at'), after('id')];
    const page = sql.alias('pg');
    const [before, first, last] =
      direction === 'desc'
        ? ['<', 'infinity', 'ffffffff-ffff-ffff-ffff-ffffffffffff']
        : ['>', '-infinity', '00000000-0000-0000-0000-000000000000'];
    const keyset = `(${t}.${at}, ${t}.${id}) ${before} (coalesce(${afterAt}, '${first}'::timestamptz), coalesce(${afterId}, '${last}'::uuid))`;
    const order = `${t}.${at} ${direction}, ${t}.${id} ${direction}`;
    const pageOrder = `${page}.${at} ${direction}, ${page}.${id} ${direction}`;

    const pairs: [string, string][] = [];
    const fields: { key: string; shape: Shape }[] = [];
    let needsRank = false;
    for (const field of selectedFields(context, connectionType, selections)) {
      if (field.name === '__typename') {
        if (sql.raw) this.typename(field, connectionType, pairs, fields);
        continue;
      }
      switch (field.name) {
        case 'totalCount':
          pairs.push([
            field.key,
            total ?? `(select count(*)::int from ${source.from}${where(source.where)})`,
          ]);
          fields.push({ key: field.key, shape: { kind: 'scalar' } });
          break;
        case 'pageInfo': {
          const info = this.objectType('PageInfo');
          const infoPairs: [string, string][] = [];
          const infoFields: { key: string; shape: Shape }[] = [];
          for (const f of selectedFields(context, info, subSelections(field))) {
            if (f.name === 'hasNextPage') infoPairs.push([f.key, `count(*) > ${limit}`]);
            else if (f.name === 'endCursor') {
              needsRank = true;
              infoPairs.push([
                f.key,
                `(array_agg(${CURSOR(`${page}.${at}`, `${page}.${id}`)} order by ${pageOrder}) filter (where ${page}.doorstep_rank <= ${limit}))[least(count(*), ${limit})]`,
              ]);
            } else if (f.name === '__typename') {
              if (sql.raw) this.typename(f, info, infoPairs, infoFields);
              continue;
            } else throw new Unsupported(`PageInfo.${f.name}`);
            infoFields.push({ key: f.key, shape: { kind: 'scalar' } });
          }
          pairs.push([field.key, jsonObject(infoPairs)]);
          fields.push({ key: field.key, shape: { kind: 'object', prototype: null, fields: infoFields } });
          break;
        }
        case 'edges': {
          needsRank = true;
          const edge = getNamedType(field.definition.type) as GraphQLObjectType;
          const edgePairs: [string, string][] = [];
          const edgeFields: { key: string; shape: Shape }[] = [];
          for (const f of selectedFields(context, edge, subSelections(field))) {
            if (f.name === 'cursor') {
              edgePairs.push([f.key, CURSOR(`${page}.${at}`, `${page}.${id}`)]);
              edgeFields.push({ key: f.key, shape: { kind: 'scalar' } });
            } else if (f.name === 'node') {
              const outer = sql.field;
              sql.field = f;
              try {
                const inner = this.object(context, sql, node, subSelections(f), page, actors);
                edgePairs.push([f.key, inner.sql]);
                edgeFields.push({ key: f.key, shape: inner.shape });
              } finally {
                sql.field = outer;
              }
            } else if (f.name === '__typename') {
              if (sql.raw) this.typename(f, edge, edgePairs, edgeFields);
            } else throw new Unsupported(`${edge.name}.${f.name}`);
          }
          pairs.push([
            field.key,
            `coalesce(json_agg(${jsonObject(edgePairs)} order by ${pageOrder}) filter (where ${page}.doorstep_rank <= ${limit}), '[]')`,
          ]);
          fields.push({
            key: field.key,
            shape: { kind: 'list', item: { kind: 'object', prototype: null, fields: edgeFields } },
          });
          break;
        }
        default:
          throw new Unsupported(`${connectionType.name}.${field.name}`);
      }
    }
    const rank = needsRank ? `, row_number() over (order by ${order}) as doorstep_rank` : '';
    const rows = `(select ${t}.*${rank} from ${source.from}${where([...source.where, keyset])} order by ${order} limit ${limit} + 1) ${page}`;
    const auditPair: [string, string][] = audit
      ? [['$audit', `json_build_array(json_build_array(${quote(audit[0])}, ${audit[1]}))`]]
      : [];
    return {
      // One row whatever the page holds (`group by ()`): the aggregates above, or only totalCount.
      sql: `(select ${jsonObject([...auditPair, ...pairs])} from ${rows} group by ())`,
      shape: { kind: 'object', prototype: null, ...(audit ? { audited: true } : {}), fields },
    };
  }

  /** `__typename` in the JSON (only when the JSON is the answer: graphql-js answers it otherwise). */
  private typename(
    field: SelectedField,
    type: GraphQLObjectType,
    pairs: [string, string][],
    fields: { key: string; shape: Shape }[],
  ): void {
    pairs.push([field.key, quote(type.name)]);
    fields.push({ key: field.key, shape: { kind: 'scalar' } });
  }

  /**
   * Notes what stops `type.field`'s value in the JSON being its value in the answer: a record rule
   * other than the organisation's (which row-level security holds underneath), or a leaf whose JSON
   * is not already what its scalar serialises to.
   */
  private checkRaw(sql: Builder, type: GraphQLObjectType, field: SelectedField): void {
    const permission = ruleOf(this.schema, type.name, field.name);
    const relation =
      permission && permission !== Permission.Envelope ? rules[permission].relation : undefined;
    if (relation && relation !== sameOrganisation)
      sql.rawBlockers.push(`${type.name}.${field.name} has a record rule`);
    const leaf = getNamedType(field.definition.type);
    if (isEnumType(leaf)) {
      if (leaf.getValues().some((value) => value.value !== value.name))
        sql.rawBlockers.push(`${leaf.name} values are not their names`);
    } else if (isScalarType(leaf) && !AS_IS_SCALARS.has(leaf.name)) {
      sql.rawBlockers.push(`${leaf.name} is serialised`);
    }
  }

  private connectionTypeOf(field: SelectedField): GraphQLObjectType {
    const type = getNamedType(field.definition.type);
    if (!isObjectType(type)) throw new Unsupported(`${field.name} is not a connection`);
    return type;
  }
}

const isLeaf = (type: GraphQLOutputType): boolean => {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return isLeaf(inner.ofType);
  return isScalarType(inner) || isEnumType(inner);
};
