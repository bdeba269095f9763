import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { Extensions } from 'type-graphql';
import type { Context } from '../context.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import { compiledValue, NOT_COMPILED } from '../read/compiled.js';
import { actorsOf } from './identity.js';
import { Permission, rules } from './permissions.js';

/**
 * Names the rule for a query, mutation, object type (the default for its fields) or field. The
 * rule is kept in the schema's extensions, where `enforceAccess` and the access tests read it.
 */
export function Access(permission: Permission): MethodDecorator & PropertyDecorator & ClassDecorator {
  return Extensions({ access: permission });
}

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** The rule that applies to `Type.field`: its own, else its type's. Root fields need their own. */
export function ruleOf(schema: GraphQLSchema, typeName: string, fieldName: string): Permission | undefined {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) return undefined;
  const field = type.getFields()[fieldName];
  const own = field?.extensions?.access as Permission | undefined;
  if (own || ROOT_TYPES.has(typeName)) return own;
  return type.extensions?.access as Permission | undefined;
}

/**
 * Allows or refuses one field for the caller: no identity gives UNAUTHENTICATED; an actor the rule
 * does not name, or a record without the rule's relationship to the caller, gives FORBIDDEN.
 */
export function check(ctx: Context, permission: Permission, record: unknown): void {
  if (permission === Permission.Envelope) return;
  const identity = ctx.identity;
  if (!identity) throw new UnauthenticatedError();
  const rule = rules[permission];
  const actors = actorsOf(identity);
  if (!rule.actors.some((actor) => actors.includes(actor))) throw new ForbiddenError();
  if (rule.relation && record !== undefined && !rule.relation(identity, record)) throw new ForbiddenError();
}

/**
 * Wraps every field's resolver in its rule, in place, and refuses a schema where any field has
 * none: a new field cannot be served until someone decides who may see it.
 */
export function enforceAccess(schema: GraphQLSchema): GraphQLSchema {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const root = ROOT_TYPES.has(type.name);
    for (const field of Object.values(type.getFields())) {
      const permission = ruleOf(schema, type.name, field.name);
      if (!permission || !(permission === Permission.Envelope || permission in rules)) {
        missing.push(`${type.name}.${field.name}`);
        continue;
      }
      const resolve: GraphQLFieldResolver<unknown, Context> = field.resolve ?? defaultFieldResolver;
      // On the compiled read path, a root field's value is its statement's answer, and every other
      // field's is already in the object it belongs to: no resolver reads the database.
      field.resolve = root
        ? (source, args, ctx: Context, info) => {
            check(ctx, permission, undefined);
            const key = info.path.key as string;
            return ctx.read?.serves(key) ? ctx.read.root(key) : resolve(source, args, ctx, info);
          }
        : (source, args, ctx: Context, info) => {
            check(ctx, permission, source);
            const value = compiledValue(source, info.path.key as string);
            return value === NOT_COMPILED ? resolve(source, args, ctx, info) : value;
          };
      // A subscription is checked when it starts, and (its resolver above) for each event.
      const subscribe = field.subscribe;
      if (subscribe) {
        field.subscribe = (source, args, ctx: Context, info) => {
          check(ctx, permission, undefined);
          return subscribe(source, args, ctx, info);
        };
      }
    }
  }
  if (missing.length) {
    throw new Error(`These fields have no access rule (add @Access): ${missing.join(', ')}`);
  }
  return schema;
}
