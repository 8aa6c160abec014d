import { RULES } from '../rules/index.js';

/** The commented starter config `journey init-config` writes; every setting is commented out, so it starts as the defaults. */
export function starterConfig(): string {
  const rules = RULES.map((rule) => {
    const options = rule.options.parse({}) as Record<string, unknown>;
    const setting = Object.keys(options).length > 0 ? `["${rule.defaultSeverity}", ${JSON.stringify(options).replace(/,"/g, ', "').replace(/":/g, '": ')}]` : `"${rule.defaultSeverity}"`;
    return `    // "${rule.id}": ${setting},`;
  });
  return `{
  // journey configuration. JSON with comments; editors autocomplete it from the schema below.
  "$schema": "./node_modules/journey/journey.config.schema.json",

  // Per rule: "off", "info", "warning" or "error", or [level, { options }].
  // These are the defaults; uncomment a line to change it. \`journey explain RULE\` describes a rule's options.
  "rules": {
${rules.join('\n')}
  },

  // Teams expected to own touchpoints in each stage (checked by team-fit).
  "stageOwners": {
    // "onboarding": ["Customer Success", "Product"],
    // "decision": ["Sales"]
  },

  // Personas every inventory should have rows for (missing-persona reports the ones with none).
  "personas": [],

  // Extra header names per field, for columns journey does not recognize.
  "columns": {
    // "team": ["Abteilung"],
    // "dropOff": ["Exit rate"]
  },

  // Add channels or synonyms; mark which ones software can send and which ones customers can reach you through.
  "channels": [
    // { "id": "whatsapp", "label": "WhatsApp", "synonyms": ["wa"], "automatable": true, "inbound": true }
  ],

  // Add stages (or synonyms) to the default stage model, or set "replace": true to define your own order.
  // "stages": { "replace": false, "list": [{ "id": "trial", "label": "Free trial", "synonyms": ["poc"], "after": "consideration" }] },

  // Findings to accept, each with a reason. Every field given must match; files are globs relative to this file.
  "ignore": [
    // { "files": ["archive/**"], "rules": ["stale-review"], "reason": "Archived inventories are not maintained" }
  ]
}
`;
}
