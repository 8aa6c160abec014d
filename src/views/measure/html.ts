import { htmlText, shorten } from '../../escape.js';
import type { MeasureResult } from '../../measure/result.js';
import { findingPlace } from './text.js';

const h = (text: string) => htmlText(text);
const count = (n: number) => n.toLocaleString('en-US');
const pct = (value: number | null | undefined) => (value === null || value === undefined ? '–' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`);
const hours = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : value >= 48 ? `${(value / 24).toFixed(1)} d` : `${value.toFixed(1)} h`;

/** Steps of a route the Sankey draws; a longer route shows its first steps and then how many more it has. */
const SANKEY_DEPTH = 6;
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

interface SankeyNode {
  column: number;
  label: string;
  users: number;
  y: number;
  height: number;
  inOffset: number;
  outOffset: number;
}

/**
 * A Sankey of the top routes: one column per step, every route of the top list a band as wide as its users,
 * and the users of every other route as one band into "other routes", so every user is drawn.
 */
export function sankeySvg(result: MeasureResult): string {
  const routes = result.variants.top.map((variant) => {
    const steps = variant.steps.length === 0 ? ['(no touchpoint)'] : variant.steps.slice(0, SANKEY_DEPTH);
    if (variant.steps.length > SANKEY_DEPTH) steps[SANKEY_DEPTH - 1] = `… ${variant.steps.length - SANKEY_DEPTH + 1} more steps`;
    return { steps, users: variant.users };
  });
  if (result.variants.other.users > 0)
    routes.push({ steps: [`other routes (${count(result.variants.other.variants)} variants)`], users: result.variants.other.users });
  const total = routes.reduce((sum, r) => sum + r.users, 0);
  if (total === 0) return '<p>No routes.</p>';
  const columns = Math.max(1, ...routes.map((r) => r.steps.length));
  const width = 1100;
  const height = 420;
  const nodeWidth = 14;
  const gap = 10;
  const columnX = (column: number) => 10 + (columns === 1 ? 0 : (column * (width - 200 - nodeWidth)) / (columns - 1));
  const nodes = new Map<string, SankeyNode>();
  for (const r of routes) {
    r.steps.forEach((label, column) => {
      const key = `${column}\u0000${label}`;
      const node = nodes.get(key) ?? { column, label, users: 0, y: 0, height: 0, inOffset: 0, outOffset: 0 };
      node.users += r.users;
      nodes.set(key, node);
    });
  }
  const maxGaps = Math.max(...Array.from({ length: columns }, (_, c) => [...nodes.values()].filter((n) => n.column === c).length - 1));
  const scale = (height - 20 - maxGaps * gap) / total;
  for (let c = 0; c < columns; c++) {
    let y = 10;
    for (const node of [...nodes.values()].filter((n) => n.column === c).sort((a, b) => b.users - a.users)) {
      node.y = y;
      node.height = Math.max(1, node.users * scale);
      y += node.height + gap;
    }
  }
  const parts: string[] = [];
  routes.forEach((r, index) => {
    const color = PALETTE[index % PALETTE.length]!;
    const band = Math.max(1, r.users * scale);
    for (let c = 0; c + 1 < r.steps.length; c++) {
      const from = nodes.get(`${c}\u0000${r.steps[c]}`)!;
      const to = nodes.get(`${c + 1}\u0000${r.steps[c + 1]}`)!;
      const x0 = columnX(c) + nodeWidth;
      const x1 = columnX(c + 1);
      const y0 = from.y + from.outOffset;
      const y1 = to.y + to.inOffset;
      from.outOffset += band;
      to.inOffset += band;
      const mid = (x0 + x1) / 2;
      parts.push(
        `<path d="M${x0},${y0} C${mid},${y0} ${mid},${y1} ${x1},${y1} L${x1},${y1 + band} C${mid},${y1 + band} ${mid},${y0 + band} ${x0},${y0 + band} Z" fill="${color}" fill-opacity="0.45"><title>${h(`${count(r.users)} users: ${r.steps.join(' → ')}`)}</title></path>`,
      );
    }
  });
  for (const node of nodes.values()) {
    const x = columnX(node.column);
    parts.push(
      `<rect x="${x}" y="${node.y}" width="${nodeWidth}" height="${node.height}" fill="#333"><title>${h(`${node.label}: ${count(node.users)} users`)}</title></rect>`,
    );
    parts.push(
      `<text x="${x + nodeWidth + 4}" y="${node.y + node.height / 2}" dominant-baseline="middle" font-size="12">${h(shorten(node.label, 40))} (${count(node.users)})</text>`,
    );
  }
  return `<svg class="sankey" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="Top routes as a Sankey diagram">${parts.join('')}</svg>`;
}

function funnelHtml(result: MeasureResult): string {
  if (!result.funnel) return '';
  const first = result.funnel[0]?.users ?? 0;
  const rows = result.funnel
    .map((step, i) => {
      const width = first > 0 ? (step.users / first) * 100 : 0;
      return `<tr><td>${i + 1}. ${h(step.step)}</td><td class="bar"><div style="width:${width.toFixed(2)}%"></div></td><td>${count(step.users)}</td><td>${pct(step.conversion)}</td><td>${i === 0 ? '' : `${pct(step.fromPrevious)}, median ${hours(step.medianHoursFromPrevious)}`}</td><td>${count(step.dropped)}</td><td>${count(step.open)}</td></tr>`;
    })
    .join('');
  return `<h2>Funnel${result.window ? ` within ${h(result.window)}` : ''}</h2><table class="funnel"><thead><tr><th>Step</th><th></th><th>Users</th><th>Conversion</th><th>From previous</th><th>Stop here</th><th>Window open</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The HTML page: the funnel, a Sankey of the top routes, and every touchpoint with its measured reach and drop-off. */
export function measureHtml(result: MeasureResult): string {
  const conversion = result.goal !== null;
  const touchpoints = result.touchpoints
    .map(
      (tp) =>
        `<tr${tp.users === 0 ? ' class="unreached"' : ''}><td>${h(tp.name)}${tp.goal ? ' <em>(goal)</em>' : ''}</td><td>${h(tp.stage ?? '')}</td><td class="bar"><div style="width:${(tp.share * 100).toFixed(2)}%"></div></td><td>${count(tp.users)}</td><td>${pct(tp.share)}</td><td>${pct(tp.dropOff)}</td>${conversion ? `<td>${pct(tp.conversion)}</td>` : ''}<td>${hours(tp.medianHoursToNext)}</td></tr>`,
    )
    .join('');
  const excluded = result.excluded
    .map((e) => `<li>${count(e.rows)} rows ${h(e.reason)}${e.example ? ` (e.g. “${h(shorten(e.example, 60))}”)` : ''}</li>`)
    .join('');
  const findings = result.findings
    .map(
      (f) => `<li class="${f.severity}"><strong>${f.severity}</strong> ${h(findingPlace(f))}: ${h(`${f.message}; ${f.fix}`)} <code>${h(f.ruleId)}</code></li>`,
    )
    .join('');
  const inventory = result.inventory
    ? `<h2>Against the inventory</h2><p>${result.inventory.matched} of ${result.inventory.planned} planned touchpoints are reached.${result.inventory.unreached.length > 0 ? ` Unreached: ${result.inventory.unreached.map(h).join(', ')}.` : ''}</p>${
        result.inventory.unplannedEvents.length > 0
          ? `<p>Unplanned events: ${result.inventory.unplannedEvents.map((e) => `${h(e.event)} (${count(e.users)} users)`).join(', ')}${result.inventory.unplannedCount > result.inventory.unplannedEvents.length ? `, and ${result.inventory.unplannedCount - result.inventory.unplannedEvents.length} more` : ''}.</p>`
          : ''
      }`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Measured journey: ${h(result.file)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#222;max-width:1200px}
table{border-collapse:collapse;margin:8px 0 20px}td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}td:first-child,th:first-child{text-align:left}
td.bar{width:240px}td.bar div{background:#4e79a7;height:12px;min-width:1px}tr.unreached td{color:#b00}
li.warning strong{color:#b35c00}li.error strong{color:#b00}li.info strong{color:#2a6}
</style></head><body>
<h1>Measured journey</h1>
<p>${h(result.file)}: ${count(result.events)} events of ${count(result.users)} users, ${h(result.first ?? '–')} to ${h(result.last ?? '–')}. Columns: user <code>${h(result.columns.user)}</code>, time <code>${h(result.columns.time)}</code>, event <code>${h(result.columns.event)}</code>.</p>
${excluded ? `<ul>${excluded}</ul>` : ''}
${funnelHtml(result)}
<h2>Top routes</h2><p>${count(result.variants.count)} variants; every user is drawn, the routes past the top ${result.variants.top.length} as “other routes”.</p>
${sankeySvg(result)}
<h2>Touchpoints</h2><table><thead><tr><th>Touchpoint</th><th>Stage</th><th></th><th>Users</th><th>Share</th><th>Drop-off</th>${conversion ? '<th>Conversion</th>' : ''}<th>Median to next</th></tr></thead><tbody>${touchpoints}</tbody></table>
${inventory}
${findings ? `<h2>Findings</h2><ul>${findings}</ul>` : ''}
</body></html>
`;
}
