import net from 'node:net';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { MemoryReporter } from '../../src/core/reporter.js';
import { syncProjects } from '../../src/sync/sync-projects.js';
import { Sandbox, planned } from './git-fixtures.js';

let box: Sandbox;
let server: net.Server;
let connections: number;

beforeEach(async () => {
  box = await Sandbox.create();
  connections = 0;
  // A git:// "server" on loopback that drops every connection at once.
  server = net.createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await box.dispose();
});

describe('transient network errors', () => {
  it('are retried with backoff, then reported as failed with the git error', async () => {
    const { port } = server.address() as net.AddressInfo;
    const project = planned('frameworks/flaky', `git://127.0.0.1:${port}/flaky.git`);
    const reporter = new MemoryReporter();

    const summary = await syncProjects([project], {
      cacheDir: box.cache, jobs: 1, reporter, retries: 2, retryDelayMs: 10,
    });

    expect(summary.results[0]?.status).toBe('failed');
    // git says 'reset', or exits 0 with nothing cloned, which kappy reports.
    expect(summary.results[0]?.reason).toMatch(/connection reset|connection closed early/i);
    expect(connections).toBe(3);
    const retries = reporter.events.filter((e) => e.message.startsWith('retry'));
    expect(retries.map((e) => e.message.slice(0, 9))).toEqual(['retry 1/2', 'retry 2/2']);
  });
});
