import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProjects } from '../../src/build/build-projects.js';
import { findOnPath } from '../../src/build/find-on-path.js';
import { emptySettings } from '../../src/config/settings.js';
import { MemoryReporter } from '../../src/core/reporter.js';
import type { BuildPlan } from '../../src/graph/build-plan.js';
import { makeWorkspace } from './build-fixtures.js';

const distccd = findOnPath('distccd', process.env['PATH']);
if (!distccd) {
  console.warn('distcc test skipped: distccd is not installed (apt-get install distcc)');
}
const daemons: ChildProcess[] = [];
afterAll(() => daemons.forEach((daemon) => daemon.pid && process.kill(daemon.pid)));

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForPort(port: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(true));
      socket.on('error', () => resolve(false));
      socket.on('connect', () => socket.end());
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`distccd did not listen on ${port}`);
}

async function startDistccd(): Promise<{ port: number; log: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kappy-distccd-'));
  // distccd drops root for an unprivileged user, who must write the log.
  await chmod(dir, 0o777);
  const log = path.join(dir, 'distccd.log');
  const port = await freePort();
  const daemon = spawn(distccd as string, ['--daemon', '--no-detach', '--listen', '127.0.0.1',
    '--port', `${port}`, '--allow', '127.0.0.1', '--log-file', log, '--log-level=info',
    '--jobs', '2'], { stdio: 'ignore' });
  daemons.push(daemon);
  await waitForPort(port);
  return { port, log };
}

function distccPlan(env: Record<string, string>, distributedJobs?: number): BuildPlan {
  return { external: [], projects: [{ path: 'dist/hello', name: 'hello', dependencies: [],
    externalDependencies: [], settings: { ...emptySettings(), compilerLauncher: 'distcc',
      distributedJobs, env } }] };
}

async function writeHello(cache: string): Promise<void> {
  const dir = path.join(cache, 'dist/hello');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'CMakeLists.txt'), 'cmake_minimum_required(VERSION 3.16)\n' +
    'project(Hello C)\nadd_executable(hello main.c greet.c)\n' +
    'install(TARGETS hello RUNTIME DESTINATION bin)\n');
  await writeFile(path.join(dir, 'main.c'), 'const char *greet(void);\n#include <stdio.h>\n' +
    'int main(void) { puts(greet()); return 0; }\n');
  await writeFile(path.join(dir, 'greet.c'), 'const char *greet(void) { return "hi"; }\n');
}

describe('compiler launcher distcc', () => {
  it('raises the build\'s -j to distributed-jobs', async () => {
    const paths = await makeWorkspace();
    await writeHello(paths.cache);
    const summary = await buildProjects(distccPlan({}, 12), { paths, jobs: 2,
      onFailure: 'continue', reporter: new MemoryReporter(), pretend: true });
    const lines = summary.results[0]?.commands?.map((c) => c.join(' ')) ?? [];
    expect(lines[0]).toContain('-DCMAKE_C_COMPILER_LAUNCHER=distcc');
    expect(lines[1]).toContain('--parallel 12');
  });

  it.skipIf(!distccd)('sends the compile jobs to distccd (needs distccd: ' +
    'apt-get install distcc)', async () => {
    const { port, log } = await startDistccd();
    const paths = await makeWorkspace();
    await writeHello(paths.cache);
    // No fallback: a job that cannot reach distccd fails instead of compiling locally.
    const env = { DISTCC_HOSTS: `127.0.0.1:${port}`, DISTCC_FALLBACK: '0',
      DISTCC_SKIP_LOCAL_RETRY: '1', DISTCC_DIR: path.join(paths.build, '.distcc') };
    await mkdir(env.DISTCC_DIR, { recursive: true });
    const summary = await buildProjects(distccPlan(env, 4), { paths, jobs: 2,
      onFailure: 'continue', reporter: new MemoryReporter() });

    expect(summary.ok, JSON.stringify(summary.results)).toBe(true);
    const text = await readFile(log, 'utf8');
    expect(text).toMatch(/COMPILE_OK .*main\.c/);
    expect(text).toMatch(/COMPILE_OK .*greet\.c/);
  });
});
