// The baseline is read a piece at a time (a 128 MiB one would otherwise peak at several times its size):
// the same answers as parsing it whole, and the same refusals for anything that is not a baseline.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptedBy, BaselineSchema, readBaseline } from '../../src/engine/baseline.js';

const folder = mkdtempSync(join(tmpdir(), 'journey-baseline-read-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;
const write = (text: string) => {
  const path = join(folder, `baseline-${++files}.json`);
  writeFileSync(path, text);
  return path;
};
const entry = (i: number, message = `Stage {Onboarding} has "a" \\ handoff [${i}] — 営業 😀`) => ({
  fingerprint: `fp${i % 997}`,
  ruleId: 'handoff-lag',
  file: `inv/{${i}}.xlsx`,
  message,
});

describe('readBaseline', () => {
  it('gives what parsing the whole file gives, across chunk boundaries, braces, quotes and multi-byte text in strings', async () => {
    // Several 64 KiB chunks, so entries and characters are split between them.
    const baseline = { version: 1, findings: Array.from({ length: 5000 }, (_, i) => entry(i)) };
    for (const text of [JSON.stringify(baseline, null, 2), JSON.stringify(baseline), ` \n${JSON.stringify(baseline, null, '\t')}\n\n`]) {
      expect(await readBaseline(write(text), 128)).toEqual(acceptedBy(BaselineSchema.parse(JSON.parse(text))));
    }
    expect((await readBaseline(write('{ "findings": [], "version": 1 }'), 128)).size).toBe(0);
  });

  it.each([
    ['truncated', '{ "version": 1, "findings": [ { "fingerprint": "a", "ruleId": "r", "file": "f", "message": "m" }', 'not valid JSON'],
    ['cut inside an entry', '{ "version": 1, "findings": [ { "fingerprint": "a", "ruleId": "r"', 'not valid JSON'],
    ['text after the end', '{ "version": 1, "findings": [] } x', 'not valid JSON'],
    ['a broken entry', '{ "version": 1, "findings": [ { "fingerprint": "a" "ruleId": "r" } ] }', 'not valid JSON'],
    ['version 2', '{ "version": 2, "findings": [] }', 'not a journey baseline'],
    ['no findings', '{ "version": 1 }', 'not a journey baseline'],
    ['an entry without its message', '{ "version": 1, "findings": [ { "fingerprint": "a", "ruleId": "r", "file": "f" } ] }', 'not a journey baseline'],
    ['an entry that is a string', '{ "version": 1, "findings": [ "a" ] }', 'not a journey baseline'],
    [
      'entries under another key',
      '{ "version": 1, "findings": [], "other": [ { "fingerprint": "a", "ruleId": "r", "file": "f", "message": "m" } ] }',
      'not a journey baseline',
    ],
    ['an array at the top', '[ { "version": 1 } ]', 'not a journey baseline'],
  ])('refuses %s', async (_case, text, reason) => {
    const path = write(text);
    await expect(readBaseline(path, 128)).rejects.toThrow(`--baseline ${path}: ${reason}`);
  });
});
