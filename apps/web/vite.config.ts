import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { serviceWorker } from './scripts/service-worker-plugin.ts';

// `vite` (development) sends GraphQL to an API started with `pnpm start` on its default port.
export default defineConfig({
  plugins: [react(), serviceWorker()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The app must stay small: the bench measures the gzip size against 300 KB.
    chunkSizeWarningLimit: 500,
  },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});
