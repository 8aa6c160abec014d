import * as z from 'zod';
import { plural } from '../english.js';
import { cellOf } from '../model/cells.js';
import type { Location, Touchpoint } from '../model/schema.js';
import { canonicalTeam, teamGroups } from '../model/team-names.js';
import { foldKey } from '../model/text.js';
import { MAX_RELATED, defineRule, type Report } from './rule.js';
import { clip, listAnd } from './wording.js';

/** Cells named per spelling before "and N more". */
const CELLS_NAMED = 3;

/** A spelling's cells as the message names them: a markdown table's by line (the location names the file). */
function cells(locations: readonly Location[], markdown: boolean): string {
  const names = locations.slice(0, CELLS_NAMED).map((location) => (markdown || location.cell === null ? `line ${location.row}` : location.cell));
  const rest = locations.length - names.length;
  const list = listAnd(rest > 0 ? [...names, `${rest} more`] : names);
  return locations.length === 1 ? list : `${plural(locations.length, 'cell')}: ${list}`;
}

/** One team written several ways ("PMM", "Product Marketing", "Product Mktg"): one finding per team, with the `teams` config that merges them. */
export const teamVariants = defineRule({
  id: 'team-variants',
  description: 'One team written several ways (abbreviation, case, spelling), which the analysis reads as several teams',
  defaultSeverity: 'warning',
  hygiene: true,
  options: z.object({}).strict(),
  docs: {
    why: 'Handoffs, duplicate efforts, stage owners and the map read teams by name: "PMM" and "Product Marketing" written for one team make a handoff between them that never happens, and split the team\'s work in two.',
    triggers:
      'Team names that read as the same words once case, punctuation, accents and filler words ("team", "Equipo de") are set aside and abbreviations are written out: common ones (Mktg/Mkt, Mgmt, Ops, Eng, Prod, Cust, Svc, Acct, Biz, Comms, Vtas), acronyms (PMM, CS, CX, HR, RRHH), camel case (RevOps); or, word by word, a shortening with its vowels dropped ("Cstmr", "Mgmt") or a confident typo ("Sucess"); or a name\'s initials ("CX" for Customer Experience). A spelling near two different teams is left alone. Kept apart on purpose: a word more is another team ("Sales" and "Sales Ops"), and a role is not its team ("CSM", a customer success manager, is not "CS"; "AE" and "SDR" are not "Sales"), since a handoff between them can be real; merge those with `teams` when they are one team to you. Blank team cells, and cells that say no team ("TBD", "-", "n/a"), are missing-owner\'s.',
    fix: 'Write one name for the team everywhere, or tell journey the spellings are one team: `teams` in journey.config.json (the name to use → its other spellings; the finding gives the entry). journey then reads every spelling as that name.',
    example:
      'One team is written 3 ways: \'Product Marketing\' (C2), \'PMM\' (2 cells: C3 and C5) and \'Product Mktg\' (C4); write one name, or merge them in journey.config.json: "teams": { "Product Marketing": ["PMM", "Product Mktg"] }.',
  },
  check({ model }) {
    // Each spelling as written, with its touchpoints' cells (a spelling is the exact text, so case variants are spellings too).
    const bySpelling = new Map<string, Touchpoint[]>();
    for (const touchpoint of model.touchpoints) {
      if (touchpoint.team === null || touchpoint.place.columns.team === undefined) continue;
      const list = bySpelling.get(touchpoint.team);
      if (list) list.push(touchpoint);
      else bySpelling.set(touchpoint.team, [touchpoint]);
    }
    if (bySpelling.size < 2) return [];
    const groups = teamGroups([...bySpelling].map(([name, touchpoints]) => ({ name, rows: touchpoints.length })));
    const reports: Report[] = [];
    for (const group of groups) {
      const canonical = canonicalTeam(group);
      // The team's name first, then the other spellings as first seen.
      const spellings = [canonical, ...group.map((spelling) => spelling.name).filter((name) => name !== canonical)];
      const locations = spellings.map((name) => bySpelling.get(name)!.map((touchpoint) => cellOf(touchpoint, 'team')));
      const markdown = spellings.map((name) => bySpelling.get(name)![0]!.place.columnNames !== undefined);
      const described = spellings.map((name, i) => `'${clip(name)}' (${cells(locations[i]!, markdown[i]!)})`);
      const entry = `"teams": { ${JSON.stringify(clip(canonical))}: [${spellings
        .slice(1)
        .map((name) => JSON.stringify(clip(name)))
        .join(', ')}] }`;
      const first = locations[1]![0]!;
      const related = [...locations[0]!.slice(0, 1), ...locations.slice(2).map((list) => list[0]!), ...locations[1]!.slice(1)].slice(0, MAX_RELATED);
      const personas = new Set(spellings.flatMap((name) => bySpelling.get(name)!.map((touchpoint) => touchpoint.persona)));
      reports.push({
        message: `One team is written ${spellings.length} ways: ${listAnd(described)}`,
        fix: `write one name, or merge them in journey.config.json: ${entry}.`,
        location: first,
        related,
        persona: personas.size === 1 ? [...personas][0]! : null,
        stage: null,
        touchpoint: null,
        // The team, however many spellings it has: a new spelling keeps the finding's fingerprint.
        identity: `team ${foldKey(canonical)}`,
      });
    }
    return reports;
  },
});
