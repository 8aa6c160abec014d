// Renders a JourneyMap as one self-contained HTML file: inline CSS, script and icons, no request of any kind
// (the Content-Security-Policy forbids them, so even a value that slipped past escaping could fetch nothing).
import { createHash } from 'node:crypto';
import { htmlText as h, jsonStringify } from '../../escape.js';
import type { JourneyMap, MapCard, MapFinding, MapHandoff, MapLane, MapStage, PersonaMap } from './layout.js';
import { kpiValue, percentText } from './layout.js';
import { shortLabel } from '../../model/fields.js';
import { DARK, LIGHT, cssVariables } from './palette.js';
import { dayLayout, type DayLayout } from './timeline.js';
import { MARKUP_MARKER } from '../../marker.js';
import { SEVERITIES } from '../../vocab/severity.js';
import { overviewSvg } from './overview-svg.js';
import MAP_CSS from './browser/map.css?raw';
import MAP_SCRIPT from './browser/map.js?raw';

const MODE_TEXT = { automatic: 'automatic', manual: 'manual', ongoing: 'ongoing' } as const;
const DIRECTION_TEXT = { inbound: 'inbound', outbound: 'outbound', both: 'inbound and outbound' } as const;
const SEVERITY_MARK = { error: '✖', warning: '▲', info: 'i' } as const;

// Icons as CSS masks of inline SVG (data: URLs are not requests): one element per icon, colored by currentColor.
const ICON_PATHS: Record<string, string> = {
  automatic: '<path d="M9.5 1 3 9.2h4.2L6.3 15l6.7-8.4H8.8z"/>',
  manual: '<circle cx="8" cy="4.5" r="3"/><path d="M2 15c0-3.6 2.7-6 6-6s6 2.4 6 6z"/>',
  ongoing:
    '<path d="M4.5 5C2.6 5 1 6.3 1 8s1.6 3 3.5 3c2.8 0 4.2-6 7-6C13.4 5 15 6.3 15 8s-1.6 3-3.5 3c-2.8 0-4.2-6-7-6z" fill="none" stroke="#000" stroke-width="1.8"/>',
  inbound: '<path d="M15 8H4M8 3.5 3.5 8 8 12.5" fill="none" stroke="#000" stroke-width="2"/>',
  outbound: '<path d="M1 8h11M8 3.5 12.5 8 8 12.5" fill="none" stroke="#000" stroke-width="2"/>',
  both: '<path d="M1.5 8h13M5 4.5 1.5 8 5 11.5M11 4.5 14.5 8 11 11.5" fill="none" stroke="#000" stroke-width="2"/>',
  unknown: '<circle cx="8" cy="8" r="6" fill="none" stroke="#000" stroke-width="1.8" stroke-dasharray="2 2"/>',
};
const ICON_CSS = Object.entries(ICON_PATHS)
  .map(([name, path]) => {
    const url = `url("data:image/svg+xml,${encodeURIComponent(`<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'>${path.replace(/"/g, "'")}</svg>`)}")`;
    return `.i-${name}{-webkit-mask-image:${url};mask-image:${url}}`;
  })
  .join('\n');

// The stylesheet and the script are real files beside this one (so editors and linters see them),
// inlined as text: by Vite's ?raw in tests, by the build's esbuild loader in the bundle.
const CSS = `:root{${cssVariables(LIGHT)}color-scheme:light dark;--lane:9.5rem;--col:12.5rem}\n@media (prefers-color-scheme:dark){:root{${cssVariables(DARK)}}}\n${ICON_CSS}\n${MAP_CSS}`;
const SCRIPT = MAP_SCRIPT;

const sign = (n: number) => (n > 0 ? `+${n.toFixed(1)}` : n.toFixed(1));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function icon(name: string, text: string): string {
  return `<span class="i i-${name}" role="img" aria-label="${h(text)}" title="${h(text)}"></span>`;
}

function modeIcon(mode: MapCard['mode']): string {
  return mode === null ? icon('unknown', 'mode not set') : icon(mode, MODE_TEXT[mode]);
}

function directionIcon(direction: MapCard['direction']): string {
  return direction === null ? icon('unknown', 'direction not set') : icon(direction, DIRECTION_TEXT[direction]);
}

function badge(findings: MapFinding[], severity: MapCard['severity']): string {
  if (severity === null) return '';
  const counts = SEVERITIES.flatMap((s) => {
    const n = findings.filter((f) => f.severity === s).length;
    return n ? [plural(n, s)] : [];
  });
  return `<span class="badge ${severity}" title="${h(counts.join(', '))}" aria-hidden="true">${SEVERITY_MARK[severity]} ${findings.length}</span><span class="sr">${h(counts.join(', '))}</span>`;
}

// Each card's position in its persona's details data, set before the persona's cards are drawn.
const CARD_INDEX = new WeakMap<MapCard, { panel: string; index: number }>();

function card(c: MapCard, idSuffix = ''): string {
  const { panel, index } = CARD_INDEX.get(c)!;
  const classes = ['card', c.severity ? `sev-${c.severity}` : '', c.friction ? 'friction' : '', c.planned ? 'planned' : ''].filter(Boolean).join(' ');
  const meta = [
    modeIcon(c.mode),
    directionIcon(c.direction),
    c.day === null ? '<span>no day</span>' : `<span>day ${c.day}</span>`,
    `<span>${c.team === null ? 'no team' : h(c.team)}</span>`,
  ];
  return (
    `<button type="button" class="${classes}" id="${c.id}${idSuffix}" data-i="${index}" aria-controls="${panel}" aria-expanded="false">` +
    `<span class="name">${h(c.name)}</span>${badge(c.findings, c.severity)}` +
    (c.planned ? '<span class="tag">planned · added</span>' : '') +
    (c.friction ? '<span class="tag friction-flag">friction point</span>' : '') +
    `<span class="meta">${meta.join('')}</span></button>`
  );
}

function findingList(findings: MapFinding[]): string {
  return `<ul>${findings.map((f) => `<li><span class="badge ${f.severity}">${SEVERITY_MARK[f.severity]}</span> <span class="sr">${f.severity}:</span> ${h(f.message)} <span class="place">${h(f.place)}</span> <span class="muted">(${h(f.ruleId)})</span></li>`).join('')}</ul>`;
}

/** The details of every card of a persona, as JSON the script turns into DOM with textContent on demand (2,000 hidden detail blocks would triple the page's nodes). */
function detailsData(persona: PersonaMap): string {
  const data = persona.cards.map((c) => ({
    n: c.name,
    p: c.place,
    f: [...c.fields, ...c.metrics].map((f) => [f.label, f.value]),
    x: c.findings.map((f) => [f.severity, f.message, f.place, f.ruleId]),
    // What interviewees said (--answers): how many, their mean feeling, and each quote with who said it and where.
    ...(c.heard
      ? {
          h: [c.heard.answered, c.heard.interviewees, c.heard.score === null ? null : `${c.heard.score > 0 ? '+' : ''}${c.heard.score.toFixed(1)}`],
          q: c.heard.quotes.map((q) => [q.quote, q.interviewee, q.feeling ?? '', q.place]),
        }
      : {}),
  }));
  // In a script element only "</script" and "<!--" could end or confuse it: every "<" is written as \u003c.
  // jsonStringify also writes C1 controls and "##[" as \u escapes, inert if the file is printed in a CI log.
  return jsonStringify(data).replace(/</g, '\\u003c');
}

/** The emotion line's cell for one stage: a dot at its score and half-segments to the neighbours that have data. */
function emotionCell(stages: MapStage[], i: number): string {
  const stage = stages[i]!;
  if (stage.emotion === null) return `<div class="emotion nodata${stage.gap ? ' gap' : ''}"><span class="label">no data</span></div>`;
  const y = (score: number) => ((2 - score) / 4) * 100;
  const own = y(stage.emotion);
  const segment = (neighbour: MapStage | undefined, edge: number) =>
    neighbour && neighbour.emotion !== null ? `<line x1="${edge}" y1="${(own + y(neighbour.emotion)) / 2}" x2="50" y2="${own}"/>` : '';
  const lines = segment(stages[i - 1], 0) + segment(stages[i + 1], 100);
  return (
    `<div class="emotion"><svg viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true">${lines}</svg>` +
    `<span class="dot${stage.friction ? ' friction' : ''}" style="top:calc(.6rem + (100% - 2.1rem) * ${own / 100})"></span>` +
    `<span class="label">${sign(stage.emotion)}${stage.friction ? ' <span class="friction-flag">friction</span>' : ''}</span></div>`
  );
}

function kpiCell(stage: MapStage): string {
  const { kpis } = stage;
  const { conversion, dropOff, nps, names } = kpis;
  const rows: string[] = [];
  if (conversion !== null) rows.push(`<dt>${shortLabel('conversion')}</dt><dd>${kpiValue(kpis, 'conversion', percentText(conversion))}</dd>`);
  if (dropOff !== null) rows.push(`<dt>${shortLabel('dropOff')}</dt><dd>${kpiValue(kpis, 'dropOff', percentText(dropOff))}</dd>`);
  if (nps !== null) rows.push(`<dt>${shortLabel('nps')}</dt><dd>${kpiValue(kpis, 'nps', String(Math.round(nps)))}</dd>`);
  if (names.length) rows.push(`<dt>KPIs</dt><dd>${h(names.join(', '))}</dd>`);
  return `<div class="kpis${stage.gap ? ' gap' : ''}">${rows.length ? `<dl>${rows.join('')}</dl>` : '<span class="muted">—</span>'}</div>`;
}

function handoffText(handoff: MapHandoff): string {
  const wait = handoff.days < 0 ? `overlaps by ${plural(-handoff.days, 'day')}` : plural(handoff.days, 'day');
  const teams = handoff.changesTeam
    ? `${handoff.fromTeam} → ${handoff.toTeam}`
    : handoff.fromTeam && handoff.toTeam
      ? `${handoff.toTeam} continues`
      : 'team not set';
  const lag = handoff.lag ? ` ⚠ lag over the ${handoff.limit}-day limit` : '';
  return `${teams}: ${wait}${lag}`;
}

function handoffCell(stage: MapStage): string {
  const handoff = stage.handoffIn;
  if (!handoff) return `<div class="handoff${stage.gap ? ' gap' : ''}"><span class="muted">—</span></div>`;
  const title = `from "${handoff.fromTouchpoint}" to "${handoff.toTouchpoint}"`;
  return `<div class="handoff${handoff.lag ? ' lag' : ''}" title="${h(title)}">${h(handoffText(handoff))}<span class="sr"> (${h(title)})</span></div>`;
}

function stageHead(stage: MapStage, index: number, persona: PersonaMap): string {
  const severity = stage.findings.reduce<MapCard['severity']>(
    (worst, f) => (worst === 'error' || (worst === 'warning' && f.severity === 'info') ? worst : f.severity),
    null,
  );
  const count = `<span class="count">${plural(stage.touchpoints, 'touchpoint')}</span>`;
  const link = stage.findings.length ? ` <a href="#${persona.key}-s${index}">${badge(stage.findings, severity)}</a>` : '';
  const label = stage.id === null ? `<span class="unplaced">${h(stage.label)}</span>` : h(stage.label);
  return `<div class="stagehead${stage.gap ? ' gap' : ''}" role="columnheader">${label}${link}<br>${count}${stage.gap ? '<br><span class="gaplabel">Gap: no touchpoint</span>' : ''}</div>`;
}

function laneRow(lane: MapLane, stages: MapStage[], idSuffix: string): string {
  const cells = lane.cells.map((cards, i) => `<div class="cell${stages[i]!.gap ? ' gap' : ''}">${cards.map((c) => card(c, idSuffix)).join('')}</div>`);
  return `<div class="rowhead">${h(lane.label)}</div>${cells.join('')}`;
}

const LAYER_TITLE = {
  customer: 'Customer-facing: what the customer sees, by channel',
  team: 'Backstage: the teams doing manual work',
  system: 'Support: automated systems and always-on content',
} as const;

function lanesHtml(persona: PersonaMap, blueprint: boolean): string {
  if (!blueprint) return persona.lanes.map((lane) => laneRow(lane, persona.stages, '')).join('');
  const parts: string[] = [];
  let layer: MapLane['layer'] = null;
  for (const lane of persona.lanes) {
    if (lane.layer !== layer) {
      const line = lane.layer === 'team' ? ' visibility' : '';
      const lineText = lane.layer === 'team' ? ' — line of visibility' : lane.layer === 'system' ? ' — line of internal interaction' : '';
      parts.push(`<div class="layer${line}">${LAYER_TITLE[lane.layer!]}${lineText}</div>`);
      layer = lane.layer;
    }
    // Backstage lanes show the same touchpoint a second time: a distinct id, the same details.
    parts.push(laneRow(lane, persona.stages, lane.layer === 'customer' ? '' : `-${lane.key.replace(/[^a-z0-9]/gi, '')}`));
  }
  return parts.join('');
}

function gridHtml(persona: PersonaMap, map: JourneyMap): string {
  const { stages } = persona;
  const row = (title: string, cells: string) => `<div class="rowhead">${title}</div>${cells}`;
  return (
    `<div class="grid" style="--stages:${stages.length}">` +
    `<div class="corner">${map.lanes === 'team' && map.type !== 'blueprint' ? 'Team' : 'Channel'} \\ stage</div>${stages.map((s, i) => stageHead(s, i, persona)).join('')}` +
    row('How the customer feels', stages.map((_, i) => emotionCell(stages, i)).join('')) +
    row('KPIs', stages.map(kpiCell).join('')) +
    row('Handoff in', stages.map(handoffCell).join('')) +
    lanesHtml(persona, map.type === 'blueprint') +
    '</div>'
  );
}

function timelineHtml(persona: PersonaMap, layout: DayLayout): string {
  const px = (n: number) => `${Math.round(n)}px`;
  const lanes = layout.lanes
    .map(
      (lane) =>
        `<div class="rowhead">${h(lane.label)}</div><div class="timeline" style="height:${px(lane.height)}">` +
        layout.silences.map((s) => `<div class="silent" style="left:${px(s.x)};width:${px(s.width)}" aria-hidden="true"></div>`).join('') +
        lane.marks.map((m) => `<div class="mark" style="left:${px(m.x)};top:${px(m.y)};width:${px(layout.cardWidth)}">${card(m.card)}</div>`).join('') +
        '</div>',
    )
    .join('');
  const axis = layout.ticks.map((t) => `<span style="position:absolute;left:${px(t.x)}">day ${t.day}</span>`).join('');
  const max = Math.max(1, ...layout.weeks.map((w) => w.load));
  const weeks = layout.weeks
    .map(
      (w) =>
        `<div class="week${w.peak ? ' peak' : ''}" style="width:${px(layout.weekWidth - 1)};height:${((w.load / max) * 100).toFixed(1)}%" title="week ${w.week + 1}: ${w.load.toFixed(1)} outbound touches${w.peak ? ` (over ${layout.maxPerWeek})` : ''}"></div>`,
    )
    .join('');
  const peaks = layout.weeks.filter((w) => w.peak).map((w) => `week ${w.week + 1} (days ${w.week * 7}–${w.week * 7 + 6}): ${w.load.toFixed(1)} touches`);
  const silences = layout.silences.map((s) => `days ${s.from}–${s.to} (${s.to - s.from} days)`);
  const undated = persona.cards.filter((c) => c.day === null);
  return (
    `<div class="grid day" style="--stages:1;grid-template-columns:var(--lane) ${px(layout.width)}">` +
    `<div class="corner">Channel \\ day</div><div class="stagehead" style="position:relative;height:1.6rem">${axis}</div>` +
    lanes +
    `<div class="rowhead">Outbound touches per week</div><div><div class="weeks">${weeks}</div></div>` +
    '</div>' +
    `<p>${peaks.length ? `<span class="friction-flag">Over-communication (more than ${layout.maxPerWeek} a week):</span> ${h(peaks.join('; '))}` : `No week above ${layout.maxPerWeek} outbound touches.`}</p>` +
    `<p>${silences.length ? `Silent stretches (more than ${layout.silenceDays} days without a touchpoint): ${h(silences.join('; '))}` : 'No silent stretch.'}</p>` +
    (undated.length ? `<h3>No day given</h3><div class="cell">${undated.map((c) => card(c)).join('')}</div>` : '')
  );
}

function legend(map: JourneyMap): string {
  const items = [
    `${icon('automatic', 'automatic')} automatic`,
    `${icon('manual', 'manual')} manual`,
    `${icon('ongoing', 'ongoing')} ongoing`,
    `${icon('inbound', 'inbound')} inbound`,
    `${icon('outbound', 'outbound')} outbound`,
    `${icon('both', 'inbound and outbound')} both`,
    '<span><span class="badge error">✖</span> error <span class="badge warning">▲</span> warning <span class="badge info">i</span> info</span>',
    '<span class="gaplabel">Gap</span> a stage with no touchpoint',
    'Emotion: −2…+2 from sentiment, NPS ÷ 50 and CSAT (1–5 minus 3); no data is a gap in the line',
  ];
  if (map.type === 'future') items.push('<span class="tag">planned · added</span> a planned row (dashed)');
  items.push('<span class="hint">Click a card, or press Enter on it, for its details.</span>');
  return `<div class="legend">${items.map((i) => `<span>${i}</span>`).join('')}</div>`;
}

function personaSummary(persona: PersonaMap, map: JourneyMap): string {
  const gaps = persona.stages.filter((s) => s.gap).map((s) => s.label);
  const findings =
    persona.cards.reduce((n, c) => n + c.findings.length, 0) + persona.stages.reduce((n, s) => n + s.findings.length, 0) + persona.findings.length;
  const parts = [
    plural(persona.touchpoints, 'touchpoint'),
    gaps.length ? `${plural(gaps.length, 'gap')}: ${gaps.join(', ')}` : 'no stage gaps',
    plural(findings, 'finding'),
  ];
  const lags = persona.handoffs.filter((hf) => hf.lag).length;
  if (lags) parts.push(plural(lags, 'handoff lag'));
  if (map.type === 'future') parts.push(`${persona.cards.filter((c) => c.planned).length} planned`);
  return `<p>${h(parts.join(' · '))}</p>`;
}

/** Whether a map type is drawn as the one-page overview. */
export const isOverview = (type: JourneyMap['type']) => type === 'current' || type === 'future';

function detailsPanel(persona: PersonaMap): string {
  return (
    `<aside class="details" id="details-${persona.key}" aria-label="Touchpoint details" aria-live="polite" hidden>` +
    '<button type="button" class="close" aria-label="Close the details">×</button><div class="card-details"></div></aside>' +
    `<script type="application/json" id="data-${persona.key}">${detailsData(persona)}</script>`
  );
}

function stageFindingsHtml(persona: PersonaMap): string {
  return persona.stages.map((s, i) => (s.findings.length ? `<h4 id="${persona.key}-s${i}">${h(s.label)}</h4>${findingList(s.findings)}` : '')).join('');
}

function overviewSection(persona: PersonaMap, map: JourneyMap, label: string, fileLabel: string): string {
  const index = new Map(persona.cards.map((c, i) => [c, i]));
  const svg = overviewSvg(
    persona,
    { title: label, future: map.type === 'future', idPrefix: persona.key, cardIndex: (c) => index.get(c)!, file: fileLabel },
    false,
  );
  const stageFindings = stageFindingsHtml(persona);
  const listed = persona.stages.reduce((n, s) => n + s.findings.length, 0) + persona.findings.length;
  return (
    `<section class="persona" id="${persona.key}" role="tabpanel" aria-labelledby="tab-${persona.key}">` +
    `<h2 class="sr">${h(label)}</h2><div class="sheet">${svg}</div>` +
    detailsPanel(persona) +
    (listed
      ? `<details class="more findings"><summary>${h(plural(listed, 'finding'))} by stage</summary>${stageFindings}${persona.findings.length ? `<h4>Whole persona</h4>${findingList(persona.findings)}` : ''}</details>`
      : '') +
    '</section>'
  );
}

function personaSection(persona: PersonaMap, map: JourneyMap, label: string): string {
  persona.cards.forEach((c, index) => CARD_INDEX.set(c, { panel: `details-${persona.key}`, index }));
  const stageFindings = stageFindingsHtml(persona);
  const body = map.type === 'day' ? timelineHtml(persona, dayLayout(persona, map)) : gridHtml(persona, map);
  return (
    `<section class="persona" id="${persona.key}" role="tabpanel" aria-labelledby="tab-${persona.key}">` +
    `<h2>${h(label)}</h2>${personaSummary(persona, map)}${legend(map)}` +
    `<div class="layout"><div class="scroll" tabindex="0" role="region" aria-label="${h(`Journey map of ${persona.persona}`)}">${body}</div></div>` +
    detailsPanel(persona) +
    (stageFindings || persona.findings.length
      ? `<div class="findings"><h3>Findings by stage</h3>${stageFindings}${persona.findings.length ? `<h4>Whole persona</h4>${findingList(persona.findings)}` : ''}</div>`
      : '') +
    '</section>'
  );
}

const TYPE_TITLE = {
  current: 'Current state',
  future: 'Future state',
  detail: 'Current state in detail',
  blueprint: 'Service blueprint',
  day: 'Day in the life',
} as const;

/** The tab label of each persona: its name, and its file when several files are drawn. */
export function personaLabels(map: JourneyMap, fileLabel: (file: string) => string): string[] {
  const files = new Set(map.personas.map((p) => p.file));
  return map.personas.map((p) => (files.size > 1 ? `${p.persona} (${fileLabel(p.file)})` : p.persona));
}

export interface HtmlOptions {
  fileLabel: (file: string) => string;
  /** An export page (PNG): the first persona's overview alone, filling the window. */
  exportPage?: boolean;
}

/** The whole HTML document. */
export function renderHtml(map: JourneyMap, options: HtmlOptions): string {
  const labels = personaLabels(map, options.fileLabel);
  const files = [...new Set(map.personas.map((p) => p.file))].map(options.fileLabel);
  const scriptHash = createHash('sha256').update(SCRIPT).digest('base64');
  const title = `Journey map: ${TYPE_TITLE[map.type]}${labels.length ? ` — ${labels.join(', ')}` : ''}`;
  const overview = isOverview(map.type);
  const tabs = map.personas
    .map(
      (p, i) =>
        `<button type="button" role="tab" id="tab-${p.key}" aria-controls="${p.key}" aria-selected="${i === 0}" tabindex="${i === 0 ? 0 : -1}">${h(labels[i]!)}</button>`,
    )
    .join('');
  const generalList = findingList(map.general.map((f) => ({ ...f, place: f.place === f.file ? options.fileLabel(f.file) : f.place })));
  // Notes about a whole file, not one persona's sheet: above the tabs, the same for every persona.
  const general = map.general.length
    ? overview
      ? `<details class="findings persona-free more"><summary>${h(plural(map.general.length, 'finding'))} about the whole inventory</summary>${generalList}</details>`
      : `<div class="findings persona-free"><h3>Findings about the whole inventory</h3>${generalList}</div>`
    : '';
  const lanesText =
    map.type === 'blueprint'
      ? 'layered by who does the work'
      : map.type === 'day'
        ? 'by day offset'
        : overview
          ? 'one page per persona'
          : `lanes by ${map.lanes}`;
  const sections = map.personas.map((p, i) => (overview ? overviewSection(p, map, labels[i]!, options.fileLabel(p.file)) : personaSection(p, map, labels[i]!)));
  const bodyClass = [overview ? 'overview-page' : '', options.exportPage ? 'export' : ''].filter(Boolean).join(' ');
  return (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:">` +
    `<title>${h(title)}</title><style>${CSS}</style></head><body${bodyClass ? ` class="${bodyClass}"` : ''}>` +
    `<header class="top"><h1>${h(TYPE_TITLE[map.type])} journey map</h1><p class="muted">${h(files.join(', '))} · ${h(lanesText)} · drawn by journey map</p>` +
    (overview ? '' : general) +
    (map.personas.length ? `<div role="tablist" aria-label="Personas">${tabs}</div>` : '<p>No persona to draw.</p>') +
    (overview ? general : '') +
    `</header><main>${sections.join('\n')}</main>` +
    `<script>${SCRIPT}</script></body></html>\n${MARKUP_MARKER}`
  );
}
