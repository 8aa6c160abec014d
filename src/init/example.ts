import type { LoadedFile } from '../load/index.js';

// The README's sample inventory (fixtures/sample-inventory.csv without its planted blank row): two personas,
// stages written once per group, a retired row, a few figures, and the gaps the quick start finds in it,
// among them a misspelled stage. `journey init --example` writes it through the same clean copy as --from.

export const SAMPLE_HEADER = ['Persona', 'Lifecycle stage', 'Touchpoint', 'Owner team', 'Channel', 'Ongoing / Automatic / Manual', 'Inbound / Outbound', 'Day offset', 'Frequency', 'KPI', 'Notes', 'DRI', 'Conversion rate', 'Drop-off', 'Sentiment', 'Pain point', 'Last reviewed', 'Status'];

export const SAMPLE_ROWS: (string | number | null)[][] = [
  ['Practitioner', 'Awareness', 'LinkedIn thought-leadership posts', 'Marketing', 'Social', 'Ongoing', 'Outbound', 0, 'Weekly', 'Impressions'],
  [null, null, 'SEO blog articles', 'Marketing', 'Blog', 'Ongoing', 'Inbound', 0, 'Weekly', 'Organic sessions'],
  [null, 'Consideration', 'Product webinar', 'Marketing', 'Webinar', 'Manual', 'Outbound', 7, 'Monthly', 'Registrations', null, 'Priya', '0.08', null, null, null, '2026-06-01', 'Live'],
  [null, null, 'Printed product brochure', 'Marketing', 'Direct mail', 'Manual', 'Outbound', 8, 'Once', null, 'Replaced by the webinar', 'Priya', null, null, null, null, '2023-01-10', 'Retired'],
  [null, null, 'Pricing page', 'Marketing', 'Website', 'Ongoing', 'Inbound', 10, null, 'Demo requests', null, 'Priya', '3%', '62%', 'Confused', 'Enterprise pricing is hidden behind a form', '2026-06-01', 'Live'],
  [null, 'Decision', 'Live demo call', 'Sales', 'Zoom call', 'Manual', 'Outbound', 14, 'Once', 'Win rate'],
  [null, null, 'Contract signed confirmation', 'Sales', 'E-mail', 'Automatic', 'Outbound', 30, 'Once', null, 'Sent by the CRM'],
  [null, 'Onboarding', 'Kickoff call', 'Customer Success', 'Video call', 'Manual', 'Outbound', 44, 'Once', 'Time to first value', 'Booked when CS has capacity', 'Sam', null, null, 'Delighted', null, '2026-05-12', 'Live'],
  [null, null, 'Welcome email series', 'Customer Success', 'Email', 'Automatic', 'Outbound', 45, 'Daily', 'Activation rate'],
  [null, null, 'Weekly usage tips email', 'Product', 'Email', 'Automatic', 'Outbound', 50, 'Weekly', 'Feature adoption'],
  [null, 'Onbaording', 'Admin setup guide', 'Product', 'Knowledge base', 'Ongoing', 'Inbound', 45, null, null, 'Typo in the stage is planted', 'Lee', null, null, null, null, '2024-09-15', 'Live'],
  [null, 'Adoption', 'Weekly check-in email', 'Customer Success', 'Email', 'Manual', 'Outbound', 60, 'Weekly', 'Reply rate', 'Written by each CSM'],
  [null, null, 'In-app chatbot', 'Support', 'Chatbot', 'Automatic', 'Inbound', 46, null, 'Deflection rate'],
  [null, 'Retention', 'Monthly newsletter', 'Marketing', 'Email', 'Automatic', 'Outbound', 90, 'Monthly', 'Open rate'],
  [null, null, 'Monthly product newsletter', 'Product', 'Email', 'Automatic', 'Outbound', 92, 'Monthly', 'Open rate'],
  [null, null, 'Renewal reminder', 'Customer Success', 'Email', 'Automatic', 'Outbound', 330, 'Once', 'Renewal rate'],
  [null, null, 'Renewal invoice email', 'Finance', 'Email', 'Automatic', 'Outbound', 335, 'Once', 'Paid on time', null, null, null, null, null, null, null, 'Live'],
  [null, 'Expansion', 'Upgrade offer', 'Sales', 'In-app', 'Automatic', 'Outbound', 180, 'Once', 'Upgrade rate'],
  [null, 'Advocacy', 'G2 review request', 'Marketing', 'Review site', 'Automatic', 'Outbound', 200, 'Once', 'Reviews posted'],
  ['Buyer', 'Awareness', 'Retargeting ads', 'Marketing', 'Paid social', 'Automatic', 'Outbound', 0, 'Daily', 'Click-through rate'],
  [null, 'Consideration', 'Case study email', 'Marketing', 'Email', 'Automatic', 'Outbound', 5, 'Once', 'Click-through rate'],
  [null, null, 'ROI calculator', 'Marketing', 'Website', 'Ongoing', 'Inbound', 5, null, 'Completions'],
  [null, 'Decision', 'Proposal call', null, 'Phone', 'Manual', 'Outbound', 12, 'Once', 'Win rate', 'Team not yet agreed'],
  [null, null, 'Security review', 'Sales', 'Video call', 'Manual', 'Outbound', 18, 'Once'],
  [null, 'Retention', 'Quarterly business review', 'Customer Success', 'Video call', 'Manual', 'Outbound', 90, 'Quarterly', 'Renewal rate'],
  [null, 'Expansion', 'Account review email', 'Customer Success', 'Email', 'Manual', 'Outbound', 120, 'Monthly', 'Expansion revenue'],
];

/** The sample as the loader would hand it over. */
export function sampleInventory(file: string): LoadedFile {
  const rows = [SAMPLE_HEADER, ...SAMPLE_ROWS].map((cells, i) => ({ row: i + 1, cells }));
  return { file, kind: 'csv', skipped: [], tables: [{ file, sheet: null, rows }] };
}
