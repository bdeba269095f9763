// #region widget-token
/**
 * Your portal's back end: swaps the member of staff signed in to your portal for a Doorstep
 * widget token (at most 15 minutes, for this person only). The API key comes from
 * `pnpm admin api-key:create` and stays on your server: never send it to a browser.
 */
export async function widgetToken({ gateway, apiKey, email }) {
  const response = await fetch(`${gateway}/auth/widget-token`, {
    method: 'POST',
    headers: { authorization: `ApiKey ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ user: { email } }),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`Doorstep refused: ${answer.errors[0].extensions.code}`);
  return answer; // { token, expiresAt, audience: 'widget' }
}
// #endregion widget-token
