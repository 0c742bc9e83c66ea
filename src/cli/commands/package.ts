import { packageProjects } from '../../package/package-projects.js';
import { openWorkspaceFor, planFromArgs } from '../load-plan.js';
import { printSummary } from '../print-summary.js';
import type { CommandArgs } from '../run-command.js';
import type { TerminalOutput } from '../terminal-output.js';

/** `kappy package --distro NAME`: install trees into distribution packages. */
export async function run(args: CommandArgs, out: TerminalOutput): Promise<number> {
  const workspace = await openWorkspaceFor(args);
  const { plan } = planFromArgs(workspace, args, { requireTargets: true });
  out.setTotal(plan.projects.length);
  const distro = String(args['distro']);

  const summary = await packageProjects(plan, {
    distro,
    paths: workspace.config.paths,
    packagers: workspace.config.packagers,
    configDir: workspace.configDir,
    reporter: out.reporter,
  });

  if (out.json) {
    out.printJson(summary);
  } else {
    printSummary(out, `${distro} packages`, summary.results.map((r) => ({
      project: r.project,
      status: r.status,
      detail: r.files?.join(', ') ?? r.reason,
    })), ['packaged', 'skipped', 'failed']);
  }
  return summary.ok ? 0 : 1;
}
