import { createRequire } from 'node:module';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Crypto from 'node:crypto';
import { MetadataError } from '../core/errors.js';

export interface FetchOptions {
  /** kappy's cache directory; downloads go to `<cacheDir>/metadata/`. */
  cacheDir: string;
  /** No network: a URL that was never downloaded is an error. */
  offline?: boolean;
}

/**
 * Turns a metadata source (a path, a `file://` URL or an http(s) URL) into a
 * local file path. A URL is downloaded once into the cache and reused on
 * later runs, so kappy works offline after the first run.
 */
export async function fetchMetadataSource(spec: string, options: FetchOptions):
  Promise<string> {
  if (/^https?:\/\//i.test(spec)) return fetchUrl(spec, options);

  const file = spec.startsWith('file:') ? fileURLToPath(spec) : spec;
  await checkExists(file, spec);
  return file;
}

/** Where a downloaded URL is kept: readable, unique per URL. */
export function cachedDownloadPath(url: string, cacheDir: string): string {
  const readable = url.replace(/^https?:\/\//i, '').replace(/[^\w.-]+/g, '_').slice(-80);
  // Loaded here, not at the top: node:crypto costs every local-only run ~3 ms.
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof Crypto;
  const hash = createHash('sha256').update(url).digest('hex').slice(0, 12);
  return path.join(cacheDir, 'metadata', `${readable}-${hash}`);
}

async function fetchUrl(url: string, options: FetchOptions): Promise<string> {
  const file = cachedDownloadPath(url, options.cacheDir);
  if (await exists(file)) return file;

  if (options.offline) {
    throw new MetadataError(`${url} has not been downloaded yet and --offline forbids ` +
      'the network; run once without --offline', { location: { file: url } });
  }
  const body = await download(url);
  await saveAtomically(file, body);
  return file;
}

async function download(url: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    const reason = error instanceof Error ? (error.cause ?? error).toString() : String(error);
    throw new MetadataError(`cannot download metadata: ${reason}; check the URL and the ` +
      'network, or point the config at a local copy', { location: { file: url }, cause: error });
  }
  if (!response.ok) {
    throw new MetadataError(`cannot download metadata: HTTP ${response.status} ` +
      `${response.statusText}; check the URL in the [metadata] config`,
      { location: { file: url } });
  }
  return new Uint8Array(await response.arrayBuffer());
}

/** Write beside the target, then rename: a killed run never leaves half a file. */
async function saveAtomically(file: string, body: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temp, body);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function checkExists(file: string, spec: string): Promise<void> {
  if (await exists(file)) return;
  throw new MetadataError('metadata source not found; check the path in the [metadata] ' +
    `config (relative paths are relative to the config file)${spec === file ? '' : ` (${spec})`}`,
  { location: { file } });
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
