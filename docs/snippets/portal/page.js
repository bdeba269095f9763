// The page's only script: it tells the widgets how to get a token for whoever is signed in to
// the portal. The widgets call it when they have no token, a little before one expires, and once
// more if the gateway refuses one.
// #region fetch-token
const provider = document.querySelector('sg-provider');

provider.fetchToken = async () => {
  // Your portal's own back end (server.mjs) asks Doorstep for a token for the signed-in user.
  const response = await fetch('/doorstep-token', { method: 'POST' });
  if (!response.ok) throw new Error(`No Doorstep token (${response.status})`);
  return (await response.json()).token;
};
// #endregion fetch-token
