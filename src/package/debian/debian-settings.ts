import { SettingsReader } from '../settings-reader.js';

const KNOWN_KEYS = ['arch', 'maintainer', 'depends', 'section', 'priority'] as const;

export interface DebianSettings {
  arch?: string;
  maintainer: string;
  depends?: string;
  section?: string;
  priority?: string;
}

export function readDebianSettings(table: Record<string, unknown>): DebianSettings {
  const reader = new SettingsReader(table, 'package.debian');
  reader.checkKeys(KNOWN_KEYS);
  return {
    arch: reader.string('arch'),
    maintainer: reader.string('maintainer') ?? 'kappy <kappy@localhost>',
    depends: reader.string('depends'),
    section: reader.string('section'),
    priority: reader.string('priority'),
  };
}
