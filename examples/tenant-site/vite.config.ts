// The tenant site in development: `pnpm --filter @doorstep/example-tenant-site dev` serves it on
// http://localhost:5173 and passes /graphql and /dev/ (the demo tokens) to the running gateway
// (DOORSTEP_URL, default http://localhost:4000, as `npm start` runs it). The proxy keeps the page's
// Host, so to the gateway the calls are same-origin, as behind a reverse proxy on the tenant site's
// own domain; see README.md for a site on another origin.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const target = process.env.DOORSTEP_URL ?? 'http://localhost:4000';
// An object, not the target alone: vite's shorthand rewrites Host (`changeOrigin`), and the gateway
// would then see a call from another origin, which it refuses unless the organisation lists it.
const proxy = { '/graphql': { target }, '/dev/': { target } };

export default defineConfig({
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
});
