import type { ReportEvent, Reporter } from '../core/reporter.js';

/**
 * Everything a command prints goes through here. On a terminal, transient
 * events (`start`, `progress`) redraw one status line; when piped or in CI
 * each event is a plain line; with --json events are kept off stdout so the
 * command's final JSON document is the only thing printed there.
 */
export interface TerminalOutput {
  readonly json: boolean;
  readonly reporter: Reporter;
  print(text: string): void;
  printJson(value: unknown): void;
  error(text: string): void;
  close(): void;
}

export function createTerminalOutput(options: { json: boolean }): TerminalOutput {
  const live = !options.json && process.stderr.isTTY === true && !process.env['CI'];
  const status = new LiveStatus(live);

  const reporter: Reporter = {
    emit(event) {
      if (options.json) return;
      if (live) status.update(event);
      else if (event.kind !== 'progress') process.stderr.write(formatEvent(event) + '\n');
    },
  };

  return {
    json: options.json,
    reporter,
    print: (text) => status.above(() => process.stdout.write(text + '\n')),
    printJson: (value) => process.stdout.write(JSON.stringify(value, null, 2) + '\n'),
    error: (text) => status.above(() => process.stderr.write(`kappy: ${text}\n`)),
    close: () => status.clear(),
  };
}

export function formatEvent(event: ReportEvent): string {
  const who = event.project ? `${event.project}: ` : '';
  const mark = event.kind === 'fail' ? 'FAILED ' : event.kind === 'warn' ? 'warning: ' : '';
  return `[${event.stage}] ${mark}${who}${event.message}`;
}

/** The redrawn bottom line on a terminal: what is running right now. */
class LiveStatus {
  private readonly running = new Map<string, string>();
  private shown = false;

  constructor(private readonly enabled: boolean) {}

  update(event: ReportEvent): void {
    const key = event.project ?? event.stage;
    if (event.kind === 'start' || event.kind === 'progress') {
      this.running.set(key, event.message);
      this.redraw();
      return;
    }
    this.running.delete(key);
    this.above(() => process.stderr.write(formatEvent(event) + '\n'));
  }

  above(write: () => void): void {
    this.clear();
    write();
    this.redraw();
  }

  clear(): void {
    if (!this.enabled || !this.shown) return;
    process.stderr.write('\r\x1b[K');
    this.shown = false;
  }

  private redraw(): void {
    if (!this.enabled || this.running.size === 0) return;
    const width = (process.stderr.columns ?? 80) - 1;
    const names = [...this.running.keys()].join(', ');
    const line = `running (${this.running.size}): ${names}`;
    process.stderr.write('\r\x1b[K' + line.slice(0, width));
    this.shown = true;
  }
}
