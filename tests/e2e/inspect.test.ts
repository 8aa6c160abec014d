import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InspectResultSchema } from '../../src/engine/inspect.js';
import { journey } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'journey-e2e-inspect-'));

describe('journey inspect (built CLI)', () => {
  it("shows the header, each column's field, the stage model and how each distinct value reads", () => {
    const { code, stdout, stderr } = journey(['inspect', 'fixtures/sample-inventory.xlsx']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain("Stage model lifecycle (journey's default): Awareness → Consideration → Decision");
    expect(stdout).toContain('Sheet "Practitioner": header at row 4; 18 touchpoints read, 1 retired left out');
    expect(stdout).toContain('A  "Lifecycle stage" → stage');
    expect(stdout).toContain('"Onbaording" → Onboarding (a likely typo, read as that; the audit reports it) ×1');
    expect(stdout).toContain('"Knowledge base" → Help center ×1');
    expect(stdout).toContain('Sheet "Notes": skipped: no inventory header in the first 30 rows');
    expect(stdout).toMatch(/An audit finds: .*unknown-value ×1.*; run journey audit to see them\./);
  });

  it("says how several channels, timing words, ignored columns and a file's own stages read, in JSON too", () => {
    const file = join(dir, 'winback.csv');
    writeFileSync(
      file,
      [
        'Stage,Touchpoint,Channel,When,Budget',
        'At risk,Usage drop alert,Email + SMS,Week 2,100',
        'Lapsed,We miss you,Email/SMS,T+3,',
        'Lost,Exit survey,Carrier pigeon,Q3,',
      ].join('\n'),
    );
    const text = journey(['inspect', file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Stage model (the file's own stage values, in the order they first appear): At risk → Lapsed → Lost");
    expect(text.stdout).toContain('"Email + SMS" → Email, SMS ×1');
    expect(text.stdout).toContain('"Week 2" → day 7 ×1');
    expect(text.stdout).toContain('"Q3" → timing text ×1');
    expect(text.stdout).toContain('"Carrier pigeon" → unknown ×1');
    expect(text.stdout).toContain('E  "Budget" → ignored');
    const json = journey(['inspect', file, '--format', 'json']);
    const result = InspectResultSchema.parse(JSON.parse(json.stdout));
    const [table] = result.files[0]!.tables;
    expect(result.files[0]!.stageModel).toMatchObject({ source: 'file', stages: [{ id: 'at-risk' }, { id: 'lapsed' }, { id: 'lost' }] });
    expect(table!.columns.map((c) => c.field)).toEqual(['stage', 'touchpoint', 'channel', 'day', null]);
    expect(table!.values.channel!.listed).toContainEqual({ text: 'Email/SMS', read: ['Email', 'SMS'], suggestion: null, count: 1 });
  });

  it('exits 2 with one line for a file it cannot read, and escapes what it quotes', () => {
    const bad = join(dir, 'notes.csv');
    writeFileSync(bad, 'hello,world\n1,2\n');
    const run = journey(['inspect', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toContain('not read: ');
    const hostile = join(dir, 'hostile.csv');
    writeFileSync(hostile, 'Stage,Touchpoint,Channel\n"\u001b]0;owned\u0007::error::x",A,Email\n');
    const shown = journey(['inspect', hostile]);
    expect(shown.stdout).not.toContain('\u001b');
    expect(shown.stdout.split('\n').some((line) => line.trimStart().startsWith('::'))).toBe(false);
  });
});
