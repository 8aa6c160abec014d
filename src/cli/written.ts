import { isAbsolute, relative } from 'node:path';
import { say } from './say.js';

/** A path as the messages show it: relative to the working folder when it is inside it, else as given. */
export function shownPath(path: string): string {
  const near = relative(process.cwd(), path);
  return near === '' || near.startsWith('..') || isAbsolute(near) ? path : near;
}

/**
 * Says on stderr that a file was written, the same way for every command: `journey: wrote PATH`, then
 * what it holds or what to do next when there is more to say (`detail` starts with its own separator:
 * " (Buyer, Lists): 26 rows", "; audit with …"). stdout stays the report's.
 */
export function announceWritten(path: string, detail = ''): void {
  say(`wrote ${shownPath(path)}${detail}`);
}
