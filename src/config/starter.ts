import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { RULES } from '../rules/index.js';
import { PACKAGE_NAME, journeyVersion } from '../version.js';

/** The config schema as published with this version of the package (served by unpkg from the npm registry). */
export function schemaUrl(): string {
  return `https://unpkg.com/${PACKAGE_NAME}@${journeyVersion()}/journey.config.schema.json`;
}

/**
 * The $schema for a config written in `folder`: the installed package's schema by a path relative to
 * the config when journey-audit is in a node_modules above it (editors read it offline, and it follows
 * upgrades), else the published URL, which works with no local install (a global one, npx).
 */
export function schemaReference(folder: string): string {
  for (let at = resolve(folder); ; at = dirname(at)) {
    const installed = join(at, 'node_modules', PACKAGE_NAME, 'journey.config.schema.json');
    if (existsSync(installed)) {
      const path = relative(resolve(folder), installed).split(sep).join('/');
      return path.startsWith('.') ? path : `./${path}`;
    }
    if (dirname(at) === at) return schemaUrl();
  }
}

/** The commented starter config `journey init-config` writes; every setting is commented out, so it starts as the defaults. */
export function starterConfig(schema: string = schemaUrl()): string {
  const rules = RULES.map((rule) => {
    const options = rule.options.parse({}) as Record<string, unknown>;
    const setting =
      Object.keys(options).length > 0
        ? `["${rule.defaultSeverity}", ${JSON.stringify(options).replace(/,"/g, ', "').replace(/":/g, '": ')}]`
        : `"${rule.defaultSeverity}"`;
    return `    // "${rule.id}": ${setting},`;
  });
  return `{
  // journey configuration. JSON with comments; editors autocomplete it from the schema below.
  "$schema": ${JSON.stringify(schema)},

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

  // journey measure --inventory: the events of an event log that are each touchpoint (an event name or COLUMN=value,
  // or a list); for a touchpoint named here, these win over its Event cell.
  "events": {
    // "Pricing page": "page=/pricing",
    // "Sign-up form": ["signup", "signup_sso"]
  },

  // Findings to accept, each with a reason. Every field given must match; files are globs relative to this file.
  "ignore": [
    // { "files": ["archive/**"], "rules": ["stale-review"], "reason": "Archived inventories are not maintained" }
  ]
}
`;
}
