/** `npm run dev`: the API server (with the embedded database) plus Vite's dev server with hot reload. */
import { createServer } from 'vite';

process.env.PORT ??= process.env.API_PORT ?? '8787';
process.env.API_PORT = process.env.PORT;
await import('./index.ts');
const vite = await createServer({ configFile: 'vite.config.ts' });
await vite.listen();
vite.printUrls();
