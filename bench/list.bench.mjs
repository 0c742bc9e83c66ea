#!/usr/bin/env node
// Benchmark: `kappy list --all --json` on the real 2015 kde_projects.xml and
// the matching kf5-qt5 dependency data, whole process, against
// bench/list_baseline.py (Python's C-accelerated ElementTree doing the same
// job). Cold = first run after the XML changed (parsed-index cache
// invalidated by a touch); warm = the run after that. Both find the config's
// TOML parse memoized, as any run after the first does (its own cache home
// under bench/.work); a third row empties that memo too: the first run ever.
// Runs are interleaved so that machine load hits kappy and the baseline
// alike; medians are reported.
//
// Also measured, each in a fresh process (a cold JIT is what a CLI run sees):
// node startup alone, the XML parse variants, and the warm-cache load.
//
// Fairness: Python is the distribution's /usr/bin/python3 (else the real
// interpreter behind python3), not a pyenv shim, which adds ~0.1 s of bash
// per start. Node runs without
// NODE_EXTRA_CA_CERTS, which some sandboxes set and which makes every node
// start parse the whole CA bundle (~0.08 s here); kappy never needs it for
// local files. The table also shows kappy warm with the variable kept.
//
// usage: node bench/list.bench.mjs [--runs N]      (needs `npm run build` first)

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, openSync, closeSync, readFileSync,
  rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(ROOT, '../shared/data/kde');
const XML = path.join(DATA, 'kde_projects-2015-12-27-wenzel-ba0a82a.xml');
const DEPS = path.join(DATA, 'dependency-data-kf5-qt5-2015-12-24-9d23f20');
const WORK = path.join(ROOT, 'bench/.work/list');
const DIST = path.join(ROOT, 'dist');
const CLI = path.join(DIST, 'bin/kappy.js');

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3'
  : spawnSync('python3', ['-c', 'import sys; print(sys.executable)'],
    { encoding: 'utf8' }).stdout.trim() || 'python3';
const CACHE_HOME = path.join(WORK, 'cache-home');
const NODE_ENV = Object.fromEntries([...Object.entries(process.env)
  .filter(([key]) => key !== 'NODE_EXTRA_CA_CERTS'), ['XDG_CACHE_HOME', CACHE_HOME]]);

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;

if (process.argv[2] === '--component') {
  await measureComponent(process.argv[3] ?? '', process.argv[4] ?? '');
} else {
  await main();
}

async function main() {
  if (!existsSync(path.join(DIST, 'metadata/load-metadata.js'))) {
    console.error('dist/ is missing: run `npm run build` first');
    process.exit(2);
  }
  const setup = prepare();

  console.log(`kappy list --all --json: 2015 kde_projects.xml (${sizeKb(XML)} kB) + kf5-qt5 ` +
    `dependency data, median of ${RUNS} runs, side by side\n`);
  const processes = measureProcesses(setup);
  const components = await measureComponents(setup);
  printTable(processes, components);
  checkOutputs(setup);
}

/** A private copy of the XML (so touching it is ours to do) and a config. */
function prepare() {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const xml = path.join(WORK, 'kde_projects.xml');
  copyFileSync(XML, xml);
  const cache = path.join(WORK, 'cache');
  const config = path.join(WORK, 'kappy.toml');
  writeFileSync(config, [
    '[metadata]',
    `projects = ${JSON.stringify(xml)}`,
    `dependencies = [${JSON.stringify(DEPS)}]`,
    '[paths]',
    `cache = ${JSON.stringify(cache)}`,
    '',
  ].join('\n'));
  return { xml, cache, config, cacheHome: CACHE_HOME, kappyOut: path.join(WORK, 'kappy.json'),
    pythonOut: path.join(WORK, 'python.json') };
}

function measureProcesses(setup) {
  const hasCli = existsSync(CLI);
  const times = { nodeEmpty: [], pythonEmpty: [], python: [], cold: [], warm: [],
    warmWithCa: [], first: [], loadCold: [], loadWarm: [] };
  let tick = Date.now() / 1000;

  for (let i = 0; i < RUNS; i++) {
    times.nodeEmpty.push(timeRun('node', ['-e', '0']));
    times.pythonEmpty.push(timeRun(PYTHON, ['-c', 'pass']));
    times.python.push(timeRun(PYTHON, [path.join(ROOT, 'bench/list_baseline.py'),
      setup.xml, DEPS], setup.pythonOut));

    // A new mtime is a changed file: the next run must parse again.
    tick += 10;
    utimesSync(setup.xml, tick, tick);
    if (hasCli) {
      const args = [CLI, 'list', '--all', '--json', '--config', setup.config];
      times.cold.push(timeRun('node', args, setup.kappyOut));
      times.warm.push(timeRun('node', args, setup.kappyOut));
      times.warmWithCa.push(timeRun('node', args, setup.kappyOut,
        { ...process.env, XDG_CACHE_HOME: setup.cacheHome }));

      // Nothing kept at all: no parsed XML, no TOML memo.
      tick += 10;
      utimesSync(setup.xml, tick, tick);
      rmSync(setup.cacheHome, { recursive: true, force: true });
      times.first.push(timeRun('node', args, setup.kappyOut));
    }

    tick += 10;
    utimesSync(setup.xml, tick, tick);
    const load = [fileURLToPath(import.meta.url), '--component', 'load', setup.xml];
    times.loadCold.push(timeRun('node', load));
    times.loadWarm.push(timeRun('node', load));
  }
  return { hasCli, medians: mapValues(times, median) };
}

/** In-process timings, each in a fresh node process. */
async function measureComponents(setup) {
  const names = ['scanner', 'fxp-plain', 'fxp-tuned', 'fxp-tree', 'json-cache', 'v8-cache'];
  writeCaches(setup);
  const results = {};
  for (const name of names) {
    const samples = [];
    for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
      const run = spawnSync('node', [fileURLToPath(import.meta.url), '--component', name,
        setup.xml], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`${name}: ${run.stderr}`);
      samples.push(JSON.parse(run.stdout));
    }
    results[name] = { ms: median(samples.map((s) => s.ms)),
      importMs: median(samples.map((s) => s.importMs)) };
  }
  return results;
}

function writeCaches(setup) {
  const text = readFileSync(setup.xml, 'utf8');
  const script = `import { parseKdeProjectsXml } from ${JSON.stringify(
    pathToFileURL(path.join(DIST, 'metadata/kde-projects-xml.js')).href)};
import fs from 'node:fs'; import v8 from 'node:v8';
const projects = [...parseKdeProjectsXml(fs.readFileSync(0, 'utf8'), 'x').projects.values()];
fs.writeFileSync(${JSON.stringify(path.join(WORK, 'index.json'))}, JSON.stringify(projects));
fs.writeFileSync(${JSON.stringify(path.join(WORK, 'index.v8'))}, v8.serialize(projects));`;
  const run = spawnSync('node', ['--input-type=module', '-e', script], { input: text });
  if (run.status !== 0) throw new Error(String(run.stderr));
}

async function measureComponent(name, xml) {
  const started = performance.now();
  const now = () => performance.now();
  let importMs = 0;
  let ms = 0;

  if (name === 'load') {
    const { loadMetadata } = await import(pathToFileURL(path.join(DIST,
      'metadata/load-metadata.js')).href);
    await loadMetadata({ projects: xml, dependencies: [DEPS] },
      { cacheDir: path.join(WORK, 'load-cache') });
    return;
  }

  if (name === 'json-cache' || name === 'v8-cache') {
    const t = now();
    const projects = name === 'json-cache'
      ? JSON.parse(readFileSync(path.join(WORK, 'index.json'), 'utf8'))
      : v8.deserialize(readFileSync(path.join(WORK, 'index.v8')));
    new Map(projects.map((p) => [p.path, p]));
    ms = now() - t;
  } else {
    const text = readFileSync(xml, 'utf8');
    const t0 = now();
    if (name === 'scanner') {
      const { parseKdeProjectsXml } = await import(pathToFileURL(path.join(DIST,
        'metadata/kde-projects-xml.js')).href);
      importMs = now() - t0;
      const t = now();
      parseKdeProjectsXml(text, xml);
      ms = now() - t;
    } else if (name === 'fxp-tree') {
      const { readProjectsFromTree } = await import(pathToFileURL(path.join(DIST,
        'metadata/kde-projects-tree.js')).href);
      importMs = now() - t0;
      const t = now();
      readProjectsFromTree(text, xml);
      ms = now() - t;
    } else {
      const { XMLParser } = await import('fast-xml-parser');
      importMs = now() - t0;
      const options = name === 'fxp-plain' ? { ignoreAttributes: false } : {
        ignoreAttributes: false, parseTagValue: false, preserveOrder: true,
        stopNodes: ['*.member', '*.web', '*.icon', '*.name'],
      };
      const t = now();
      new XMLParser(options).parse(text);
      ms = now() - t;
    }
  }
  process.stdout.write(JSON.stringify({ ms, importMs, totalMs: now() - started }));
}

function timeRun(command, args, outFile, env = NODE_ENV) {
  const out = outFile ? openSync(outFile, 'w') : 'ignore';
  const started = process.hrtime.bigint();
  const run = spawnSync(command, args, { stdio: ['ignore', out, 'pipe'], cwd: ROOT, env });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (outFile) closeSync(out);
  if (run.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  }
  return seconds;
}

function printTable({ hasCli, medians: m }, c) {
  const rows = [['measurement', 'median', 'baseline', 'ratio', 'target']];
  const ratio = (a, b) => (a / b).toFixed(2) + '×';
  const s = (x) => `${x.toFixed(3)} s`;
  const ms = (x) => `${x.toFixed(1)} ms`;

  rows.push([`${path.basename(PYTHON)} list_baseline.py (ElementTree)`, s(m.python), '', '',
    '']);
  if (hasCli) {
    rows.push(['kappy list --all --json, cold', s(m.cold), s(m.python),
      ratio(m.cold, m.python), '< 1×']);
    rows.push(['kappy list --all --json, warm', s(m.warm), s(m.python),
      ratio(m.warm, m.python), '< 1×']);
    rows.push(['  warm, NODE_EXTRA_CA_CERTS kept', s(m.warmWithCa), s(m.python),
      ratio(m.warmWithCa, m.python), '']);
    rows.push(['  cold, TOML memo empty too (first run ever)', s(m.first), s(m.python),
      ratio(m.first, m.python), '']);
  } else {
    rows.push(['(dist/bin/kappy.js missing: kappy list not measured)', '', '', '', '']);
  }
  rows.push(['node: import + loadMetadata, cold', s(m.loadCold), s(m.python),
    ratio(m.loadCold, m.python), '']);
  rows.push(['node: import + loadMetadata, warm', s(m.loadWarm), s(m.python),
    ratio(m.loadWarm, m.python), '']);
  rows.push(['node -e 0 (startup alone)', s(m.nodeEmpty), '', '', '']);
  rows.push(['python3 -c pass (startup alone)', s(m.pythonEmpty), '', '', '']);

  const scanner = c.scanner.ms;
  const label = {
    scanner: 'XML parse: kappy scanner (kde-projects-xml)',
    'fxp-plain': 'XML parse: fast-xml-parser, defaults + attributes',
    'fxp-tuned': 'XML parse: fast-xml-parser, preserveOrder + stopNodes',
    'fxp-tree': 'XML read: validate + fast-xml-parser + walk (fallback)',
    'json-cache': 'warm cache: JSON.parse of parsed index',
    'v8-cache': 'warm cache: v8.deserialize of parsed index',
  };
  for (const [name, value] of Object.entries(c)) {
    const extra = value.importMs > 0 ? ` (+${value.importMs.toFixed(0)} ms import)` : '';
    rows.push([label[name], ms(value.ms) + extra, ms(scanner), ratio(value.ms, scanner), '']);
  }

  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const [i, row] of rows.entries()) {
    console.log(row.map((cell, j) => cell.padEnd(widths[j])).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

function checkOutputs(setup) {
  const python = JSON.parse(readFileSync(setup.pythonOut, 'utf8'));
  let line = `\ncheck: python listed ${python.length} projects`;
  if (existsSync(setup.kappyOut)) {
    try {
      const kappy = JSON.parse(readFileSync(setup.kappyOut, 'utf8'));
      line += `, kappy listed ${kappy.length}; same direct dependencies for ` +
        `${countSameDependencies(kappy, python)} of them`;
    } catch (error) {
      line += `, kappy output is not valid JSON (${error.message})`;
    }
  }
  console.log(line);
}

/** Projects whose dependencies (internal plus external) agree in both listings. */
function countSameDependencies(kappy, python) {
  const byPath = new Map(python.map((p) => [p.path, p]));
  const key = (list) => [...new Set(list)].sort().join(' ');
  return kappy.filter((k) => {
    const p = byPath.get(k.path);
    return p && key([...k.dependencies, ...(k.externalDependencies ?? [])]) ===
      key(p.dependencies);
  }).length;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function mapValues(object, fn) {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, v.length ? fn(v) : NaN]));
}

function sizeKb(file) {
  return Math.round(readFileSync(file).length / 1024);
}
