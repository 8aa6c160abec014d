// Writes realistic communication inventories for the benchmark, deterministic from a seed:
// 12 columns at the given row counts, as CSV and (with exceljs's streaming writer) as XLSX.
// Usage: node scripts/bench/generate.mjs <out-dir> [--seed N] [--csv 1000,100000] [--xlsx 1000]
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

export const HEADER = ['Persona', 'Stage', 'Touchpoint', 'Team', 'Channel', 'Mode', 'Direction', 'Day', 'Frequency', 'KPI', 'Audience', 'Drop-off'];

const PERSONAS = ['Practitioner', 'Buyer', 'Admin', 'Executive sponsor'];
const STAGES = ['Awareness', 'Consideration', 'Decision', 'Onboarding', 'Adoption', 'Retention', 'Expansion', 'Advocacy'];
const TEAMS = ['Marketing', 'Sales', 'Customer Success', 'Product', 'Support', 'Finance', 'Partnerships'];
const CHANNELS = ['Email', 'In-app', 'Webinar', 'Phone', 'Help center', 'Social'];
const MODES = ['Automatic', 'Manual', 'Ongoing'];
const DIRECTIONS = ['Outbound', 'Inbound'];
const FREQUENCIES = ['Once', 'Weekly', 'Monthly', 'Daily', 'Quarterly', '', 'On signup'];
const KPIS = ['Open rate', 'Activation rate', 'Win rate', 'Renewal rate', 'NPS', 'Reply rate', ''];
// Names are built the way teams name touchpoints: [cadence or audience] topic [format] [qualifier],
// words drawn with a skew toward the common ones, so near-duplicates occur as in real inventories.
const QUALIFIERS = [
  'Monthly',
  'Weekly',
  'Quarterly',
  'Annual',
  'Admin',
  'Executive',
  'New user',
  'Trial',
  'Enterprise',
  'SMB',
  'Partner',
  'Developer',
  'Champion',
  'Inactive user',
  'Power user',
  'Regional',
  'EMEA',
  'APAC',
  'Americas',
  'Beta',
  'Premium',
  'Free plan',
  'Team lead',
  'Finance',
  'IT',
  'Security',
  'Procurement',
  'Renewal',
  'Expansion',
  'Welcome',
  'Win-back',
  'Loyalty',
  'VIP',
  'Onboarding',
  'First week',
  'Day one',
];
const TOPICS = [
  'product update',
  'feature launch',
  'setup',
  'integration',
  'API',
  'billing',
  'invoice',
  'pricing',
  'security review',
  'compliance',
  'roadmap',
  'usage',
  'health score',
  'adoption',
  'best practices',
  'tips',
  'case study',
  'customer story',
  'ROI',
  'benchmark',
  'migration',
  'data import',
  'SSO',
  'permissions',
  'reporting',
  'dashboard',
  'mobile app',
  'automation',
  'workflow',
  'templates',
  'certification',
  'training',
  'office hours',
  'community',
  'referral',
  'review',
  'survey',
  'NPS',
  'feedback',
  'contract',
  'renewal',
  'upgrade',
  'add-on',
  'seat expansion',
  'trial',
  'demo',
  'proposal',
  'kickoff',
  'handover',
  'success plan',
  'QBR',
  'EBR',
  'escalation',
  'outage',
  'maintenance',
  'release notes',
  'webinar recap',
  'event',
  'conference',
  'meetup',
  'podcast',
  'whitepaper',
  'ebook',
  'checklist',
  'guide',
  'playbook',
  'newsletter',
  'digest',
  'announcement',
  'reminder',
  'invitation',
  'confirmation',
  'receipt',
  'password reset',
  'account',
  'profile',
  'getting started',
  'quick start',
  'sandbox',
  'pilot',
  'evaluation',
  'comparison',
  'pricing calculator',
  'savings',
  'audit',
  'policy',
];
const FORMATS = [
  'email',
  'call',
  'guide',
  'video',
  'webinar',
  'session',
  'article',
  'message',
  'banner',
  'tour',
  'checklist',
  'report',
  'sequence',
  'series',
  'post',
  'ad',
  'page',
  'notification',
  'meeting',
  'workshop',
  'letter',
  'kit',
  'bundle',
  'alert',
];
const SUFFIXES = ['v2', 'for admins', 'for champions', 'part 2', '(EMEA)', '(APAC)', 'follow-up', 'reminder', 'refresh', '2026'];
const UNICODE = ['Bienvenue à bord', 'Überblick für Admins', 'Café con el equipo', 'お知らせ メール', 'Ελληνικά νέα'];

/** mulberry32: a small, fast PRNG with a 32-bit state, so the same seed gives the same file everywhere. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The rows of an inventory of `count` touchpoints. */
export function* inventoryRows(count, seed) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  // Squaring the draw favours the start of a list: a few words are common, most are rare.
  const skewed = (list) => list[Math.floor(next() * next() * list.length)];
  for (let i = 0; i < count; i++) {
    const stageIndex = Math.floor(next() * STAGES.length);
    const parts = [next() < 0.6 ? skewed(QUALIFIERS) : '', skewed(TOPICS), next() < 0.8 ? skewed(FORMATS) : '', next() < 0.15 ? pick(SUFFIXES) : ''];
    const words = parts.filter(Boolean).join(' ');
    // One name in fifty is non-ASCII, so the readers' text decoding is exercised at every size.
    const text = next() < 0.02 ? `${pick(UNICODE)} ${words}` : words;
    const name = text.replace(/^./, (c) => c.toUpperCase());
    yield [
      pick(PERSONAS),
      STAGES[stageIndex],
      name,
      pick(TEAMS),
      pick(CHANNELS),
      pick(MODES),
      pick(DIRECTIONS),
      stageIndex * 30 + Math.floor(next() * 30),
      pick(FREQUENCIES),
      pick(KPIS),
      Math.floor(next() * 50000),
      // Drop-off is known for half the rows, mostly 0–30%, sometimes worse.
      next() < 0.5 ? '' : `${Math.round(next() * next() * 600) / 10}%`,
    ];
  }
}

const quote = (value) => (/[",\n\r]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));

/** Writes a CSV inventory, streaming. */
export async function writeCsv(path, count, seed) {
  const out = createWriteStream(path);
  let chunk = `${HEADER.join(',')}\n`;
  for (const row of inventoryRows(count, seed)) {
    chunk += `${row.map(quote).join(',')}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** Writes an XLSX inventory with exceljs's streaming writer (shared strings, as Excel saves them). */
export async function writeXlsx(path, count, seed) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('Inventory');
  sheet.addRow(HEADER).commit();
  for (const row of inventoryRows(count, seed)) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const out = args[0] ?? 'bench-data';
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at === -1 ? fallback : args[at + 1];
  };
  const seed = Number(option('--seed', '20261125'));
  const sizes = (text) => (text === '' ? [] : text.split(',').map(Number));
  mkdirSync(out, { recursive: true });
  for (const count of sizes(option('--csv', '1000,100000,1000000'))) await writeCsv(join(out, `inventory-${count}.csv`), count, seed);
  for (const count of sizes(option('--xlsx', '1000,100000'))) await writeXlsx(join(out, `inventory-${count}.xlsx`), count, seed);
}
