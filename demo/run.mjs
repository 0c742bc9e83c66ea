// `npm run demo`: the whole kappy pipeline on the bundled example projects,
// offline. Checks the system tools, sets up local git remotes and metadata
// under cache/demo, then runs kappy sync, build and package there, and says
// where everything went.
//
// Usage: node demo/run.mjs [root]     (root defaults to <repository>/cache/demo)

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { DEMO_SELECTORS } from './catalog.mjs';
import {
  describeMissingTools,
  findMissingOptionalTools,
  findMissingTools,
} from './check-tools.mjs';
import { findPackages, findStagedProgram } from './results.mjs';
import { setupDemo } from './setup.mjs';

const REPOSITORY = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(REPOSITORY, 'dist', 'bin', 'kappy.js');

const STEPS = [
  ['sync', ...DEMO_SELECTORS],
  ['build', ...DEMO_SELECTORS],
  ['package', '--distro', 'slackware', ...DEMO_SELECTORS],
];

async function main(args) {
  const started = Date.now();
  const root = path.resolve(args[0] ?? path.join(REPOSITORY, 'cache', 'demo'));

  // Before anything is written: a missing tool would only fail later, worse.
  const missing = findMissingTools();
  if (missing.length > 0) {
    say('The demo needs tools that are not installed.');
    say(describeMissingTools(missing));
    return 1;
  }
  for (const tool of findMissingOptionalTools()) {
    say(`note: ${tool.tool} is not installed; builds use make instead ` +
      `(sudo apt-get install ${tool.debianPackage} to speed them up)`);
  }

  say(`Setting up the demo in ${shown(root)}`);
  const demo = await setupDemo(root);
  for (const project of demo.projects) {
    say(`  ${project.status.padEnd(9)} ${shown(project.remote)} (${project.tag})`);
  }
  if (demo.projects.some((project) => project.status === 'replaced')) {
    say('note: demo/projects changed since the last demo, so its history was rewritten; ' +
      `if sync reports diverged checkouts, delete ${shown(root)} and run again.`);
  }

  if (!fs.existsSync(CLI)) {
    say(`kappy is not compiled yet (no ${shown(CLI)}).`);
    say('Run npm run build, then try again.');
    return 1;
  }

  for (const step of STEPS) {
    say(`\n$ kappy ${step.join(' ')}`);
    const code = await runKappy(step, root);
    if (code !== 0) {
      say(`\nkappy ${step[0]} failed (exit code ${code}).`);
      say(`Logs: ${shown(logsOf(root))}`);
      return code;
    }
  }

  const code = printResults(root);
  say(`\nThe demo took ${Math.round((Date.now() - started) / 1000)} s.`);
  return code;
}

/** Runs the compiled CLI in the demo root, where it finds kappy.toml. */
function runKappy(args, root) {
  return new Promise((resolve) => {
    const options = { cwd: root, stdio: 'inherit' };
    const child = spawn(process.execPath, [CLI, ...args], options);

    // Ctrl-C reaches kappy too; wait for it to clean up and report.
    const ignore = () => {};
    process.on('SIGINT', ignore);
    child.on('error', (error) => {
      say(`could not start kappy: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', ignore);
      resolve(code ?? (signal === 'SIGINT' ? 130 : 1));
    });
  });
}

/**
 * Prints the packages, how to install them, kdemo run from the install
 * trees, and where the logs are. Returns the exit code for the demo.
 *
 * @param {string} root the demo root
 * @returns {number}
 */
export function printResults(root) {
  const packages = findPackages(root);
  if (packages.length === 0) {
    const folder = shown(path.join(root, 'packages'));
    say(`\nkappy package succeeded but no package is in ${folder}.`);
    return 1;
  }

  printPackages(packages);
  const code = printStagedProgram(root);

  say(`\nLogs of every step: ${shown(logsOf(root))}`);
  say(`Checkouts: ${shown(path.join(root, 'checkouts'))}   ` +
    `Builds and install trees: ${shown(path.join(root, 'build'))}`);
  say('\nRun the steps yourself (a second build finds everything up to date):');
  say(`  cd ${shellQuote(shown(root))}`);
  for (const step of STEPS) say(`  npx kappy ${step.join(' ')}`);
  return code;
}

/** The package files, and the installpkg / upgradepkg commands for them. */
function printPackages(packages) {
  say('\nSlackware packages:');
  for (const file of packages) say(`  ${shown(file)}`);

  // One folder (the usual case): cd there, so the commands stay readable.
  const dirs = new Set(packages.map((file) => path.dirname(file)));
  const [dir] = dirs;
  const files = dirs.size === 1 ? packages.map((file) => path.basename(file)) : packages;
  const names = files.map((name) => shellQuote(name));
  say('\nOn Slackware, install them as root, dependencies first:');
  if (dirs.size === 1 && dir) say(`  cd ${shellQuote(dir)}`);
  say(formatCommand(['installpkg', ...names]));
  say('or upgrade an earlier install with:');
  say(formatCommand(['upgradepkg', '--install-new', ...names]));
}

/** Runs kdemo from the install trees, as the user can without installing. */
function printStagedProgram(root) {
  const staged = findStagedProgram(root);
  if (!staged) {
    say(`\nkdemo was not found in the install trees under ${shown(root)}.`);
    return 1;
  }

  const env = {
    LD_LIBRARY_PATH: staged.libraryDirs.join(path.delimiter),
    XDG_CONFIG_DIRS: staged.configDir,
  };
  const assignments = Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`);
  say('\nRun kdemo from the install trees, without installing anything:');
  say(formatCommand([...assignments, shellQuote(staged.program)]));

  try {
    const output = execFileSync(staged.program, [], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    say(output.trimEnd().replace(/^/gm, '  | '));
    return 0;
  } catch (error) {
    say(`  kdemo failed: ${error.stderr?.trim() || error.message}`);
    return 1;
  }
}

function logsOf(root) {
  const latest = path.join(root, 'logs', 'latest');
  return fs.existsSync(latest) ? latest : path.join(root, 'logs');
}

/** Paths inside the repository relative to it, others absolute. */
function shown(file) {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** Quoted shell words, indented, wrapped with backslashes at about 78 columns. */
function formatCommand(words) {
  const lines = [];
  let line = ' ';
  for (const word of words) {
    if (line.length > 2 && line.length + word.length + 1 > 76) {
      lines.push(`${line} \\`);
      line = '   ';
    }
    line += ` ${word}`;
  }
  return [...lines, line].join('\n');
}

/** Quotes a word for a POSIX shell when it needs quoting. */
function shellQuote(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

function say(text) {
  process.stdout.write(`${text}\n`);
}

const invokedAs = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href;
if (import.meta.url === invokedAs) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      say(`The demo failed: ${error.stack ?? error}`);
      process.exitCode = 1;
    },
  );
}
