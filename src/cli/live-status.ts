import type { ReportEvent } from '../core/reporter.js';

type Terminal = NodeJS.WritableStream & { columns?: number; rows?: number };

/**
 * The live block at the bottom of a terminal: a count line ("3 of 12 done")
 * and one line per running project with its latest message. Finished
 * projects scroll up above it as plain lines.
 */
export class LiveStatus {
  private readonly running = new Map<string, string>();
  private drawnLines = 0;
  private finished = 0;
  private total: number | undefined;

  constructor(private readonly terminal: Terminal, private readonly enabled: boolean) {}

  setTotal(total: number): void {
    this.total = total;
  }

  update(event: ReportEvent, line: string): void {
    const key = event.project ?? event.stage;
    if (event.kind === 'start' || event.kind === 'progress') {
      this.running.set(key, event.message);
      this.redraw();
      return;
    }
    if (event.project && this.isOutcome(event)) this.finished++;
    this.running.delete(key);
    this.above(() => this.terminal.write(line + '\n'));
  }

  /** Writes permanent output above the live block. */
  above(write: () => void): void {
    this.clear();
    write();
    this.redraw();
  }

  clear(): void {
    if (!this.enabled || this.drawnLines === 0) return;
    // Up to the first live line, then erase to the end of the screen.
    this.terminal.write(`\x1b[${this.drawnLines}F\x1b[J`);
    this.drawnLines = 0;
  }

  private isOutcome(event: ReportEvent): boolean {
    return event.kind === 'done' || event.kind === 'skip' || event.kind === 'fail';
  }

  private redraw(): void {
    if (!this.enabled) return;
    this.clear();
    if (this.running.size === 0) return;

    const width = Math.max(20, (this.terminal.columns || 80) - 1);
    const room = Math.max(1, (this.terminal.rows || 24) - 2);
    const of = this.total === undefined ? '' : ` of ${this.total}`;
    const lines = [`${this.finished}${of} done, ${this.running.size} running`];
    for (const [project, message] of [...this.running].slice(0, room - 1)) {
      lines.push(`  ${project}: ${message}`);
    }
    if (this.running.size > room - 1) lines.push(`  … ${this.running.size - room + 1} more`);

    this.terminal.write(lines.map((l) => l.slice(0, width)).join('\n') + '\n');
    this.drawnLines = lines.length;
  }
}
