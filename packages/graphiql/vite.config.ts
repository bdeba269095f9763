// GraphiQL for the gateway in development, bundled with its editor (monaco) and the editor's
// workers: no CDN. The gateway serves dist/ at /graphiql outside production.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/graphiql/',
  plugins: [react()],
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 5000, reportCompressedSize: false },
});
