import { KappyError } from '../core/errors.js';
import { createTerminalOutput, type TerminalOutput } from './terminal-output.js';

/** The parsed arguments as yargs hands them over. */
export type CommandArgs = Record<string, unknown>;

export type CommandModule = {
  run(args: CommandArgs, out: TerminalOutput): Promise<number>;
};

const loaders: Record<string, () => Promise<CommandModule>> = {
  list: () => import('./commands/list.js'),
  deps: () => import('./commands/deps.js'),
  info: () => import('./commands/info.js'),
  sync: () => import('./commands/sync.js'),
  build: () => import('./commands/build.js'),
  package: () => import('./commands/package.js'),
};

/**
 * Runs one command and exits with its code: 0 success, 1 some project failed,
 * 2 bad usage, config or metadata.
 */
export async function runCommand(name: string, args: CommandArgs): Promise<never> {
  const out = createTerminalOutput({ json: args['json'] === true });
  let code: number;
  try {
    const load = loaders[name];
    if (!load) throw new Error(`no module for command ${name}`);
    code = await (await load()).run(args, out);
  } catch (error) {
    code = reportError(error, out);
  }
  out.close();
  // Exit only once stdout has drained: a pipe takes large JSON in chunks.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(code);
}

function reportError(error: unknown, out: TerminalOutput): number {
  if (error instanceof KappyError) {
    out.error(error.message);
    return error.exitCode;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  out.error(`internal error: ${detail}\nPlease report this with the command you ran.`);
  return 70;
}
