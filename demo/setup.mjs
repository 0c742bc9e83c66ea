// Sets up the offline demo under a root folder:
//
//   <root>/remotes/<project path>.git     bare git repositories (the "servers")
//   <root>/metadata/kde_projects.xml      KDE's legacy project list
//   <root>/metadata/dependency-data-kf5-qt5
//   <root>/kappy.toml                     the config kappy runs with
//
// Run it again and it changes nothing. Usage: node demo/setup.mjs <root>

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { DEMO_PROJECTS } from './catalog.mjs';
import { renderConfig, renderDependencyData, renderProjectsXml } from './metadata.mjs';
import { ensureRemote } from './remotes.mjs';

const PROJECTS_DIR = fileURLToPath(new URL('./projects/', import.meta.url));

/**
 * @typedef {object} DemoRemote
 * @property {string} path      project path, e.g. demo/apps/kdemo-app
 * @property {string} name      last path component, e.g. kdemo-app
 * @property {string} remote    absolute path of the bare repository
 * @property {string} url       its file:// URL, as the metadata gives it
 * @property {string} version   the tagged version
 * @property {string} tag       e.g. v1.2.0
 * @property {string} commit    the commit master and the tag point at
 * @property {'created' | 'unchanged' | 'replaced'} status
 */

/**
 * @param {string} root folder to set the demo up in (created if missing)
 * @returns {Promise<{ root: string, config: string, projects: DemoRemote[] }>}
 */
export async function setupDemo(root) {
  const base = path.resolve(root);
  fs.mkdirSync(base, { recursive: true });

  const projects = DEMO_PROJECTS.map((project, index) => {
    const remote = path.join(base, 'remotes', `${project.path}.git`);
    const source = path.join(PROJECTS_DIR, project.source);
    const { commit, status } = ensureRemote(project, source, remote, index);
    return {
      path: project.path,
      name: project.path.split('/').at(-1) ?? project.path,
      remote,
      url: pathToFileURL(remote).href,
      version: project.version,
      tag: `v${project.version}`,
      commit,
      status,
    };
  });

  const urls = new Map(projects.map((p) => [p.path, p.url]));
  const urlOf = (project) => urls.get(project.path) ?? '';
  writeIfChanged(
    path.join(base, 'metadata', 'kde_projects.xml'),
    renderProjectsXml(DEMO_PROJECTS, urlOf),
  );
  writeIfChanged(
    path.join(base, 'metadata', 'dependency-data-kf5-qt5'),
    renderDependencyData(DEMO_PROJECTS),
  );

  const config = path.join(base, 'kappy.toml');
  writeIfChanged(config, renderConfig());

  return { root: base, config, projects };
}

/** Leaves an unchanged file alone, so its mtime (and kappy's caches) stay valid. */
function writeIfChanged(file, text) {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return;

  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  fs.writeFileSync(partial, text);
  fs.renameSync(partial, file);
}

async function main(args) {
  const [root] = args;
  if (!root || args.length > 1) {
    process.stderr.write('usage: node demo/setup.mjs <root>\n');
    return 2;
  }

  const demo = await setupDemo(root);
  for (const project of demo.projects) {
    const commit = project.commit.slice(0, 12);
    process.stdout.write(
      `${project.status.padEnd(9)} ${project.path} ${project.tag} ${commit}\n`,
    );
  }
  process.stdout.write(`config    ${demo.config}\n`);
  return 0;
}

const invokedAs = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href;
if (import.meta.url === invokedAs) {
  // `node demo/setup.mjs DIR | head` should not end in a stack trace.
  process.stdout.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`demo setup failed: ${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
