import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProjects, installTreeOf } from '../../src/build/build-projects.js';
import { emptySettings } from '../../src/config/settings.js';
import { MemoryReporter } from '../../src/core/reporter.js';
import { makeWorkspace } from './build-fixtures.js';

/** A hand-written `configure` that does what autoconf's would for this test. */
const CONFIGURE = `#!/bin/sh
prefix=/usr/local
for arg in "$@"; do
  case "$arg" in
    --prefix=*) prefix="\${arg#--prefix=}" ;;
    --greeting=*) greeting="\${arg#--greeting=}" ;;
  esac
done
srcdir=$(dirname "$0")
sed -e "s|@prefix@|$prefix|" -e "s|@srcdir@|$srcdir|" -e "s|@greeting@|$greeting|" \\
  "$srcdir/Makefile.in" > Makefile
`;

const MAKEFILE_IN = `prefix = @prefix@
srcdir = @srcdir@
hello: $(srcdir)/hello.c
\t$(CC) $(CFLAGS) -DGREETING='"@greeting@"' -o hello $(srcdir)/hello.c
install: hello
\tmkdir -p $(DESTDIR)$(prefix)/bin
\tcp hello $(DESTDIR)$(prefix)/bin/hello
`;

describe('autotools', () => {
  it('configures out of source with the configure flags, builds and installs twice',
    async () => {
      const paths = await makeWorkspace();
      const source = path.join(paths.cache, 'tools/hello');
      await mkdir(source, { recursive: true });
      await writeFile(path.join(source, 'configure'), CONFIGURE);
      await chmod(path.join(source, 'configure'), 0o755);
      await writeFile(path.join(source, 'Makefile.in'), MAKEFILE_IN);
      await writeFile(path.join(source, 'hello.c'), '#include <stdio.h>\n' +
        'int main(void) { puts(GREETING); return 0; }\n');

      const plan = { external: [], projects: [{ path: 'tools/hello', name: 'hello',
        dependencies: [], externalDependencies: [],
        settings: { ...emptySettings(), configureFlags: ['--greeting=moin'] } }] };
      const summary = await buildProjects(plan, { paths, jobs: 2, onFailure: 'continue',
        reporter: new MemoryReporter() });

      expect(summary.ok, JSON.stringify(summary.results)).toBe(true);
      const hello = path.join(paths.install, 'bin/hello');
      expect(execFileSync(hello, { encoding: 'utf8' })).toBe('moin\n');
      expect(existsSync(path.join(installTreeOf(paths, 'tools/hello'), hello))).toBe(true);
      expect(existsSync(path.join(source, 'Makefile'))).toBe(false);
    });
});
