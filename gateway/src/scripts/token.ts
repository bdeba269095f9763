/**
 * Development: prints a bearer token for a demo user, for trying the API with curl or a GraphQL
 * client. Usage: pnpm token --user priya   (any part of a demo user's name or email)
 *                pnpm token --user priya --role MANAGER   (override the roles in the token)
 */
import { ROLES, type Role } from '@doorstep/schema';
import { parseArgs } from 'node:util';
import { signToken } from '../auth/tokens.js';
import { ConfigError, loadConfig } from '../config.js';
import { DEMO_USERS } from '../db/demo.js';
import { DEV_TOKEN_LIFETIME_SECONDS } from '../http/dev-routes.js';

const { values } = parseArgs({
  options: { user: { type: 'string' }, role: { type: 'string', multiple: true } },
});

function fail(message: string): never {
  process.stderr.write(`token: ${message}\n`);
  process.exit(1);
}

let config;
try {
  config = loadConfig();
} catch (error) {
  fail(error instanceof ConfigError ? error.message : 'could not read the configuration');
}
if (config.mode !== 'development') fail('tokens are minted here only in development mode');

const wanted = (values.user ?? '').toLowerCase();
const matches = DEMO_USERS.filter(
  (u) => wanted && (u.name + ' ' + u.email + ' ' + u.id).toLowerCase().includes(wanted),
);
if (matches.length !== 1) {
  fail(
    `${matches.length ? 'more than one' : 'no'} demo user matches "${values.user ?? ''}". Demo users:\n` +
      DEMO_USERS.map((u) => `  ${u.email}  ${u.roles.join(',')}`).join('\n'),
  );
}
const user = matches[0]!;
const roles = (values.role ?? user.roles) as Role[];
const unknown = roles.filter((r) => !ROLES.includes(r));
if (unknown.length) fail(`unknown role ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);

const { token } = await signToken(
  config.jwt,
  { userId: user.id, organisationId: user.organisationId, roles },
  DEV_TOKEN_LIFETIME_SECONDS,
);
process.stdout.write(token + '\n');
