import { describe, expect, it } from 'vitest';
import { createTerminalOutput } from '../../src/cli/terminal-output.js';

/** A terminal that records what was written, escape codes included. */
function fakeTerminal(): { text: () => string; stream: NodeJS.WritableStream &
  { columns: number; rows: number } } {
  const chunks: string[] = [];
  const stream = { columns: 80, rows: 24, write: (chunk: string) => {
    chunks.push(chunk);
    return true;
  } } as unknown as NodeJS.WritableStream & { columns: number; rows: number };
  return { text: () => chunks.join(''), stream };
}

/** What a terminal would show: apply "previous line" + "erase below". */
function screen(raw: string): string[] {
  const lines: string[] = [''];
  const tokens = raw.split(/(\x1b\[\d+F\x1b\[J|\n)/);
  for (const token of tokens) {
    const up = /\x1b\[(\d+)F\x1b\[J/.exec(token);
    if (up) {
      lines.splice(lines.length - 1 - Number(up[1]), Infinity, '');
    } else if (token === '\n') {
      lines.push('');
    } else {
      lines[lines.length - 1] += token;
    }
  }
  return lines.filter((l) => l !== '');
}

describe('live progress on a terminal', () => {
  it('shows one line per running project and n of N, and keeps outcomes above', () => {
    const terminal = fakeTerminal();
    const out = createTerminalOutput({ json: false, live: true },
      { stdout: terminal.stream, stderr: terminal.stream });
    out.setTotal(3);

    out.reporter.emit({ stage: 'build', kind: 'start', project: 'a', message: 'configure' });
    out.reporter.emit({ stage: 'build', kind: 'start', project: 'b', message: 'configure' });
    out.reporter.emit({ stage: 'build', kind: 'progress', project: 'a', message: 'build' });
    expect(screen(terminal.text())).toEqual(['0 of 3 done, 2 running', '  a: build',
      '  b: configure']);

    out.reporter.emit({ stage: 'build', kind: 'done', project: 'a', message: 'built' });
    expect(screen(terminal.text())).toEqual(['[build] a: built', '1 of 3 done, 1 running',
      '  b: configure']);

    out.reporter.emit({ stage: 'build', kind: 'fail', project: 'b', message: 'build' });
    out.close();
    expect(screen(terminal.text())).toEqual(['[build] a: built', '[build] FAILED b: build']);
  });

  it('writes plain lines, without progress, when not on a terminal', () => {
    const terminal = fakeTerminal();
    const out = createTerminalOutput({ json: false, live: false },
      { stdout: terminal.stream, stderr: terminal.stream });
    out.reporter.emit({ stage: 'sync', kind: 'start', project: 'a', message: 'cloning' });
    out.reporter.emit({ stage: 'sync', kind: 'progress', project: 'a', message: '50%' });
    out.reporter.emit({ stage: 'sync', kind: 'done', project: 'a', message: 'cloned' });
    expect(terminal.text()).toBe('[sync] a: cloning\n[sync] a: cloned\n');
  });
});
