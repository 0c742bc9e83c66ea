import type { BuildRun } from './build-run.js';
import type { BuildResult } from './build-types.js';

/** One reporter event per project outcome. */
export function reportResult(run: BuildRun, result: BuildResult): void {
  if (result.status === 'pretend') return;
  if (['up-to-date', 'skipped', 'blocked'].includes(result.status)) {
    run.reporter.emit({ stage: 'build', kind: 'skip', project: result.project,
      message: result.message ?? result.status,
      data: { status: result.status } });
    return;
  }
  const seconds = ((result.durationMs ?? 0) / 1000).toFixed(1);
  if (result.status === 'built') {
    run.reporter.emit({ stage: 'build', kind: 'done', project: result.project,
      message: `built in ${seconds}s`,
      data: { durationMs: result.durationMs } });
    return;
  }
  const where = result.phase ? ` in ${result.phase}` : '';
  const log = result.logPath ? `; log: ${result.logPath}` : '';
  run.reporter.emit({ stage: 'build', kind: 'fail', project: result.project,
    message: `${result.status}${where}: ${result.message ?? ''}${log}`,
    data: { phase: result.phase, logPath: result.logPath, status: result.status } });
}
