import { describe, expect, it } from 'vitest';
import { findingSentence } from '../../src/model/schema.js';
import { auditShape, readShape, ruleIds } from '../helpers/shapes.js';

const FILE = 'fixtures/shapes/no-channel-column.xlsx';

describe('shape: no channel column (an onboarding sequence)', () => {
  it('reads each channel from the touchpoint name, and leaves a name with none without a channel', async () => {
    const model = await readShape(FILE);
    expect(model.touchpoints.map((t) => [t.name, t.channels, t.team, t.day])).toEqual([
      ['Welcome email', ['email'], 'Lifecycle', 0],
      ['In-app tour', ['in-app'], 'Product', 1],
      ['Kickoff call', ['video-call'], 'CS', 2],
      ['Webinar invite', ['webinar'], 'Marketing', 7],
      ['SMS reminder', ['sms'], 'Lifecycle', 10],
      ['Account health check', [], 'CS', 21],
      ['Retargeting ads', ['paid-ads'], 'Marketing', 40],
      ['Renewal nudge', [], 'CS', 330],
    ]);
  });

  it('audits, saying once which rows were inferred, with no missing-channel error per row', () => {
    const { code, stderr, result } = auditShape(FILE);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // Owner holds team names: it is the team.
    expect(result!.files[0]!.sheets[0]).toMatchObject({ headerRow: 4, touchpoints: 8, columns: { stage: 'A', touchpoint: 'B', team: 'C', day: 'D' } });
    expect(ruleIds(result!)).not.toContain('invalid-value');
    const inferred = result!.findings.filter((f) => f.ruleId === 'inferred-channel');
    expect(inferred).toHaveLength(1);
    expect(inferred[0]!).toMatchObject({ severity: 'info', location: { sheet: 'Onboarding sequence', cell: "'Onboarding sequence'!B4" } });
    expect(findingSentence(inferred[0]!)).toBe(
      'No channel column: read the channel from 6 touchpoint names (rows 5–9 and 11, e.g. "Welcome email" → Email, "In-app tour" → In-app, "Kickoff call" → Video call); 2 rows name no channel (rows 10 and 12); add a Channel column to say each touchpoint\'s channel outright',
    );
    // The rest runs on the inferred channels and the day line: a retargeting ad takes nobody over from CS, and the
    // months from it to the renewal nudge are a silence, not a handoff wait.
    expect(ruleIds(result!)).toEqual(expect.arrayContaining(['silent-stretch', 'missing-stage']));
    expect(ruleIds(result!)).not.toContain('handoff-lag');
  });
});
