/**
 * Benchmark for issue 3: sync 40 repositories over git:// through a loopback
 * proxy adding ~25 ms each way, against KDE's current model, a serial loop
 * of `git clone` / `git fetch` over the same URLs.
 *
 *   npx tsc -p tsconfig.build.json && node bench/sync.bench.mjs
 *
 * Env: SYNC_BENCH_JOBS (default 16), SYNC_BENCH_RUNS (default 3).
 */
import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { makeBareRepos } from './sync-repos.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const work = path.join(here, '.work', 'sync');
const REPOS = 40;
const COMMITS = 30;
const DELAY_MS = 25;
const JOBS = Number(process.env.SYNC_BENCH_JOBS ?? 16);
const RUNS = Number(process.env.SYNC_BENCH_RUNS ?? 3);

const { syncProjects } = await import(path.join(here, '..', 'dist', 'sync', 'sync-projects.js'));

async function main() {
  const names = await makeBareRepos(path.join(work, 'repos'), { count: REPOS, commits: COMMITS });
  const services = [];
  try {
    const daemonPort = await freePort();
    services.push(startDaemon(path.join(work, 'repos'), daemonPort));
    await waitForPort(daemonPort);
    const proxy = await startProxyProcess(daemonPort);
    services.push(proxy);

    const urls = names.map((name) => `git://127.0.0.1:${proxy.port}/${name}`);
    const rows = await measure(urls);
    printTable(rows);
  } finally {
    for (const service of services.reverse()) await service.close();
  }
}

async function measure(urls) {
  const projects = urls.map((url, i) => ({
    path: `bench/p${i}`,
    name: `p${i}`,
    repository: url,
    branch: 'master',
    dependencies: [],
    externalDependencies: [],
    settings: { cmakeOptions: [], mesonOptions: [], configureFlags: [], qmakeOptions: [],
      env: {}, package: {} },
  }));
  const cloneTimes = { serial: [], kappy: [] };
  const fetchTimes = { serial: [], kappy: [] };

  for (let run = 0; run < RUNS; run += 1) {
    const serialDir = path.join(work, 'serial');
    const cacheDir = path.join(work, 'cache');
    await rm(serialDir, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
    await mkdir(serialDir, { recursive: true });

    const dirs = urls.map((url) => path.basename(url, '.git'));
    const serialClone = () => shellLoop(serialDir,
      'for url in "$@"; do git clone -q "$url" || exit 1; done', urls);
    const serialFetch = () => shellLoop(serialDir,
      'for dir in "$@"; do git -C "$dir" fetch -q || exit 1; done', dirs);

    // Alternate who goes first, so a change in machine load hits both sides.
    const pairs = [
      [cloneTimes.serial, serialClone],
      [cloneTimes.kappy, () => kappySync(projects, cacheDir, 'cloned')],
      [fetchTimes.serial, serialFetch],
      [fetchTimes.kappy, () => kappySync(projects, cacheDir, 'unchanged')],
    ];
    const order = run % 2 === 0 ? [0, 1, 2, 3] : [1, 0, 3, 2];
    for (const index of order) {
      const [times, action] = pairs[index];
      times.push(await time(action));
    }
  }

  return [
    row('clone 40 repos into an empty cache', cloneTimes, 0.2),
    row('no-op resync of 40 repos', fetchTimes, 0.2),
  ];
}

async function kappySync(projects, cacheDir, expected) {
  const summary = await syncProjects(projects, {
    cacheDir, jobs: JOBS, reporter: { emit() {} }, retries: 0,
  });
  const wrong = summary.results.filter((result) => result.status !== expected);
  if (wrong.length > 0) throw new Error(`kappy sync: ${JSON.stringify(wrong[0])}`);
}

function shellLoop(cwd, script, args) {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', script, 'sh', ...args], { cwd, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`loop exit ${code}`))));
  });
}

function startDaemon(base, port) {
  const child = spawn('git', [
    'daemon', '--export-all', `--base-path=${base}`, '--reuseaddr', `--port=${port}`,
    '--listen=127.0.0.1', base,
  ], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  process.on('exit', () => child.kill('SIGKILL'));
  return {
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function startProxyProcess(targetPort) {
  const script = path.join(here, 'sync-proxy.mjs');
  const child = spawn(process.execPath, [script, String(targetPort), String(DELAY_MS)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  process.on('exit', () => child.kill('SIGKILL'));
  const close = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  const port = await new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim())));
    child.once('exit', (code) => reject(new Error(`proxy exited with ${code}`)));
  }).catch(async (error) => {
    await close();
    throw error;
  });
  return { port, close };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Bounded: 50 tries, 100 ms apart.
async function waitForPort(port) {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const ok = await new Promise((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`git daemon did not listen on port ${port}`);
}

async function time(action) {
  const start = performance.now();
  await action();
  return (performance.now() - start) / 1000;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function row(name, times, target) {
  const kappy = median(times.kappy);
  const baseline = median(times.serial);
  return { name, kappy, baseline, ratio: kappy / baseline, target };
}

function printTable(rows) {
  console.log(`\nsync benchmark: ${REPOS} repos x ${COMMITS} commits, git daemon behind a ` +
    `${DELAY_MS} ms/direction loopback proxy, kappy jobs=${JOBS}, median of ${RUNS} runs\n`);
  console.log('measurement                          kappy    serial git   ratio   target');
  for (const r of rows) {
    const verdict = r.ratio <= r.target ? 'ok' : 'MISSED';
    console.log(
      `${r.name.padEnd(36)} ${r.kappy.toFixed(2).padStart(6)} s ` +
        `${r.baseline.toFixed(2).padStart(8)} s ` +
        `${r.ratio.toFixed(3).padStart(7)}   <= ${r.target} ${verdict}`,
    );
  }
}

await main();
