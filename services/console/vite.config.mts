import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built into dist/, which the gateway serves at /; `npm run dev` proxies the API to a running gateway.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/v1': 'http://127.0.0.1:8080', '/oidc': 'http://127.0.0.1:8080', '/identity': 'http://127.0.0.1:8080' } },
});
