import { describe, expect, it } from 'vitest';
import { quickParse } from '../../src/cli/quick-parse.js';

describe('quickParse', () => {
  it('reads a command, its selectors and options with the keys commands use', () => {
    const parsed = quickParse(['build', 'kio', 'plasma', '-j', '4', '--on-failure=stop',
      '--no-include-dependencies', '--ignore', 'kdoctools', '--json']);

    expect(parsed).toEqual({ command: 'build', args: {
      selectors: ['kio', 'plasma'], jobs: 4, onFailure: 'stop',
      includeDependencies: false, ignore: ['kdoctools'], json: true,
    } });
  });

  it('defaults include-dependencies to true and keeps an empty selector list', () => {
    expect(quickParse(['list', '--all'])).toEqual({ command: 'list',
      args: { selectors: [], all: true, includeDependencies: true } });
  });

  it('takes exactly one positional for deps and info', () => {
    expect(quickParse(['deps', 'kio', '--dot'])?.args).toMatchObject({ selector: 'kio',
      dot: true });
    expect(quickParse(['deps'])).toBeUndefined();
    expect(quickParse(['info', 'a', 'b'])).toBeUndefined();
  });

  it('leaves help, unknown options, bad values and clashes to yargs', () => {
    expect(quickParse(['--help'])).toBeUndefined();
    expect(quickParse(['list', '--help'])).toBeUndefined();
    expect(quickParse(['list', '--bogus'])).toBeUndefined();
    expect(quickParse(['build', '--jobs', 'many'])).toBeUndefined();
    expect(quickParse(['build', '--on-failure', 'panic'])).toBeUndefined();
    expect(quickParse(['deps', 'kio', '--tree', '--dot'])).toBeUndefined();
    expect(quickParse(['package', 'kio'])).toBeUndefined();
    expect(quickParse(['frobnicate'])).toBeUndefined();
  });
});
