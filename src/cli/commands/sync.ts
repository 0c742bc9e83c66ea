import { syncProjects } from '../../sync/sync-projects.js';
import { interruptSignal } from '../interrupt-signal.js';
import { openWorkspaceFor, planFromArgs, readJobs } from '../load-plan.js';
import { printSummary } from '../print-summary.js';
import type { CommandArgs } from '../run-command.js';
import type { TerminalOutput } from '../terminal-output.js';

/** `kappy sync`: clone or fast-forward every selected project in the cache. */
export async function run(args: CommandArgs, out: TerminalOutput): Promise<number> {
  const jobs = readJobs(args);
  const offline = args['offline'] === true;
  const workspace = await openWorkspaceFor(args, { offline });
  const { plan } = planFromArgs(workspace, args, { requireTargets: true });
  out.setTotal(plan.projects.length);
  const { config } = workspace;

  const signal = interruptSignal(() => out.error('interrupted: finishing up'));
  const summary = await syncProjects(plan.projects, {
    cacheDir: config.paths.cache,
    jobs: jobs ?? config.sync.jobs,
    retries: config.sync.retries,
    offline,
    pretend: args['pretend'] === true,
    lockWait: args['wait'] === true ? 'wait' : 'fail',
    reporter: out.reporter,
    signal,
  });

  if (out.json) {
    out.printJson({ ok: summary.ok, external: plan.external, results: summary.results });
  } else {
    printSummary(out, 'sync summary', summary.results.map((r) => ({
      project: r.project,
      status: r.status,
      detail: r.status === 'updated' ? `+${r.newCommits ?? '?'} commits` : r.reason,
    })), ['cloned', 'updated', 'unchanged', 'would-clone', 'would-update', 'skipped',
      'missing', 'failed']);
  }
  return summary.ok ? 0 : 1;
}
