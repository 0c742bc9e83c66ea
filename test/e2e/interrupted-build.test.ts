import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runKappy, tempDir, writeConfig } from '../helpers/run-kappy.js';

/** Two projects, b needs a; b's build waits until the test lets it go. */
function writeWorkspace(root: string): void {
  writeFileSync(path.join(root, 'projects.xml'), `<?xml version="1.0"?>
<kdeprojects version="1"><component identifier="test"><path>test</path>
<project identifier="a"><path>test/a</path><repo><active>true</active></repo></project>
<project identifier="b"><path>test/b</path><repo><active>true</active></repo></project>
</component></kdeprojects>
`);
  writeFileSync(path.join(root, 'deps'), 'test/b: test/a\n');
  for (const name of ['a', 'b']) {
    mkdirSync(path.join(root, 'cache/test', name), { recursive: true });
    writeFileSync(path.join(root, 'cache/test', name, 'README'), `${name}\n`);
  }
  const release = path.join(root, 'release');
  writeConfig(`[metadata]
projects = "projects.xml"
dependencies = ["deps"]
[paths]
install = "prefix"
[build]
build-system = "custom"
configure-command = "true"
install-command = "mkdir -p \\"$DESTDIR$KAPPY_PREFIX\\" && touch \\"$DESTDIR$KAPPY_PREFIX/done\\""
[project.a]
build-command = "true"
[project.b]
build-command = "touch started; while [ ! -e '${release}' ]; do sleep 0.05; done"
`, root);
}

async function interruptWhenBStarts(root: string): Promise<number | null> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/bin/kappy.js'), 'build',
    'b'], { cwd: root, stdio: 'ignore', env: { ...process.env, CI: 'true' } });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const started = path.join(root, 'build/test/b/started');
  const deadline = Date.now() + 60_000;
  while (!existsSync(started) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill('SIGINT');
  return exited;
}

describe('kappy build interrupted with Ctrl-C', () => {
  it('records what finished, and --resume builds exactly the rest', async () => {
    const root = tempDir('kappy-interrupt-');
    writeWorkspace(root);

    const code = await interruptWhenBStarts(root);

    expect(code).not.toBe(0);
    expect(existsSync(path.join(root, 'build/test/a/install-tree',
      root, 'prefix/done'))).toBe(true);

    writeFileSync(path.join(root, 'release'), '');
    const resumed = runKappy(['build', '--resume', '--json'], { cwd: root });
    expect(resumed.code, resumed.stderr).toBe(0);
    const summary = JSON.parse(resumed.stdout) as { results: { project: string;
      status: string }[] };
    expect(summary.results.map((r) => [r.project, r.status])).toEqual([
      ['test/a', 'up-to-date'], ['test/b', 'built']]);
  });
});
