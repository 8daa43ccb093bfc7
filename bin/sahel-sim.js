#!/usr/bin/env node
// Entry point of the `sahel-sim` command: loads the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
// Output piped into a command that stops reading (head, less) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
