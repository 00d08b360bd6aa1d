import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Express server (server.js) mounts Vite in development and serves dist/ in production.
export default defineConfig({
  plugins: [react()],
  build: { target: 'es2022' },
});
