import * as z from 'zod';
import { sheetLocation } from '../model/cells.js';
import { foldKey } from '../model/text.js';
import { defineRule, type Report } from './rule.js';
import { clip } from './wording.js';

/** Personas the config expects that an inventory has no rows for. */
export const missingPersona = defineRule({
  id: 'missing-persona',
  description: 'A persona listed in the config with no rows in the inventory',
  defaultSeverity: 'warning',
  summary: 'a persona the config expects with no rows',
  options: z.object({}).strict(),
  docs: {
    why: 'A persona nobody mapped is a whole journey left to chance; listing expected personas in the config makes that gap visible instead of silent.',
    triggers:
      "Each name in the config's `personas` that matches no persona of an audited file (by sheet name, persona column, or file name; case and spacing ignored). Silent when the config lists no personas.",
    fix: "Add the persona's touchpoints (a sheet named after it, or rows with it in the Persona column), or remove it from `personas`; for inventories split one persona per file, ignore this rule per file.",
    example: 'No rows for persona "Admin", which the config expects; add its touchpoints or remove it from personas.',
  },
  check({ model, settings }) {
    const present = new Set(model.personas.map((persona) => foldKey(persona.name)));
    const file = model.files[0];
    if (!file) return [];
    const reports: Report[] = [];
    for (const name of settings.personas) {
      if (present.has(foldKey(name))) continue;
      reports.push({
        message: `No rows for persona "${clip(name)}", which the config expects`,
        fix: 'add its touchpoints or remove it from personas.',
        location: sheetLocation(file.file, null),
        related: [],
        persona: name,
        stage: null,
        touchpoint: null,
      });
    }
    return reports;
  },
});
