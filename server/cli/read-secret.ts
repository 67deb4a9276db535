/** Reads a secret: a prompt with the typing hidden on a terminal, or the first line of piped stdin. */
import { createInterface } from 'node:readline';

export function readSecret(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    // Piped (or closed) stdin: take the first line; no input at all gives an empty string.
    return new Promise((resolve, reject) => {
      let data = '';
      input.setEncoding('utf8');
      input.on('data', (chunk: string) => (data += chunk));
      input.on('end', () => resolve(data.split(/\r?\n/)[0] ?? ''));
      input.on('error', reject);
    });
  }
  return new Promise((resolve) => {
    const rl = createInterface({ input, output: process.stderr, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    let prompted = false;
    out._writeToOutput = (s: string) => {
      // Show the prompt once; echo nothing of what is typed.
      if (!prompted) {
        prompted = true;
        process.stderr.write(s);
      }
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}
