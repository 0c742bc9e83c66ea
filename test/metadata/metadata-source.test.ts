import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetadataError } from '../../src/core/errors.js';
import { fetchMetadataSource } from '../../src/metadata/metadata-source.js';

let temp: string;
let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), 'kappy-source-'));
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.url === '/deps') response.end('a: b\n');
    else response.writeHead(404, 'Not Found').end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(temp, { recursive: true, force: true });
});

async function fetchError(spec: string, offline = false): Promise<MetadataError> {
  const error: unknown = await fetchMetadataSource(spec, { cacheDir: temp, offline })
    .catch((e: unknown) => e);
  if (error instanceof MetadataError) return error;
  throw new Error(`expected a MetadataError, got ${String(error)}`);
}

describe('fetchMetadataSource with local files', () => {
  it('returns a plain path as is and maps file:// URLs to paths', async () => {
    const file = path.join(temp, 'local deps');
    await writeFile(file, 'x: y\n');
    const options = { cacheDir: temp };
    expect(await fetchMetadataSource(file, options)).toBe(file);
    expect(await fetchMetadataSource(pathToFileURL(file).href, options)).toBe(file);
  });

  it('names a missing file', async () => {
    const missing = path.join(temp, 'nope.xml');
    const error = await fetchError(missing);
    expect(error.location?.file).toBe(missing);
    expect(error.message).toContain('not found');
  });
});

describe('fetchMetadataSource with http URLs', () => {
  it('downloads once into the cache and reuses it, also offline', async () => {
    const url = `${base}/deps`;
    const first = await fetchMetadataSource(url, { cacheDir: temp });
    expect(path.dirname(first)).toBe(path.join(temp, 'metadata'));
    expect(await readFile(first, 'utf8')).toBe('a: b\n');

    const second = await fetchMetadataSource(url, { cacheDir: temp, offline: true });
    expect(second).toBe(first);
    expect(requests.filter((r) => r === '/deps')).toHaveLength(1);
    const leftovers = (await readdir(path.join(temp, 'metadata'))).filter((f) =>
      f.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });

  it('refuses to download offline, saying what to do', async () => {
    const error = await fetchError(`${base}/other`, true);
    expect(error.message).toContain('run once without --offline');
    expect(requests).not.toContain('/other');
  });

  it('reports an HTTP error with the status and keeps nothing', async () => {
    const error = await fetchError(`${base}/missing`);
    expect(error.message).toContain('HTTP 404');
    expect(error.location?.file).toBe(`${base}/missing`);
    const again = await fetchError(`${base}/missing`, true);
    expect(again.message).toContain('--offline');
  });

  it('reports a server that is not there', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await fetchError(`http://127.0.0.1:${port}/deps`);
    expect(error.message).toContain('cannot download metadata');
  });
});
