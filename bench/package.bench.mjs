// Benchmark: the Slackware packager against what makepkg does
// (`tar -cf - . | xz -9 -T1`) over the same ~300 MB install tree.
// Target: at most 0.5x the time, at most 1.05x the size, and the package
// must still extract to the same tree.
//
//   npx tsc -p tsconfig.build.json && node bench/package.bench.mjs
//   KAPPY_BENCH_MB=100 node bench/package.bench.mjs   (smaller, faster run)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { generateTree } from './package-tree.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const work = path.join(here, '.work', 'package');
const megabytes = Number(process.env.KAPPY_BENCH_MB ?? 300);
const tree = path.join(work, `tree-${megabytes}mb`);

const { slackwarePackager } = await import(
  path.join(here, '../dist/package/slackware/slackware-packager.js'));

async function ensureTree() {
  const marker = path.join(tree, '.complete');
  if (existsSync(marker)) return JSON.parse(await readFile(marker, 'utf8'));
  const half = (megabytes * 1e6) / 2;
  const info = await generateTree(tree, { textBytes: half, binaryBytes: half });
  await writeFile(marker, JSON.stringify(info));
  return info;
}

async function time(action) {
  const start = process.hrtime.bigint();
  await action();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function verify(packageFile) {
  const extracted = path.join(work, 'extracted');
  execFileSync('rm', ['-rf', extracted]);
  execFileSync('mkdir', ['-p', extracted]);
  execFileSync('tar', ['-xpf', packageFile, '-C', extracted]);
  // Same files, same bytes: diff exits non-zero (and throws) on any difference.
  execFileSync('diff', ['-r', '--no-dereference', '-x', 'install', '-x', '.complete',
    tree, extracted]);
  execFileSync('rm', ['-rf', extracted]);
  return 'ok';
}

await mkdir(work, { recursive: true });
const info = await ensureTree();
const reference = path.join(work, 'reference.txz');
const outputDir = path.join(work, 'packages');
await rm(outputDir, { recursive: true, force: true });

console.log(`install tree: ${(info.bytes / 1e6).toFixed(0)} MB, ${info.files} files`);
const referenceSeconds = await time(async () => {
  execFileSync('sh', ['-c', `tar -cf - . | xz -9 -T1 > '${reference}'`], { cwd: tree });
});
let packageFile = '';
const oursSeconds = await time(async () => {
  [packageFile] = await slackwarePackager.createPackage({
    project: { path: 'bench/tree', name: 'bench' }, installTree: tree, version: '1.0',
    settings: { arch: 'x86_64', conventions: false, strip: false }, outputDir,
  });
});

const referenceBytes = (await stat(reference)).size;
const oursBytes = (await stat(packageFile)).size;
const extracts = verify(packageFile);

const rows = [
  ['measurement', 'kappy', 'baseline (tar | xz -9 -T1)', 'ratio', 'target'],
  ['time (s)', oursSeconds.toFixed(1), referenceSeconds.toFixed(1),
    (oursSeconds / referenceSeconds).toFixed(2), '<= 0.50'],
  ['size (MB)', (oursBytes / 1e6).toFixed(2), (referenceBytes / 1e6).toFixed(2),
    (oursBytes / referenceBytes).toFixed(3), '<= 1.050'],
  ['extracts identically', extracts, '', '', 'ok'],
];
const widths = [22, 10, 28, 8, 10];
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join(''));
