import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './auth/auth-checker.js';
import { ConcernResolver } from './modules/concern/concern.resolver.js';

export const resolvers = [ConcernResolver] as const;

let built: GraphQLSchema | undefined;

/** Built once per process: no per-request schema work. */
export async function getSchema(): Promise<GraphQLSchema> {
  built ??= await buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    validate: false, // input rules are the shared zod schemas, applied in the services
    emitSchemaFile: false,
  });
  return built;
}
