// Writes the sample inventories in fixtures/ (run: node scripts/make-fixtures.mjs).
// The xlsx is written with exceljs the way a team's workbook looks: a title row, merged stage cells,
// two persona sheets and a notes sheet. The csv holds the same rows with a persona column.
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importTypeScript } from './import-ts.mjs';

// The sample's columns are journey init --example's, written once in src/init/example.ts.
const { SAMPLE_COLUMNS: HEADER } = await importTypeScript(resolve(import.meta.dirname, '..'), 'src/init/example.ts');

// [stage, touchpoint, team, channel, mode, direction, day, frequency, kpi, notes, dri?, conversion?, drop-off?, sentiment?, pain point?, last reviewed?, status?]
// Rows are padded to the header's width below; the later columns are filled only where a gap is planted.
const PRACTITIONER = [
  ['Awareness', 'LinkedIn thought-leadership posts', 'Marketing', 'Social', 'Ongoing', 'Outbound', 0, 'Weekly', 'Impressions', ''],
  ['Awareness', 'SEO blog articles', 'Marketing', 'Blog', 'Ongoing', 'Inbound', 0, 'Weekly', 'Organic sessions', ''],
  [
    'Consideration',
    'Product webinar',
    'Marketing',
    'Webinar',
    'Manual',
    'Outbound',
    7,
    'Monthly',
    'Registrations',
    '',
    'Priya',
    0.08,
    '',
    '',
    '',
    '2026-06-01',
    'Live',
  ],
  [
    'Consideration',
    'Printed product brochure',
    'Marketing',
    'Direct mail',
    'Manual',
    'Outbound',
    8,
    'Once',
    '',
    'Replaced by the webinar',
    'Priya',
    '',
    '',
    '',
    '',
    '2023-01-10',
    'Retired',
  ],
  [
    'Consideration',
    'Pricing page',
    'Marketing',
    'Website',
    'Ongoing',
    'Inbound',
    10,
    '',
    'Demo requests',
    '',
    'Priya',
    '3%',
    '62%',
    'Confused',
    'Enterprise pricing is hidden behind a form',
    '2026-06-01',
    'Live',
  ],
  ['Decision', 'Live demo call', 'Sales', 'Zoom call', 'Manual', 'Outbound', 14, 'Once', 'Win rate', ''],
  ['Decision', 'Contract signed confirmation', 'Sales', 'E-mail', 'Automatic', 'Outbound', 30, 'Once', '', 'Sent by the CRM'],
  [
    'Onboarding',
    'Kickoff call',
    'Customer Success',
    'Video call',
    'Manual',
    'Outbound',
    44,
    'Once',
    'Time to first value',
    'Booked when CS has capacity',
    'Sam',
    '',
    '',
    'Delighted',
    '',
    '2026-05-12',
    'Live',
  ],
  ['Onboarding', 'Welcome email series', 'Customer Success', 'Email', 'Automatic', 'Outbound', 45, 'Daily', 'Activation rate', ''],
  ['Onboarding', 'Weekly usage tips email', 'Product', 'Email', 'Automatic', 'Outbound', 50, 'Weekly', 'Feature adoption', ''],
  [
    'Onbaording',
    'Admin setup guide',
    'Product',
    'Knowledge base',
    'Ongoing',
    'Inbound',
    45,
    '',
    '',
    'Typo in the stage is planted',
    'Lee',
    '',
    '',
    '',
    '',
    '2024-09-15',
    'Live',
  ],
  ['Adoption', 'Weekly check-in email', 'Customer Success', 'Email', 'Manual', 'Outbound', 60, 'Weekly', 'Reply rate', 'Written by each CSM'],
  ['Adoption', 'In-app chatbot', 'Support', 'Chatbot', 'Automatic', 'Inbound', 46, '', 'Deflection rate', ''],
  ['Retention', 'Monthly newsletter', 'Marketing', 'Email', 'Automatic', 'Outbound', 90, 'Monthly', 'Open rate', ''],
  ['Retention', 'Monthly product newsletter', 'Product', 'Email', 'Automatic', 'Outbound', 92, 'Monthly', 'Open rate', ''],
  ['Retention', 'Renewal reminder', 'Customer Success', 'Email', 'Automatic', 'Outbound', 330, 'Once', 'Renewal rate', ''],
  ['Retention', 'Renewal invoice email', 'Finance', 'Email', 'Automatic', 'Outbound', 335, 'Once', 'Paid on time', '', '', '', '', '', '', '', 'Live'],
  ['Expansion', 'Upgrade offer', 'Sales', 'In-app', 'Automatic', 'Outbound', 180, 'Once', 'Upgrade rate', ''],
  ['Advocacy', 'G2 review request', 'Marketing', 'Review site', 'Automatic', 'Outbound', 200, 'Once', 'Reviews posted', ''],
];

const BUYER = [
  ['Awareness', 'Retargeting ads', 'Marketing', 'Paid social', 'Automatic', 'Outbound', 0, 'Daily', 'Click-through rate', ''],
  ['Consideration', 'Case study email', 'Marketing', 'Email', 'Automatic', 'Outbound', 5, 'Once', 'Click-through rate', ''],
  ['Consideration', 'ROI calculator', 'Marketing', 'Website', 'Ongoing', 'Inbound', 5, '', 'Completions', ''],
  ['Decision', 'Proposal call', '', 'Phone', 'Manual', 'Outbound', 12, 'Once', 'Win rate', 'Team not yet agreed'],
  ['Decision', 'Security review', 'Sales', 'Video call', 'Manual', 'Outbound', 18, 'Once', '', ''],
  null, // a blank row left inside the table
  ['Retention', 'Quarterly business review', 'Customer Success', 'Video call', 'Manual', 'Outbound', 90, 'Quarterly', 'Renewal rate', ''],
  ['Expansion', 'Account review email', 'Customer Success', 'Email', 'Manual', 'Outbound', 120, 'Monthly', 'Expansion revenue', ''],
];

function addPersonaSheet(workbook, persona, rows, titleRows, header = HEADER) {
  const sheet = workbook.addWorksheet(persona);
  for (const title of titleRows) sheet.addRow([title]);
  const headerRow = sheet.addRow(header);
  headerRow.font = { bold: true };
  const first = headerRow.number + 1;
  rows.forEach((row) => sheet.addRow(row ?? []));
  // Merge each run of equal stage cells, as teams do, leaving only the top cell filled.
  let start = first;
  for (let r = first + 1; r <= first + rows.length; r++) {
    // A blank row ends a run too, so the merge never spans it.
    const done = r === first + rows.length || rows[r - first] === null || sheet.getCell(`A${r}`).value !== sheet.getCell(`A${start}`).value;
    if (!done) continue;
    if (r - 1 > start) {
      for (let m = start + 1; m <= r - 1; m++) sheet.getCell(`A${m}`).value = null;
      sheet.mergeCells(`A${start}:A${r - 1}`);
    }
    start = r;
  }
  sheet.columns.forEach((column, i) => (column.width = i === 1 ? 34 : 16));
}

const workbook = new ExcelJS.Workbook();
workbook.creator = 'journey fixtures';
workbook.created = new Date(Date.UTC(2026, 0, 1));
workbook.modified = workbook.created;
addPersonaSheet(workbook, 'Practitioner', PRACTITIONER, ['Communication inventory: Practitioner', 'Owner: Lifecycle marketing · reviewed quarterly', '']);
addPersonaSheet(workbook, 'Buyer', BUYER, ['Communication inventory: Buyer', '']);
const notes = workbook.addWorksheet('Notes');
notes.addRow(['How to use this workbook']);
notes.addRow(['One row per touchpoint. Write the stage once per group; day offsets count from the first touch.']);
await workbook.xlsx.writeFile('fixtures/sample-inventory.xlsx');

// The future state of the same journey, for journey diff: every kind of change is planted once
// (tests/e2e/diff.test.ts asserts each). Columns by index: 0 stage, 1 touchpoint, 2 team, 3 channel,
// 4 mode, 5 direction, 6 day, 7 frequency, 11 conversion, 12 drop-off, 16 status, 17 NPS (a new column).
const FUTURE_HEADER = [...HEADER, 'NPS'];
const pad = (row) => [...row, ...Array(FUTURE_HEADER.length - row.length).fill('')];
function future(rows, edits) {
  const out = rows.map((row) => (row === null ? null : pad(row)));
  for (const [name, change] of Object.entries(edits)) {
    const at = out.findIndex((row) => row?.[1] === name);
    if (at === -1) throw new Error(`no row "${name}"`);
    if (change === 'remove') out.splice(at, 1);
    else for (const [column, value] of Object.entries(change)) out[at][column] = value;
  }
  return out;
}
const FUTURE_PRACTITIONER = future(PRACTITIONER, {
  'LinkedIn thought-leadership posts': { 7: 'Daily' }, // frequency
  'Pricing page': { 11: '5%', 12: '40%' }, // conversion and drop-off
  'Kickoff call': { 6: 33, 17: 40 }, // timing moved 11 days earlier (the Sales → CS handoff lag 14 → 3), NPS added
  'Weekly usage tips email': { 1: 'Weekly product tips email' }, // renamed (same stage, similar name)
  'Admin setup guide': { 0: 'Onboarding' }, // the stage typo fixed
  'Weekly check-in email': { 4: 'Automatic' }, // automation done
  'In-app chatbot': { 0: 'Onboarding' }, // moved to another stage
  'Monthly product newsletter': 'remove', // the duplicate newsletter retired
  'Renewal reminder': { 1: 'Renewal reminder email', 6: 300 }, // renamed and 30 days earlier
  'Renewal invoice email': { 2: 'Customer Success' }, // ownership passed to another team
  'Upgrade offer': { 3: 'Email', 5: 'Inbound' }, // channel and direction
  'G2 review request': 'remove', // Advocacy loses all coverage
});
// A row inserted above all others: every row below moves down and must still match.
FUTURE_PRACTITIONER.unshift(pad(['Awareness', 'Product Hunt launch', 'Marketing', 'Social', 'Manual', 'Outbound', 0, 'Once', 'Upvotes', '']));
// The Buyer sheet re-sorted (rows reordered) and one onboarding touchpoint added: a stage gains coverage.
const FUTURE_BUYER = [BUYER[2], BUYER[1], BUYER[0], BUYER[4], BUYER[3], null, BUYER[6], BUYER[7]].map((row) => (row === null ? null : pad(row)));
FUTURE_BUYER.splice(
  5,
  0,
  pad([
    'Onboarding',
    'Executive onboarding call',
    'Customer Success',
    'Video call',
    'Manual',
    'Outbound',
    25,
    'Once',
    'Time to first value',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    'Planned',
  ]),
);
// A persona that exists only in the future state, all of it planned.
const FUTURE_ADMIN = [
  pad(['Onboarding', 'Admin console tour', 'Product', 'In-app', 'Automatic', 'Outbound', 1, 'Once', 'Setup completion', '', '', '', '', '', '', '', 'Planned']),
  pad(['Onboarding', 'Admin help center', 'Support', 'Knowledge base', 'Ongoing', 'Inbound', 1, '', 'Deflection rate', '', '', '', '', '', '', '', 'Planned']),
];
const futureBook = new ExcelJS.Workbook();
futureBook.creator = 'journey fixtures';
futureBook.created = new Date(Date.UTC(2026, 0, 1));
futureBook.modified = futureBook.created;
addPersonaSheet(futureBook, 'Practitioner', FUTURE_PRACTITIONER, ['Communication inventory: Practitioner (future state)', ''], FUTURE_HEADER);
addPersonaSheet(futureBook, 'Buyer', FUTURE_BUYER, ['Communication inventory: Buyer (future state)', ''], FUTURE_HEADER);
addPersonaSheet(futureBook, 'Admin', FUTURE_ADMIN, ['Communication inventory: Admin (planned)', ''], FUTURE_HEADER);
await futureBook.xlsx.writeFile('fixtures/sample-future.xlsx');

const quote = (value) => (/[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));
const lines = [['Persona', ...HEADER].map(quote).join(',')];
for (const [persona, rows] of [
  ['Practitioner', PRACTITIONER],
  ['Buyer', BUYER],
]) {
  let previousStage = null;
  rows.forEach((row, i) => {
    if (row === null) {
      lines.push(','.repeat(HEADER.length));
      return;
    }
    // Stage and persona written once per group, as inventories often do.
    const stage = row[0] === previousStage ? '' : row[0];
    previousStage = row[0];
    lines.push([i === 0 ? persona : '', stage, ...row.slice(1)].map(quote).join(','));
  });
}
writeFileSync('fixtures/sample-inventory.csv', `${lines.join('\r\n')}\r\n`);

// Markdown inventories as teams keep them in docs and wikis, each in its author's style: read by src/load/markdown.ts.
mkdirSync('fixtures/shapes', { recursive: true });

// A playbook: two persona headings, a table under each, prose and a code sample between them.
writeFileSync(
  'fixtures/shapes/playbook.md',
  `# Customer communication playbook

Owner: Lifecycle marketing. Reviewed every quarter; edit the tables, not the prose.

## Trial user

Everything a trial user hears from us in the first month.

| Stage | Touchpoint | Channel | Team | Mode | Day |
|-------|------------|---------|------|------|----:|
| Onboarding | Welcome email | Email | Marketing | Automatic | 0 |
| Onboarding | Product tour | In-app | Product | Automatic | 1 |
| Onboarding | Setup checklist email | Email | Marketing | Automatic | 3 |
| Adoption | Feature tips email | Email | Product | Automatic | 10 |
| Adoption | Trial ending reminder | Emial | Marketing | Automatic | 12 |
| Decision | Upgrade call | Phone | Sales | Manual | 13 |

\`\`\`
| Stage | Touchpoint | Channel |
|---|---|---|
| Example | Not a row | Email |
\`\`\`

## Paying customer

| Stage | Touchpoint | Channel | Team | Mode | Day |
| --- | --- | --- | --- | --- | --- |
| Retention | Monthly newsletter | Email | Marketing | Automatic | 30 |
| Retention | Quarterly business review | Video call | Customer Success | Manual | 90 |
| Expansion | Upgrade offer | In-app | Sales | Automatic | 180 |
| Advocacy | Review request | Email | Marketing | Automatic | 200 |
`,
);

// A wiki page: a table of tools and a table of contacts around the inventory, setext headings, no leading pipes.
writeFileSync(
  'fixtures/shapes/wiki-journey.md',
  `Onboarding journey (wiki)
=========================

Tools we use
------------

Tool | Used for | Licence owner
--- | --- | ---
HubSpot | Email sends | Marketing ops
Intercom | In-app messages | Product

SMB admin
---------

Lifecycle stage | Touchpoint name | Channel | Owner team | Inbound / Outbound | Day offset
:-- | :-- | :-: | :-- | :-: | --:
Onboarding | Kickoff call | Video call | Customer Success | Outbound | 2
Onboarding | Admin setup guide | Knowledge base | Product | Inbound | 2
Onboarding | Welcome email | Email | Customer Success | Outbound | 0
Adoption | Weekly check-in email | Email | Customer Success | Outbound | 14
Retention | Renewal reminder | Email | Customer Success | Outbound | 330

Contacts
--------

| Name | Role |
|---|---|
| Priya | Marketing lead |
| Sam | CS lead |
`,
);

// A table with markdown inside its cells: links, code, emphasis, an escaped pipe and a line break.
writeFileSync(
  'fixtures/shapes/linked-cells.md',
  `# Developer onboarding touchpoints

> Source of truth for the docs team; links go to each template.

| Stage | Touchpoint | Channel | Team | Notes |
|:------|:-----------|:--------|:-----|:------|
| **Onboarding** | [Welcome email](https://example.com/templates/welcome) | Email | Developer Relations | Template \`welcome_v2\` |
| Onboarding | [API key ready](https://example.com/templates/key) notice | *Email* | Developer Relations | Sent when \`POST /keys\` succeeds |
| Adoption | Changelog digest | Email | Product | Weekly \\| opt-out in settings |
| Adoption | Office hours invite | Webinar | Developer Relations | First Tuesday<br>of each month |
`,
);

// Shapes of inventories teams keep without a lifecycle stage column, or with stages of their own.
// A timeline: an onboarding drip kept as Day | Touchpoint | Channel | Owner (the persona is the file name).
writeFileSync(
  'fixtures/shapes/onboarding-drip.csv',
  [
    'Day,Touchpoint,Channel,Owner',
    '0,Welcome email,Email,Lifecycle Marketing',
    '0,Account activation SMS,SMS,Lifecycle Marketing',
    '1,Getting started guide,Email,Lifecycle Marketing',
    '2,Product tour nudge,Push,Product',
    '3,Kickoff call,Video call,Customer Success',
    '4,Integration checklist,Email,Customer Success',
    '5,Webinar invite,Email,Lifecycle Marketing',
    '7,First-week recap,Email,Lifecycle Marketing',
    '45,Check-in call,Phone,Customer Success',
    '60,NPS survey,Survey,Product',
    '',
  ].join('\r\n'),
);

// Timings written where a stage goes: a support team's sequence, weeks and months in the "Stage" column.
writeFileSync(
  'fixtures/shapes/timings-as-stages.csv',
  [
    'stage;touchpoint;channel;team;notes',
    'Day 0;Order confirmation;Email;Ops;Transactional',
    ';Delivery tracking link;SMS;Ops;',
    'Week 1;How to set up your device;Email;Support;',
    'Week 2;Setup help call;Phone;Support;Only for premium',
    'Month 1;Satisfaction survey;Survey;CX;',
    'Month 3;Accessory offer;Email;Marketing;',
    'Ongoing;Help center;Help center;Support;Always available',
    '',
  ].join('\n'),
);

// A file's own stages: a hotel's service-design phases (several would fall on one lifecycle stage).
writeFileSync(
  'fixtures/shapes/hotel-service-design.csv',
  [
    'Phase,Touchpoint,Channel,Team,Day,Direction',
    'Search,Metasearch listing,Paid ads,Marketing,0,Outbound',
    'Search,Hotel website,Website,Marketing,0,Inbound',
    'Booking,Room selection page,Website,E-commerce,1,Inbound',
    'Booking,Booking chat,Chat,Reservations,1,Both',
    'Payment,Payment page,Website,E-commerce,1,Inbound',
    'Payment,Booking confirmation email,Email,Reservations,1,Outbound',
    'Pre-arrival,Pre-arrival email,Email,Guest Relations,12,Outbound',
    'Check-in,Front desk welcome,In person,Front Office,14,Both',
    'Stay,Room service menu,In-app,F&B,14,Inbound',
    'Check-out,Invoice email,Email,Front Office,16,Outbound',
    'Check-out,Review request,Email,Guest Relations,18,Outbound',
    '',
  ].join('\r\n'),
);

// A win-back ladder kept in a wiki page: At risk → Lapsed → Dormant → Lost.
writeFileSync(
  'fixtures/shapes/winback-ladder.md',
  `# Win-back program

Owned by Retention. Stages follow the customer's last purchase.

## Subscriber

| Stage | Touchpoint | Channel | Owner | Day |
| --- | --- | --- | --- | --- |
| At risk | Usage drop alert | Email | Retention Marketing | 0 |
| At risk | CSM check-in | Phone | Customer Success | 3 |
| Lapsed | We miss you | Email | Retention Marketing | 30 |
| Lapsed | Comeback offer | SMS | Retention Marketing | 45 |
| Dormant | Reactivation survey | Survey | Insights | 90 |
| Lost | Exit interview | Phone | Customer Success | 120 |
`,
);

// A named stage model: a retailer's journey in awareness, consideration, acquisition, service, loyalty, pinned in its config.
mkdirSync('fixtures/shapes/acasl', { recursive: true });
writeFileSync('fixtures/shapes/acasl/journey.config.json', `${JSON.stringify({ stageModel: 'acasl' }, null, 2)}\n`);
writeFileSync(
  'fixtures/shapes/acasl/retail-journey.csv',
  [
    'Journey stage,Touchpoint,Channel,Team,Day',
    'Awareness,Instagram ads,Paid ads,Marketing,0',
    'Consideration,Product comparison page,Website,E-commerce,2',
    'Acquisition,Checkout,Website,E-commerce,3',
    'Acquisition,Order confirmation,Email,E-commerce,3',
    'Service,Delivery notification,SMS,Logistics,5',
    'Service,Returns portal,Website,Customer Service,10',
    'Loyalty,Loyalty points email,Email,CRM,30',
    '',
  ].join('\r\n'),
);
// Other teams' shapes (emotions, grids, no channel column, non-inventories...): scripts/fixtures/shapes.mjs.
await import('./fixtures/shapes.mjs');
await import('./fixtures/reading.mjs');
await import('./fixtures/reading-values.mjs');
// Files journey refuses, and folders of inventories beside docs: scripts/fixtures/dead-ends.mjs.
await import('./fixtures/dead-ends.mjs');
// A trial-sized workbook with the gaps its author knows: scripts/fixtures/trial.mjs.
await import('./fixtures/trial.mjs');
// Event logs for journey measure: scripts/fixtures/measure.mjs.
await import('./fixtures/measure.mjs');
// A trial-sized workbook (three personas of 42 to 50 touchpoints) for the map's browser tests: scripts/fixtures/map-trial.mjs.
await import('./fixtures/map-trial.mjs');
