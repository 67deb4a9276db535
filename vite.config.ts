import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const apiPort = Number(process.env.API_PORT ?? 8787);

export default defineConfig({
  root: 'client',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    // MapLibre with the packages it imports is about 1,070 kB minified, in its own long-cached chunk
    // below; every other chunk stays far under this.
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      output: {
        // Libraries that change with an upgrade, not with our code, in chunks of their own, so a
        // release of the app leaves them in the browser's cache.
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/](maplibre-gl|@maplibre)[\\/]/, priority: 3 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            { name: 'react-query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': `http://127.0.0.1:${apiPort}`,
      '/basemap': `http://127.0.0.1:${apiPort}`,
    },
  },
  test: {
    root: '.',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          environment: 'node',
          // The real seed once per run, into a template database each test app copies.
          globalSetup: ['tests/helpers/template-db.ts'],
          // Explicit and generous: password hashing and seeds slow down many times on a shared
          // 2-core machine, and a test may not fail because the machine is busy.
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two files at a time (the default is one on two cores): many wait on child processes,
          // password hashing or disk syncs, and each file has its own temp folder, database and
          // ports (port 0), so they do not meet.
          maxWorkers: 2,
          // Each worker keeps the modules it has loaded from one file to the next (vitest's default
          // loads the server, drizzle and zod again for every file: 174 -> 108 CPU s for the
          // project, measured side by side). What a file sets up it closes (its own database,
          // ports, temp folder); the code under test keeps no state in its modules.
          isolate: false,
          benchmark: { include: ['tests/bench/**/*.bench.ts'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          benchmark: { include: [] },
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
