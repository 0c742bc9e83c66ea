import { describe, expect, it } from 'vitest';

import {
  camelCase, commandSpecs, globalOptions, positionalOf, type CommandSpec,
} from '../../src/cli/command-specs.js';

function spec(name: string): CommandSpec {
  const found = commandSpecs.find((command) => command.name === name);
  if (!found) throw new Error(`no command spec named ${name}`);
  return found;
}

describe('camelCase', () => {
  it.each([
    ['refresh-build', 'refreshBuild'],
    ['include-dependencies', 'includeDependencies'],
    ['on-failure', 'onFailure'],
    ['resume-from', 'resumeFrom'],
    ['branch-group', 'branchGroup'],
    ['all', 'all'],
    ['j', 'j'],
    ['a-b-c', 'aBC'],
  ])('turns %j into %j', (name, key) => {
    expect(camelCase(name)).toBe(key);
  });
});

describe('positionalOf', () => {
  it.each([
    ['list', { name: 'selectors', many: true, required: false }],
    ['deps', { name: 'selector', many: false, required: true }],
    ['info', { name: 'selector', many: false, required: true }],
    ['sync', { name: 'selectors', many: true, required: false }],
    ['build', { name: 'selectors', many: true, required: false }],
    ['package', { name: 'selectors', many: true, required: false }],
  ])('reads the positional of %s', (name, positional) => {
    expect(positionalOf(spec(name))).toEqual(positional);
  });

  it('covers every command in the table', () => {
    expect(commandSpecs.map((command) => command.name).sort())
      .toEqual(['build', 'deps', 'info', 'list', 'package', 'sync']);
  });

  it('reads required lists and optional singles too', () => {
    const base = { name: 'x', describe: 'x', options: {} };
    expect(positionalOf({ ...base, usage: 'x <files..>' }))
      .toEqual({ name: 'files', many: true, required: true });
    expect(positionalOf({ ...base, usage: 'x [file]' }))
      .toEqual({ name: 'file', many: false, required: false });
  });

  it('finds none in a command without one', () => {
    expect(positionalOf({ name: 'status', usage: 'status', describe: 's', options: {} }))
      .toBeUndefined();
  });
});

describe('the command table', () => {
  it('has unique command names, each usage starting with its name', () => {
    const names = commandSpecs.map((command) => command.name);
    expect(new Set(names).size).toBe(names.length);
    for (const command of commandSpecs) {
      expect(command.usage.split(' ')[0]).toBe(command.name);
      expect(command.describe.trim()).not.toBe('');
    }
  });

  it('describes every option', () => {
    const all = [
      ...Object.entries(globalOptions).map(([name, option]) => ['(global)', name, option] as const),
      ...commandSpecs.flatMap((command) => Object.entries(command.options)
        .map(([name, option]) => [command.name, name, option] as const)),
    ];
    const undescribed = all.filter(([, , option]) => option.describe.trim() === '')
      .map(([command, name]) => `${command} --${name}`);
    expect(undescribed).toEqual([]);
  });

  it.each(commandSpecs.map((command) => [command.name, command] as const))(
    '%s: aliases and option keys never clash, global options included', (_, command) => {
      const options = { ...globalOptions, ...command.options };
      const flags = Object.keys(options);
      const aliases = Object.values(options).flatMap((option) => option.alias ?? []);

      expect(new Set(aliases).size).toBe(aliases.length);
      expect(aliases.filter((alias) => flags.includes(alias))).toEqual([]);
      expect(Object.keys(globalOptions).filter((name) => name in command.options)).toEqual([]);

      const keys = flags.map(camelCase);
      expect(new Set(keys).size).toBe(keys.length);
    });

  it.each(commandSpecs.map((command) => [command.name, command] as const))(
    '%s: conflicts and choices name real things', (_, command) => {
      for (const pair of command.conflicts ?? []) {
        for (const name of pair) expect(Object.keys(command.options)).toContain(name);
      }
      for (const option of Object.values(command.options)) {
        if (option.choices) {
          expect(option.type).toBe('string');
          expect(option.choices.length).toBeGreaterThan(0);
        }
        if (option.default !== undefined) expect(option.type).toBe('boolean');
      }
    });

  it('gives -j and -p the same meaning wherever they appear', () => {
    for (const command of commandSpecs) {
      for (const [name, option] of Object.entries(command.options)) {
        if (option.alias === 'j') expect(name).toBe('jobs');
        if (option.alias === 'p') expect(name).toBe('pretend');
      }
    }
  });

  it('requires --distro for package only', () => {
    expect(spec('package').options.distro?.demandOption).toBe(true);
    const demanded = commandSpecs.flatMap((command) => Object.entries(command.options)
      .filter(([, option]) => option.demandOption).map(([name]) => `${command.name} --${name}`));
    expect(demanded).toEqual(['package --distro']);
  });
});
