import type { ReportEvent, Reporter } from '../core/reporter.js';
import { LiveStatus } from './live-status.js';

/**
 * Everything a command prints goes through here. On a terminal, transient
 * events (`start`, `progress`) keep one live line per running project at the
 * bottom of the screen; when piped or in CI each event is a plain line; with
 * --json events stay off stdout so the final JSON document is all it holds.
 */
export interface TerminalOutput {
  readonly json: boolean;
  readonly reporter: Reporter;
  /** How many projects the command works on, for "n of N" on a terminal. */
  setTotal(total: number): void;
  print(text: string): void;
  printJson(value: unknown): void;
  error(text: string): void;
  close(): void;
}

export interface OutputStreams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
}

export function createTerminalOutput(options: { json: boolean; live?: boolean },
  streams: OutputStreams = process): TerminalOutput {
  const { stdout, stderr } = streams;
  const live = options.live ??
    (!options.json && stderr.isTTY === true && !process.env['CI']);
  const status = new LiveStatus(stderr, live);

  const reporter: Reporter = {
    emit(event) {
      if (options.json) return;
      if (live) status.update(event, formatEvent(event));
      else if (event.kind !== 'progress') stderr.write(formatEvent(event) + '\n');
    },
  };

  return {
    json: options.json,
    reporter,
    setTotal: (total) => status.setTotal(total),
    print: (text) => status.above(() => stdout.write(text + '\n')),
    printJson: (value) => stdout.write(JSON.stringify(value, null, 2) + '\n'),
    error: (text) => status.above(() => stderr.write(`kappy: ${text}\n`)),
    close: () => status.clear(),
  };
}

export function formatEvent(event: ReportEvent): string {
  const who = event.project ? `${event.project}: ` : '';
  const mark = event.kind === 'fail' ? 'FAILED ' : event.kind === 'warn' ? 'warning: ' : '';
  return `[${event.stage}] ${mark}${who}${event.message}`;
}
