/**
 * Tables that would be Citus reference tables (copied to every node), each with why. Every other
 * table is distributed by organisation_id.
 */
export const REFERENCE_TABLES: Record<string, string> = {
  organisation: 'the organisations themselves',
  rate_limit_window: 'request counts under hashed keys, no organisation',
  app_user: 'staff accounts: small, read on every request to check the account is active',
  identity_provider: 'looked up by issuer before the organisation is known',
  api_key: 'looked up by prefix before the organisation is known',
  public_token: 'public form tokens: small, checked before a form is shown',
};
