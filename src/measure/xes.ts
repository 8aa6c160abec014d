import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { InputError } from '../errors.js';

const ATTRIBUTE_TAGS = new Set(['string', 'date', 'int', 'float', 'boolean', 'id']);

/**
 * Streams an XES log (IEEE 1849, the process-mining exchange format) as JSON lines, one object per event:
 * the event's attributes under their keys (concept:name, time:timestamp, lifecycle:transition...) and its
 * trace's under `case:` keys (case:concept:name is the case id), as pm4py names them. Attributes nested in
 * lists, containers or other attributes, and the <global> defaults, are left out. Returns every key seen.
 */
export async function readXes(stream: Readable, file: string, write: (line: string) => Promise<void>): Promise<string[]> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const keys = new Set<string>();
  const stack: string[] = [];
  let trace: Record<string, string> | null = null;
  let events: Record<string, string>[] = [];
  let event: Record<string, string> | null = null;
  let traces = 0;
  const pending: string[] = [];
  let failure: Error | null = null;

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = tag.name.replace(/^.*:/, '').toLowerCase();
    const parent = stack[stack.length - 1];
    stack.push(name);
    if (name === 'trace' && parent === 'log') {
      trace = {};
      events = [];
      traces++;
    } else if (name === 'event' && (parent === 'trace' || parent === 'log')) {
      event = {};
    } else if (ATTRIBUTE_TAGS.has(name) && (parent === 'event' || parent === 'trace')) {
      const key = tag.attributes.key;
      const value = tag.attributes.value;
      if (typeof key !== 'string' || typeof value !== 'string') return;
      if (parent === 'event' && event) event[key] = value;
      else if (parent === 'trace' && trace) trace[`case:${key}`] = value;
    }
  });
  parser.on('closetag', () => {
    const name = stack.pop();
    if (name === 'event' && event) {
      if (trace) events.push(event);
      else pending.push(line(event));
      event = null;
    } else if (name === 'trace' && trace) {
      for (const each of events) pending.push(line({ ...trace, ...each }));
      trace = null;
      events = [];
    }
  });
  parser.on('error', (error) => {
    failure ??= error;
  });
  const line = (record: Record<string, string>) => {
    for (const key of Object.keys(record)) keys.add(key);
    return `${JSON.stringify(record)}\n`;
  };

  // A character split between two chunks is joined again before saxes sees it.
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of stream) {
      parser.write(decoder.write(chunk as Buffer));
      if (failure) break;
      for (const text of pending.splice(0)) await write(text);
    }
    if (!failure) parser.write(decoder.end()).close();
  } catch (error) {
    failure ??= error as Error;
  }
  if (failure) throw new InputError({ file, line: parser.line }, `not a readable XES log (${(failure as Error).message.split('\n')[0]})`);
  for (const text of pending.splice(0)) await write(text);
  if (traces === 0 && keys.size === 0) throw new InputError({ file }, 'no <trace> or <event> in this XES log');
  return [...keys];
}
