#!/usr/bin/env node
/**
 * kappy's entry point. Ordinary command lines are parsed without loading
 * yargs; help, version and anything unusual go to yargs, which prints its
 * usual usage text and messages. Command modules load lazily too.
 */
import { quickParse } from './quick-parse.js';
import { runCommand } from './run-command.js';

async function main(): Promise<void> {
  // `kappy list | head` closes the pipe early: that is the reader's choice.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const argv = process.argv.slice(2);
  const parsed = quickParse(argv);
  if (parsed) {
    await runCommand(parsed.command, parsed.args);
    return;
  }
  const { parseWithYargs } = await import('./yargs-cli.js');
  await parseWithYargs(argv);
}

main().catch((error: unknown) => {
  process.stderr.write(`kappy: internal error: ${String(error)}\n`);
  process.exit(70);
});
