import { createHash } from 'node:crypto';

/**
 * Every input that can change what a build installs, and why it is there.
 * A project whose inputs hash to the fingerprint of its last successful
 * build is skipped.
 */
export const FINGERPRINT_INPUTS = {
  'source-commit': 'the checked-out commit (`git rev-parse HEAD`) is the source',
  'local-changes': 'uncommitted edits and untracked files change the source too',
  'build-system': 'the same checkout builds differently with cmake, meson, …',
  'commands': 'the effective command lines hold options, flags, prefix and launcher',
  'environment': 'the project `env` and inherited compiler variables (CC, CFLAGS, …)',
  'toolchain': 'a compiler or build tool upgrade changes the output',
  'dependencies': 'a rebuilt dependency can change headers, ABI or generated files',
} as const;

export type FingerprintInputName = keyof typeof FINGERPRINT_INPUTS;

export type FingerprintInputs = Record<FingerprintInputName, string>;

export interface Fingerprint {
  hash: string;
  /** A short hash per input, kept in the state to explain a later rebuild. */
  inputs: Record<FingerprintInputName, string>;
}

export function fingerprintOf(inputs: FingerprintInputs): Fingerprint {
  const names = Object.keys(FINGERPRINT_INPUTS) as FingerprintInputName[];
  const short = {} as Record<FingerprintInputName, string>;
  for (const name of names) short[name] = hashText(inputs[name]).slice(0, 16);
  const hash = hashText(names.map((name) => `${name}\0${inputs[name]}`).join('\0'));
  return { hash, inputs: short };
}

/** The inputs whose hash differs from a previous fingerprint, in table order. */
export function changedInputs(previous: Partial<Record<string, string>> | undefined,
  current: Fingerprint): FingerprintInputName[] {
  const names = Object.keys(FINGERPRINT_INPUTS) as FingerprintInputName[];
  if (!previous) return names;
  return names.filter((name) => previous[name] !== current.inputs[name]);
}

export function hashText(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}
