import { describe, expect, it } from 'vitest';
import { NotPlainXml, scanXml, scanXmlOrParse } from '../../src/load/xlsx/scan.js';
import { readXml, type XmlHandlers } from '../../src/load/xlsx/xml.js';

// The worksheet scanner must give exactly saxes's events (text joined, as every handler joins it),
// or give up so saxes reads the part: never different events.
type Event = [string, ...unknown[]];

function recorder(): { events: Event[]; handlers: XmlHandlers } {
  const events: Event[] = [];
  const handlers: XmlHandlers = {
    open: (name, attributes) => events.push(['open', name, { ...attributes }]),
    close: (name) => events.push(['close', name]),
    text: (text) => {
      const last = events.at(-1);
      if (last?.[0] === 'text') last[1] = `${last[1] as string}${text}`;
      else events.push(['text', text]);
    },
  };
  return { events, handlers };
}

async function* chunks(xml: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(xml, 'utf8');
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** saxes's events, without the whitespace outside the root it reports and no handler uses. */
async function saxesEvents(xml: string): Promise<Event[]> {
  const { events, handlers } = recorder();
  let depth = 0;
  await readXml(
    chunks(xml, 1 << 16),
    {
      open: (name, attributes) => (depth++, handlers.open!(name, attributes)),
      close: (name) => (depth--, handlers.close!(name)),
      text: (text) => (depth > 0 ? handlers.text!(text) : undefined),
    },
    () => undefined,
  );
  return events;
}

async function scannedEvents(xml: string, size: number): Promise<Event[]> {
  const { events, handlers } = recorder();
  await scanXml(chunks(xml, size), handlers, () => undefined);
  return events;
}

const SHEET = [
  '\ufeff<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n',
  '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="rel">',
  '<x:sheetData><x:row r="1" spans="1:3">',
  '<x:c r="A1" t="s"><x:v>0</x:v></x:c>',
  '<x:c r="B1" t="inlineStr"><x:is><x:r><x:t xml:space="preserve">Ré &amp; sum&#233; &#x1F600; a&lt;b&gt;c "q" \'a\'</x:t></x:r><x:r><x:t>line\r\nbreak\rend</x:t></x:r><x:rPh><x:t>ルビ</x:t></x:rPh></x:is></x:c>',
  '<x:c r="C1" s = \'2\' t="str" ><x:f>A1&amp;B1</x:f><x:v>tab\there</x:v></x:c>',
  '<x:c r="D1"/></x:row></x:sheetData>',
  '<x:mergeCells count="1"><x:mergeCell ref="A1:B2"/></x:mergeCells>',
  '<x:ext uri="a&#10;b\r\nc\td"/>',
  '</x:worksheet>\n  ',
].join('');

describe('worksheet scanner', () => {
  it("gives saxes's events for elements, attributes, entities, references, rich text and line ends, however the bytes are cut", async () => {
    const expected = await saxesEvents(SHEET);
    expect(expected.length).toBeGreaterThan(20);
    for (const size of [1, 2, 3, 5, 7, 13, 64, 1 << 16]) expect(await scannedEvents(SHEET, size)).toEqual(expected);
  });

  it.each([
    ['a comment', '<a><!-- note --><b/></a>'],
    ['CDATA', '<a><![CDATA[x < y]]></a>'],
    ['a DOCTYPE', '<!DOCTYPE a [<!ENTITY e "boom">]><a>&e;</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a bare ampersand', '<a>fish & chips</a>'],
    ['a reference to a disallowed character', '<a>&#0;</a>'],
    ['a control character', '<a>\u0001</a>'],
    ['text outside the root', '<?xml version="1.0"?>\nfoo\n<a/>'],
    ['a mismatched closing tag', '<a><b></a></b>'],
    ['an unclosed root', '<a><b/>'],
    ['a second root', '<a/><b/>'],
    ['a repeated attribute', '<a x="1" x="2"/>'],
    ['attributes without whitespace', '<a x="1"y="2"/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['a < in an attribute', '<a x="<"/>'],
    [']]> in text', '<a>]]></a>'],
    ['a processing instruction', '<a><?pi x?></a>'],
    ['an XML 1.1 declaration', '<?xml version="1.1"?><a/>'],
    ['an empty document', ''],
  ])('gives up on %s, and the part is read by saxes with its events or its error', async (_, xml) => {
    await expect(scannedEvents(xml, 4)).rejects.toBeInstanceOf(NotPlainXml);
    let saxesError: unknown = null;
    const expected = await saxesEvents(xml).catch((error: unknown) => ((saxesError = error), null));
    const { events, handlers } = recorder();
    let reads = 0;
    const outcome = scanXmlOrParse(
      chunks(xml, 4),
      async () => chunks(xml, 4),
      () => (reads++, events.splice(0), handlers),
      () => undefined,
    );
    if (saxesError) await expect(outcome).rejects.toThrow((saxesError as Error).message);
    else {
      await outcome;
      expect(events.filter((event) => event[0] !== 'text' || (event[1] as string).trim() !== '')).toEqual(
        expected!.filter((event) => event[0] !== 'text' || (event[1] as string).trim() !== ''),
      );
    }
    expect(reads).toBe(2);
  });

  it('holds back a tag longer than a workbook writes instead of growing without bound', async () => {
    const xml = `<a><b x="${'y'.repeat(200_000)}"/></a>`;
    await expect(scannedEvents(xml, 1000)).rejects.toBeInstanceOf(NotPlainXml);
    expect(await saxesEvents(xml)).toHaveLength(4);
  });
});
