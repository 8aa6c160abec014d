import { TextDecoder } from 'node:util';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** Callbacks for a streaming XML read; element names have any namespace prefix removed. */
export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Local name of a possibly prefixed XML name (`x:row` → `row`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** Attribute value by local name, whatever its prefix (`r:id`, `ns2:id`). */
export function attribute(attributes: Record<string, string>, name: string): string | undefined {
  if (name in attributes) return attributes[name];
  for (const [attrName, value] of Object.entries(attributes)) if (localName(attrName) === name) return value;
  return undefined;
}

/**
 * Streams an XML part through a SAX parser. Bytes are decoded with a streaming TextDecoder so a
 * multi-byte character split across two chunks is joined, not garbled. `checkTime` runs per chunk
 * of inflated bytes (zlib's output chunks, whatever the compression ratio) so a caller can abandon
 * a read that takes too long.
 */
export async function readXml(source: AsyncIterable<Buffer>, handlers: XmlHandlers, checkTime: () => void): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag: SaxesTagPlain) => open(localName(tag.name), tag.attributes as Record<string, string>));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(localName(tag.name)));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const decoder = new TextDecoder('utf-8');
  // Leaving the loop early (a limit, a parse error) returns the source, which closes its stream.
  for await (const chunk of source) {
    checkTime();
    parser.write(decoder.decode(chunk, { stream: true }));
    if (failure) throw failure;
  }
  parser.write(decoder.decode());
  parser.close();
  if (failure) throw failure;
}
