/**
 * Tables with no organisation column, each with why it needs none. Every other table must carry
 * `organisation_id` under row-level security.
 */
export const SHARED_TABLES: Record<string, string> = {
  organisation: 'the organisations themselves: names readable, only its own row changeable',
  rate_limit_window: 'request counts under hashed keys, no personal data',
  working_day_number:
    'the England and Wales working-day calendar the reports count response times in, no personal data',
};

/**
 * Tables that would be Citus reference tables (copied to every node), each with why: the shared
 * tables, and the small ones read before or apart from the organisation's data. Every other
 * table is distributed by organisation_id.
 */
export const REFERENCE_TABLES: Record<string, string> = {
  ...SHARED_TABLES,
  app_user: 'staff accounts: small, read on every request to check the account is active',
  identity_provider: 'looked up by issuer before the organisation is known',
  api_key: 'looked up by prefix before the organisation is known',
  public_token: 'public form tokens: small, checked before a form is shown',
  team: 'an organisation’s teams: small, read with the user whose team it is (app_user points at it)',
};
