import { spawn } from 'node:child_process';

import { PackageError } from './package-error.js';

export interface CommandResult {
  stdout: string;
  stderr: string;
}

/**
 * Runs a tool to completion and returns its output; a non-zero exit, a
 * signal or a missing tool becomes a PackageError quoting the command line
 * and the tool's last stderr lines.
 */
export function runCommand(command: string, args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));

    child.on('error', (error) => reject(describeSpawnError(command, args, error)));
    child.on('close', (code, signal) => {
      const result = {
        stdout: Buffer.concat(stdout).toString(),
        stderr: Buffer.concat(stderr).toString(),
      };
      if (code === 0) resolve(result);
      else reject(describeFailure(command, args, code, signal, result.stderr));
    });
  });
}

export function describeSpawnError(command: string, args: string[],
  error: NodeJS.ErrnoException): PackageError {
  if (error.code === 'ENOENT') {
    return new PackageError(`\`${command}\` was not found on PATH; install it and retry`,
      { cause: error });
  }
  return new PackageError(`Command failed: ${formatCommand(command, args)}: ${error.message}`,
    { cause: error });
}

export function describeFailure(command: string, args: string[], code: number | null,
  signal: NodeJS.Signals | null, stderr: string): PackageError {
  const how = signal ? `was killed with ${signal}` : `failed with exit code ${code}`;
  const tail = stderr.trim().split('\n').slice(-5).join('\n');
  const details = tail ? `:\n${tail}` : '';
  return new PackageError(`Command ${how}: ${formatCommand(command, args)}${details}`);
}

function formatCommand(command: string, args: string[]): string {
  return [command, ...args].join(' ');
}
