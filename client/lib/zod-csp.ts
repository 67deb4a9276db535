// zod 4 probes `new Function` to decide whether to compile its parsers; under the app's CSP (no
// 'unsafe-eval') that probe is reported as a violation. Tell it not to try. Imported first by main.tsx.
// The client's own code parses without zod (state/url-filter.ts, state/cities.ts: zod would cost
// the first load about 25 kB gzipped); this guard costs 0.1 kB and covers any module that brings
// zod back. It imports zod's core only, not the whole classic API.
import { config } from 'zod/v4/core';

config({ jitless: true });
