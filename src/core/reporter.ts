/**
 * Library code never prints. It emits events; a reporter chosen by the CLI
 * renders them (live lines on a terminal, plain lines when piped, JSON).
 */

export type Stage = 'metadata' | 'sync' | 'build' | 'package';

/** `start`/`progress` are transient; `done`, `skip`, `fail` are outcomes. */
export type EventKind = 'start' | 'progress' | 'done' | 'skip' | 'fail' | 'info' | 'warn';

export interface ReportEvent {
  stage: Stage;
  kind: EventKind;
  /** Project path, when the event is about one project. */
  project?: string;
  message: string;
  data?: Record<string, unknown>;
}

export interface Reporter {
  emit(event: ReportEvent): void;
}

/** Collects events in memory; for tests and for summaries. */
export class MemoryReporter implements Reporter {
  readonly events: ReportEvent[] = [];

  emit(event: ReportEvent): void {
    this.events.push(event);
  }
}

export const silentReporter: Reporter = { emit: () => undefined };
