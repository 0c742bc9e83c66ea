import { describe, expect, it } from 'vitest';
import { MetadataError } from '../../src/core/errors.js';
import type { ScannedProject } from '../../src/metadata/kde-projects-xml.js';
import { scanKdeProjects, UnsupportedXmlError } from '../../src/metadata/kde-projects-wasm.js';
import { metadataErrorOf } from './kde-data.js';

// The scanner and its parts (bytes.ts, xml-text.ts, json-writer.ts) are tested
// through the compiled module, as kappy runs them.
function scan(text: string): ScannedProject[] {
  return JSON.parse(scanKdeProjects(Buffer.from(text, 'utf8'), 'f.xml')) as ScannedProject[];
}

function scanError(text: string): MetadataError {
  return metadataErrorOf(() => scanKdeProjects(Buffer.from(text, 'utf8'), 'f.xml'));
}

describe('scanKdeProjects (assembly/scan-kde-projects.ts, compiled to WebAssembly)', () => {
  it('reports byte offset and line of each start tag, values trimmed, empties left out', () => {
    const text = [
      '<?xml version="1.0"?>',
      '<r>',
      '  <m>',
      '    <path> a/b </path>',
      '    <repo>',
      '      <url protocol="git">git://x/b</url>',
      '      <url protocol="tarball">https://x/b.tar.gz</url>',
      '      <url protocol="https"> </url>',
      '      <branch i18n="trunk_kf5">master</branch>',
      '      <branch i18n="stable"></branch>',
      '      <branch>feature</branch>',
      '      <active>false</active>',
      '    </repo>',
      '  </m>',
      '</r>',
    ].join('\n');

    expect(scan(text)).toEqual([{
      order: text.indexOf('<m>'),
      line: 3,
      path: 'a/b',
      repositories: { git: 'git://x/b' },
      branches: { trunk_kf5: 'master' },
      active: false,
    }]);
  });

  it('counts offsets in bytes and lines across CR LF; decodes references', () => {
    const text = '<r>\r\n<m>\r\n<path>é/ü</path>' +
      '<description>x &lt; y &#233; &#x1F600;</description><repo/></m></r>';
    const [project] = scan(text);

    expect(project?.order).toBe(Buffer.byteLength(text.slice(0, text.indexOf('<m>'))));
    expect(project?.line).toBe(2);
    expect(project?.path).toBe('é/ü');
    expect(project?.description).toBe('x < y é 😀');
  });

  it('reports a nested project before the one around it, each with its own fields', () => {
    const text = '<r><p><path>outer</path><q><path>inner</path><repo/></q>' +
      '<repo><url protocol="a&amp;b">u</url></repo></p></r>';
    const [inner, outer] = scan(text);

    expect(inner).toMatchObject({ path: 'inner', repositories: {} });
    expect(outer).toMatchObject({ path: 'outer', repositories: { 'a&b': 'u' } });
    expect(inner!.order).toBeGreaterThan(outer!.order);
  });

  it('places errors by character, not byte, after multi-byte text', () => {
    const error = scanError('<r>\n<é><path>ü/ü</path><repo/></é>\n<é></r>');
    // `<é></r>`: the `</r>` is the 4th character and the 5th byte.
    expect(error.location).toEqual({ file: 'f.xml', line: 3, column: 4 });
    expect(error.message).toContain('expected </é> to close <é> from line 3');
    expect(error.message).toContain('found "</r>"');
  });

  it('stops at elements nested deeper than 4096', () => {
    const error = scanError(`<r>${'<a>'.repeat(5000)}`);
    expect(error.message).toContain('nested at most 4096 deep');
    expect(error.location?.line).toBe(1);
  });

  it('leaves a document with a DOCTYPE to the full parser', () => {
    expect(() => scanKdeProjects(Buffer.from('<!DOCTYPE r>\n<r/>'), 'f.xml'))
      .toThrow(UnsupportedXmlError);
  });
});
