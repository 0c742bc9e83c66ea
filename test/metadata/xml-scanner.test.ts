import { describe, expect, it } from 'vitest';
import { MetadataError } from '../../src/core/errors.js';
import { scanXml, type XmlHandler } from '../../src/metadata/xml-scanner.js';

function scan(text: string): string[] {
  const events: string[] = [];
  const handler: XmlHandler = {
    open(name, attributes) {
      events.push(`<${name}${attributes}>`);
      return true;
    },
    close(name, text) {
      events.push(`</${name}> ${JSON.stringify(text)}`);
    },
  };
  scanXml(text, 'test.xml', handler);
  return events;
}

describe('scanXml', () => {
  it('reports elements, attributes without the self-closing slash, and decoded text', () => {
    expect(scan('<?xml version="1.0"?>\n<a x="1"><b/><c y=\'2\' /><d>1 &lt; 2' +
      '<![CDATA[ & <raw>]]></d></a>')).toEqual([
      '<a x="1">', '<b>', '</b> ""', '<c y=\'2\' >', '</c> ""', '<d>',
      '</d> "1 < 2 & <raw>"', '</a> ""']);
  });

  it('names line and column of what is wrong', () => {
    const error = (() => {
      try {
        scan('<a>\n  <b></c>\n</a>');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MetadataError);
    expect((error as MetadataError).location).toMatchObject({ file: 'test.xml', line: 2,
      column: 6 });
    expect((error as MetadataError).message).toContain('</b> to close <b>');
  });
});
