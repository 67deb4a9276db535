// zod 4 probes `new Function` to decide whether to compile its parsers; under the app's CSP (no
// 'unsafe-eval') that probe is reported as a violation. Tell it not to try. Imported first by main.tsx.
import { config } from 'zod';

config({ jitless: true });
