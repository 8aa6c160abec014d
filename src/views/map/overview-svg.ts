// Draws a persona's overview as one landscape SVG page (1600 px wide, about 900 tall): a header, the
// stages across, then a lane each for touchpoints (chips by channel), the emotion curve, pains,
// opportunities and figures, with handoffs at the stage boundaries. Lanes without data are left out.
// Every label is wrapped to its room (text-fit.ts); one that still does not fit ends in "…" and keeps
// its whole text in a <title>. The same drawing is the HTML map's page, the SVG export and the PNG/PDF.
import { MARKUP_MARKER } from '../../marker.js';
import { htmlText as x } from '../../escape.js';
import type { MapCard, MapHandoff, PersonaMap } from './layout.js';
import {
  NOTES_SHOWN,
  buildOverview,
  type ChannelIcon,
  type CurvePoint,
  type HeardPoint,
  type Overview,
  type OverviewNote,
  type OverviewStage,
} from './overview.js';
import { LIGHT as C } from './palette.js';
import { FONT_FAMILY, textWidth, wrapText } from './text-fit.js';

/** The page's fixed sizes, in pixels. */
export const PAGE = {
  width: 1600,
  targetHeight: 900,
  maxHeight: 960,
  margin: 16,
  laneLabel: 112,
  headerHeight: 76,
  emotionHeight: 140,
  handoffHeight: 34,
} as const;

export interface OverviewSvgOptions {
  /** The persona's title (its name, with its file when several are drawn). */
  title: string;
  future: boolean;
  /** Prefix of the drawing's ids, unique in the document that holds it. */
  idPrefix: string;
  /** Each card's index in the persona's details data (the HTML page opens them); none in a standalone SVG. */
  cardIndex?: (card: MapCard) => number;
  /** The inventory file, named in the footer. */
  file: string;
}

interface TextBlock {
  lines: string[];
  cut: boolean;
  full: string;
}

const LINE = (size: number) => Math.ceil(size * 1.25);
const SEVERITY_COLOR = { error: C.error, warning: C.warning, info: C.info } as const;

function block(text: string, width: number, size: number, maxLines: number, bold = false): TextBlock {
  const wrapped = wrapText(text, width, size, maxLines, bold);
  return { ...wrapped, full: text };
}

/** A multi-line <text>: one element per block, so its box is the block's. */
function textSvg(b: TextBlock, at: { x: number; y: number }, size: number, attrs: string): string {
  const lh = LINE(size);
  const tspans = b.lines.map((line, i) => `<tspan x="${at.x}" dy="${i === 0 ? 0 : lh}">${x(line)}</tspan>`).join('');
  return `<text x="${at.x}" y="${at.y + size}" font-size="${size}" ${attrs}>${b.cut ? `<title>${x(b.full)}</title>` : ''}${tspans}</text>`;
}

const blockHeight = (b: TextBlock, size: number) => b.lines.length * LINE(size);

// Channel icons on a 12×12 grid, drawn with strokes in the group's color.
const ICONS: Record<ChannelIcon, string> = {
  email: '<rect x="1" y="2.5" width="10" height="7" rx="1"/><path d="M1.5 3 6 6.8 10.5 3"/>',
  message: '<rect x="1" y="1.5" width="10" height="7" rx="2"/><path d="M3.5 8.5v2.5L6.5 8.5"/>',
  app: '<rect x="3" y="0.8" width="6" height="10.4" rx="1.4"/><path d="M5 9.3h2"/>',
  chat: '<path d="M2 2.5h8a1 1 0 0 1 1 1v4a1 1 0 0 1-1 1H6l-3 2.3V8.5H2a1 1 0 0 1-1-1v-4a1 1 0 0 1 1-1z"/>',
  phone: '<path d="M3 1h2l1 2.8-1.4 1a6 6 0 0 0 2.6 2.6l1-1.4 2.8 1v2a1 1 0 0 1-1 1A9 9 0 0 1 2 2a1 1 0 0 1 1-1z"/>',
  video: '<rect x="1" y="3" width="7" height="6" rx="1"/><path d="M8 5.2 11 3.5v5L8 6.8"/>',
  people: '<circle cx="4" cy="4" r="2"/><circle cx="8.7" cy="4.6" r="1.6"/><path d="M1 11c0-3.3 6-3.3 6 0M7.3 10.5c.2-2.6 3.9-2.6 3.9 0"/>',
  web: '<circle cx="6" cy="6" r="5"/><ellipse cx="6" cy="6" rx="2" ry="5"/><path d="M1 6h10"/>',
  doc: '<path d="M3 1h4l2.5 2.5V11H3z"/><path d="M4.5 6h3.5M4.5 8h3.5"/>',
  social: '<circle cx="3" cy="6" r="1.6"/><circle cx="9" cy="2.8" r="1.6"/><circle cx="9" cy="9.2" r="1.6"/><path d="M4.4 5.3 7.6 3.6M4.4 6.7l3.2 1.7"/>',
  mail: '<rect x="1" y="2.5" width="10" height="7" rx="0.5"/><rect x="7.5" y="3.8" width="2.2" height="2.2"/><path d="M2.5 6.5h3.5M2.5 8h3"/>',
  help: '<circle cx="6" cy="6" r="5"/><path d="M4.5 4.6a1.5 1.5 0 1 1 2.1 1.4c-.5.2-.6.6-.6 1.2M6 8.6v.4"/>',
  survey: '<rect x="2" y="1.5" width="8" height="9.5" rx="1"/><path d="M4 4.5h4M4 6.5h4M4 8.5h2.5"/>',
  system: '<circle cx="6" cy="6" r="2"/><circle cx="6" cy="6" r="4.6" stroke-dasharray="2 1.6"/>',
  ads: '<path d="M1.5 4.5h2.5l5-3v9l-5-3H1.5z"/><path d="M4 7.5l1 3.5"/>',
  webinar: '<rect x="1" y="1.5" width="10" height="7" rx="1"/><path d="M5 3.5v3l2.5-1.5zM4 11h4"/>',
  event: '<rect x="1.5" y="2.5" width="9" height="8.5" rx="1"/><path d="M1.5 5h9M4 1v3M8 1v3"/>',
  podcast: '<rect x="4.2" y="1" width="3.6" height="6" rx="1.8"/><path d="M2.5 5.5a3.5 3.5 0 0 0 7 0M6 9v2"/>',
  other: '<circle cx="6" cy="6" r="3.5"/>',
};

function face(cx: number, cy: number, mood: 'happy' | 'neutral' | 'sad'): string {
  const mouth = mood === 'happy' ? 'M-3.2 1.6Q0 4.8 3.2 1.6' : mood === 'neutral' ? 'M-3 2.6H3' : 'M-3.2 4Q0 1 3.2 4';
  const color = mood === 'sad' ? C.friction : mood === 'happy' ? C.line : C.muted;
  return (
    `<g transform="translate(${cx} ${cy})" fill="none" stroke="${color}" stroke-width="1.4" aria-hidden="true"><circle r="7"/>` +
    `<circle cx="-2.4" cy="-1.8" r="0.9" fill="${color}" stroke="none"/><circle cx="2.4" cy="-1.8" r="0.9" fill="${color}" stroke="none"/><path d="${mouth}"/></g>`
  );
}

/** A smooth path through the points (Catmull-Rom as cubic Béziers), its bends kept inside [top, bottom]. */
function smoothPath(points: { x: number; y: number }[], top: number, bottom: number): string {
  if (points.length === 0) return '';
  const clamp = (y: number) => Math.max(top, Math.min(bottom, y));
  const f = (n: number) => Number(n.toFixed(1));
  let d = `M${f(points[0]!.x)} ${f(points[0]!.y)}`;
  for (let i = 0; i < points.length - 1; i++) {
    const [p0, p1, p2, p3] = [points[i - 1] ?? points[i]!, points[i]!, points[i + 1]!, points[i + 2] ?? points[i + 1]!];
    const c1 = { x: p1.x + (p2.x - p0.x) / 6, y: clamp(p1.y + (p2.y - p0.y) / 6) };
    const c2 = { x: p2.x - (p3.x - p1.x) / 6, y: clamp(p2.y - (p3.y - p1.y) / 6) };
    d += ` C${f(c1.x)} ${f(c1.y)} ${f(c2.x)} ${f(c2.y)} ${f(p2.x)} ${f(p2.y)}`;
  }
  return d;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const waitText = (h: MapHandoff) => (h.days < 0 ? `overlap ${-h.days} d` : `${h.days} d`);

/** A handoff's teams and wait; on the future map, the as-is wait beside the to-be one, a resolved lag ticked. */
function handoffWords(h: MapHandoff, asIs: MapHandoff | null | undefined): { teams: string; wait: string } {
  const teams = h.changesTeam ? `${h.fromTeam ?? '?'} → ${h.toTeam ?? '?'}` : h.toTeam ? `${h.toTeam} continues` : 'team not set';
  const lag = h.lag ? ` ⚠ over ${h.limit}` : '';
  if (asIs && asIs.days !== h.days) return { teams, wait: `${waitText(asIs)}${asIs.lag ? ' ⚠' : ''} → ${waitText(h)}${lag}${asIs.lag && !h.lag ? ' ✓' : ''}` };
  return { teams, wait: `${waitText(h)}${lag}` };
}

/** Chip sizes for a font size: the touchpoints lane is drawn at the largest size that fits the page. */
interface ChipFont {
  size: number;
  maxLines: number;
}
const CHIP_FONTS: ChipFont[] = [
  { size: 11.5, maxLines: 2 },
  { size: 10.5, maxLines: 2 },
  { size: 9.5, maxLines: 2 },
  { size: 9, maxLines: 3 },
];
/** Space between two channels' chips in a stage. */
const GROUP_GAP = 6;
const CHIP_GAP = 3;
/** Where a chip's name starts: after the severity stripe and the channel icon. */
const CHIP_TEXT = 30;

/** The line that counts the touchpoints a crowded stage has no room for. */
const MORE_SIZE = 10.5;

/**
 * A stage's chips at a font size. With a height budget (a stage too crowded for one page even at the
 * smallest size), the chips that fit are kept and the rest are counted in `hidden`.
 */
function chipBlocks(stage: OverviewStage, width: number, font: ChipFont, budget = Infinity): { height: number; chips: TextBlock[][]; hidden: number } {
  let height = 6;
  let hidden = 0;
  const room = budget - LINE(MORE_SIZE) - 10;
  const chips = stage.groups.map((group, g) => {
    const shown: TextBlock[] = [];
    for (const card of group.cards) {
      const b = block(`${card.planned ? '+ ' : ''}${card.name}`, width - 12 - CHIP_TEXT - 4, font.size, font.maxLines, card.planned);
      const add = (shown.length === 0 && g > 0 ? GROUP_GAP : 0) + blockHeight(b, font.size) + 6 + CHIP_GAP;
      if (hidden > 0 || height + add > room) {
        hidden++;
        continue;
      }
      height += add;
      shown.push(b);
    }
    return shown;
  });
  if (hidden > 0) height += LINE(MORE_SIZE) + 4;
  return { height: height + 4, chips, hidden };
}

function notesBlocks(notes: OverviewNote[], width: number, size: number): { blocks: TextBlock[]; more: number; height: number } {
  const blocks = notes.slice(0, NOTES_SHOWN).map((n) => block(n.text, width - 12, size, 3));
  const more = Math.max(0, notes.length - NOTES_SHOWN);
  const height = 8 + blocks.reduce((sum, b) => sum + blockHeight(b, size) + 4, 0) + (more ? LINE(size) : 0);
  return { blocks, more, height };
}

/** The persona's overview page as an SVG element (standalone when `standalone`, else for inlining in HTML). */
export function overviewSvg(persona: PersonaMap, options: OverviewSvgOptions, standalone: boolean): string {
  const overview = buildOverview(persona, options.future);
  return drawOverview(overview, options, standalone);
}

function drawOverview(overview: Overview, options: OverviewSvgOptions, standalone: boolean): string {
  const { stages } = overview;
  const W = PAGE.width;
  const M = PAGE.margin;
  const left = M + PAGE.laneLabel;
  const colW = (W - M - left) / Math.max(1, stages.length);
  const colX = (i: number) => left + i * colW;
  const id = (name: string) => `${options.idPrefix}-${name}`;
  const parts: string[] = [];
  const back: string[] = [];

  // Header: the persona, its counts, and its three most serious findings at the right.
  const kind = options.future ? 'Future state: as-is and to-be' : 'Current state';
  const title = block(options.title, W / 2 - M - 16, 24, 1, true);
  parts.push(textSvg(title, { x: M, y: M - 2 }, 24, `font-weight="700" fill="${C.text}"`));
  const counts = [
    `${overview.touchpoints} touchpoint${overview.touchpoints === 1 ? '' : 's'}`,
    ...(options.future ? [`${overview.planned} planned`] : []),
    `${overview.findings} finding${overview.findings === 1 ? '' : 's'}`,
    `${stages.filter((s) => s.stage.gap).length} gap${stages.filter((s) => s.stage.gap).length === 1 ? '' : 's'}`,
  ];
  parts.push(textSvg(block(`${kind} · ${counts.join(' · ')}`, W / 2 - M - 16, 13, 1), { x: M, y: M + 32 }, 13, `fill="${C.muted}"`));
  let findingsY = M - 4;
  for (const f of overview.topFindings) {
    const mark = f.severity === 'error' ? '✖' : f.severity === 'warning' ? '▲' : 'i';
    const b = block(`${mark} ${f.message}`, W / 2 - M, 10.5, 2);
    parts.push(textSvg(b, { x: W / 2, y: findingsY }, 10.5, `fill="${SEVERITY_COLOR[f.severity]}"`));
    findingsY += blockHeight(b, 10.5) + 2;
  }

  // Stage headings.
  let y = Math.max(M + PAGE.headerHeight - 8, findingsY + 6);
  const headBlocks = stages.map((s) => block(s.stage.label, colW - 16, 14, 2, true));
  const headHeight = 12 + Math.max(...headBlocks.map((b) => blockHeight(b, 14))) + 16;
  stages.forEach((s, i) => {
    const st = s.stage;
    const fill = st.gap ? `url(#${id('gap')})` : st.ignored ? C.background : '#eef3fb';
    back.push(
      `<rect x="${colX(i) + 1}" y="${y}" width="${colW - 2}" height="${headHeight - 2}" rx="4" fill="${fill}" stroke="${st.gap ? C.gapText : C.cardBorder}" stroke-width="${st.gap ? 1.5 : 0.6}"${st.gap || st.ignored ? ' stroke-dasharray="5 3"' : ''}/>`,
    );
    parts.push(textSvg(headBlocks[i]!, { x: colX(i) + 8, y: y + 6 }, 14, `font-weight="700" fill="${st.gap ? C.gapText : C.text}"`));
    const note = st.gap
      ? s.filledByPlan
        ? '✓ gap filled by the plan'
        : 'Gap: no touchpoint'
      : st.ignored
        ? 'Not part of this journey'
        : s.filledByPlan
          ? `✓ gap filled by the plan (${st.touchpoints})`
          : `${st.touchpoints} touchpoint${st.touchpoints === 1 ? '' : 's'}${st.findings.length ? ` · ${st.findings.length} stage finding${st.findings.length === 1 ? '' : 's'}` : ''}`;
    parts.push(
      textSvg(
        block(note, colW - 16, 11, 1),
        { x: colX(i) + 8, y: y + 6 + blockHeight(headBlocks[i]!, 14) + 1 },
        11,
        `fill="${st.gap ? C.gapText : C.muted}"${s.filledByPlan ? ` font-weight="700"` : ''}`,
      ),
    );
  });
  y += headHeight;

  // Handoffs, centred on the boundary into their stage.
  const pills = stages.map((s, i) => {
    const h = s.handoffIn;
    if (!h || i === 0) return null;
    const words = handoffWords(h, s.stage.handoffAsIs);
    const width = Math.min(colW - 12, Math.max(textWidth(words.teams, 10), textWidth(words.wait, 10.5, h.lag)) + 18);
    return { h, words, width, teams: block(words.teams, width - 16, 10, 2), wait: block(words.wait, width - 16, 10.5, 1, h.lag) };
  });
  if (pills.some(Boolean)) {
    const rowHeight = 8 + Math.max(...pills.map((p) => (p ? blockHeight(p.teams, 10) + blockHeight(p.wait, 10.5) : 0)));
    pills.forEach((p, i) => {
      if (!p) return;
      const { h, words, width } = p;
      const bx = colX(i) - width / 2;
      const color = h.lag ? C.friction : C.muted;
      const height = blockHeight(p.teams, 10) + blockHeight(p.wait, 10.5) + 4;
      back.push(
        `<rect x="${bx}" y="${y + 2}" width="${width}" height="${height}" rx="${Math.min(12, height / 2)}" fill="${C.background}" stroke="${color}" stroke-width="${h.lag ? 1.6 : 0.8}"/>`,
      );
      const title = `from "${h.fromTouchpoint}" to "${h.toTouchpoint}"`;
      parts.push(
        `<g class="handoff${h.lag ? ' lag' : ''}"><title>${x(`${words.teams}: ${words.wait}, ${title}`)}</title>${textSvg(p.teams, { x: bx + 8, y: y + 2 }, 10, `fill="${C.text}"`)}` +
          `${textSvg(p.wait, { x: bx + 8, y: y + 2 + blockHeight(p.teams, 10) }, 10.5, `fill="${color}"${h.lag ? ' font-weight="700"' : ''}`)}</g>`,
      );
    });
    y += rowHeight + 4;
  }

  // Lane heights but the touchpoints': the chips get what is left of the page, at the largest font that fits.
  const noteSize = 11;
  const pains = stages.map((s) => notesBlocks(s.pains, colW, noteSize));
  const opportunities = stages.map((s) => notesBlocks(s.opportunities, colW, noteSize));
  const hasPains = stages.some((s) => s.pains.length);
  const hasOpportunities = stages.some((s) => s.opportunities.length);
  const hasKpis = stages.some((s) => s.kpis.length);
  const hasCurve = overview.curve.length > 0 || overview.planCurve.length > 0 || overview.heard.length > 0;
  const painHeight = hasPains ? Math.max(34, ...pains.map((p) => p.height)) : 0;
  const opportunityHeight = hasOpportunities ? Math.max(34, ...opportunities.map((p) => p.height)) : 0;
  const kpiHeight = hasKpis ? 10 + Math.max(...stages.map((s) => s.kpis.length)) * 15 : 0;
  // The footer: the channels' icons named (a line, two for many channels) and the legend.
  const footer = 42;
  const rest = (hasCurve ? PAGE.emotionHeight : 0) + painHeight + opportunityHeight + kpiHeight + footer + M;
  const hasChips = stages.some((s) => s.groups.length);
  let chipFont = CHIP_FONTS[0]!;
  let chips = stages.map((s) => chipBlocks(s, colW, chipFont));
  const fits = () => y + Math.max(...chips.map((c) => c.height)) + rest <= PAGE.targetHeight;
  for (const font of CHIP_FONTS) {
    chipFont = font;
    chips = stages.map((s) => chipBlocks(s, colW, font));
    if (fits()) break;
  }
  // Still too many for one page, even a little taller than a screen (it is scaled to fit one): each stage
  // shows what fits and counts the rest (--type detail lists them all).
  if (y + Math.max(...chips.map((c) => c.height)) + rest > PAGE.maxHeight)
    chips = stages.map((s) => chipBlocks(s, colW, chipFont, Math.max(160, PAGE.maxHeight - y - rest)));
  const chipHeight = hasChips ? Math.max(40, ...chips.map((c) => c.height)) : 0;

  const lane = (label: string, top: number, height: number, hint: string | null) => {
    back.push(`<line x1="${M}" y1="${top}" x2="${W - M}" y2="${top}" stroke="${C.cardBorder}" stroke-width="0.6"/>`);
    const b = block(label, PAGE.laneLabel - 12, 12.5, 2, true);
    parts.push(textSvg(b, { x: M, y: top + 6 }, 12.5, `font-weight="700" fill="${C.text}" class="lane-label"`));
    if (hint) parts.push(textSvg(block(hint, PAGE.laneLabel - 12, 10, 3), { x: M, y: top + 8 + blockHeight(b, 12.5) }, 10, `fill="${C.muted}"`));
    return height;
  };
  // Column rules and gap hatching run through every lane.
  const lanesTop = y;

  if (hasChips) {
    lane('Touchpoints', y, chipHeight, 'by channel');
    stages.forEach((s, i) => {
      let cy = y + 6;
      let drawnGroups = 0;
      s.groups.forEach((group, g) => {
        const shown = chips[i]!.chips[g]!;
        if (shown.length === 0) return;
        if (drawnGroups++ > 0) cy += GROUP_GAP;
        group.cards.slice(0, shown.length).forEach((card, c) => {
          const b = shown[c]!;
          const height = blockHeight(b, chipFont.size) + 6;
          const stroke = card.friction ? C.friction : card.severity ? SEVERITY_COLOR[card.severity] : C.cardBorder;
          const index = options.cardIndex?.(card);
          const interactive = index === undefined ? '' : ` class="chip" data-i="${index}" tabindex="0" role="button" aria-label="${x(card.name)}"`;
          const findings = card.findings.map((f) => `${f.severity}: ${f.message} (${f.place})`);
          parts.push(
            `<g${interactive}><title>${x([`${card.name} (${group.label})`, ...findings].join('\n'))}</title>` +
              `<rect x="${colX(i) + 6}" y="${cy}" width="${colW - 12}" height="${height}" rx="4" fill="${card.planned ? '#f4effc' : C.card}" stroke="${card.planned ? C.planned : stroke}" stroke-width="${card.friction || card.planned ? 1.5 : 1}"${card.planned ? ' stroke-dasharray="4 2"' : ''}/>` +
              (card.severity ? `<rect x="${colX(i) + 6}" y="${cy}" width="4" height="${height}" rx="2" fill="${SEVERITY_COLOR[card.severity]}"/>` : '') +
              `<use href="#${id(`ic-${group.icon}`)}" x="${colX(i) + 14}" y="${cy + 3 + (LINE(chipFont.size) - 12) / 2}" width="12" height="12"/>` +
              textSvg(
                b,
                { x: colX(i) + 6 + CHIP_TEXT, y: cy + 2 },
                chipFont.size,
                `fill="${card.planned ? C.planned : C.text}"${card.planned ? ' font-weight="700"' : ''}`,
              ) +
              '</g>',
          );
          cy += height + CHIP_GAP;
        });
      });
      const { hidden } = chips[i]!;
      if (hidden) {
        const more = block(`+${hidden} more touchpoint${hidden === 1 ? '' : 's'}`, colW - 16, MORE_SIZE, 1);
        parts.push(
          `<g><title>${x(`${hidden} more touchpoints in ${s.stage.label}: journey map --type detail draws every one`)}</title>${textSvg(more, { x: colX(i) + 8, y: cy + 2 }, MORE_SIZE, `fill="${C.muted}" font-style="italic" class="more-chips"`)}</g>`,
        );
      }
    });
    y += chipHeight;
  }

  if (hasCurve) {
    const top = y + 16;
    const bottom = y + PAGE.emotionHeight - 16;
    const ey = (e: number) => top + ((2 - e) / 4) * (bottom - top);
    const hint = options.future && overview.planCurve.length ? 'per touchpoint; dashed: to-be' : 'per touchpoint, −2 to +2';
    lane('Emotion', y, PAGE.emotionHeight, overview.heard.length ? `${hint}; ◆ interviews` : hint);
    // The scale: faces at +2, 0 and −2 beside the lane label, a faint rule at neutral.
    parts.push(face(left - 14, ey(2), 'happy'), face(left - 14, ey(0), 'neutral'), face(left - 14, ey(-2), 'sad'));
    back.push(`<line x1="${left}" y1="${ey(0)}" x2="${W - M}" y2="${ey(0)}" stroke="${C.cardBorder}" stroke-width="0.6" stroke-dasharray="3 3"/>`);
    // Stage means as faint bands.
    stages.forEach((s, i) => {
      if (s.stage.emotion === null) return;
      back.push(
        `<rect x="${colX(i) + 4}" y="${ey(s.stage.emotion) - 5}" width="${colW - 8}" height="10" rx="5" fill="${C.line}" opacity="0.12"><title>${x(`${s.stage.label}: mean ${s.stage.emotion.toFixed(1)}`)}</title></rect>`,
      );
    });
    const at = (p: CurvePoint) => ({ x: colX(p.stage) + p.position * colW, y: ey(p.emotion) });
    const labels: Box[] = [];
    const heardAt = (p: HeardPoint) => ({ x: colX(p.stage) + p.position * colW, y: ey(p.score) });
    const diamonds: Box[] = overview.heard.map((p) => ({ x: heardAt(p).x - 6, y: heardAt(p).y - 6, width: 12, height: 12 }));
    const drawCurve = (points: CurvePoint[], planned: boolean) => {
      const color = planned ? C.planned : C.line;
      back.push(
        `<path d="${smoothPath(points.map(at), top, bottom)}" fill="none" stroke="${color}" stroke-width="${planned ? 2 : 2.5}"${planned ? ' stroke-dasharray="6 4"' : ''} class="${planned ? 'curve-plan' : 'curve'}"/>`,
      );
      // The to-be curve shares the live points: only the planned ones get a mark of their own.
      for (const p of planned ? points.filter((q) => q.card.planned) : points) {
        const { x: px, y: py } = at(p);
        const fill = planned ? C.background : p.emotion < 0 || p.card.friction ? C.friction : C.line;
        parts.push(
          `<circle class="${planned ? 'point-plan' : 'point'}" data-name="${x(p.card.name)}" cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="${planned ? 4 : 5}" fill="${fill}" stroke="${planned ? C.planned : C.background}" stroke-width="1.5">` +
            `<title>${x(`${p.card.name}: ${p.emotion > 0 ? '+' : ''}${p.emotion.toFixed(1)}${p.card.sentimentText ? ` (${p.card.sentimentText})` : ''}`)}</title></circle>`,
        );
      }
      if (planned) return;
      const dots: Box[] = [...points.map((p) => ({ x: at(p).x - 6, y: at(p).y - 6, width: 12, height: 12 })), ...diamonds];
      // The lowest points, named with their words: below the point when there is room, else above, never over another label.
      for (const p of points.filter((q) => q.labelled)) {
        const { x: px, y: py } = at(p);
        const b = block(`${p.card.name}${p.card.sentimentText ? `: “${p.card.sentimentText}”` : ''}`, Math.min(220, colW * 1.3), 10.5, 2);
        const width = Math.max(...b.lines.map((l) => textWidth(l, 10.5))) + 2;
        const height = blockHeight(b, 10.5);
        const bx = Math.max(left, Math.min(W - M - width, px - width / 2));
        const candidates = [py + 9, py - 9 - height, py - height / 2].map((cy) => ({ x: bx, y: cy, width, height }));
        const sideways = [
          { x: px + 9, y: py - height / 2, width, height },
          { x: px - 9 - width, y: py - height / 2, width, height },
        ];
        const padded = (b: Box) => ({ x: b.x - 2, y: b.y - 2, width: b.width + 4, height: b.height + 4 });
        const free = (c: Box) =>
          c.y >= y + 2 &&
          c.y + c.height <= y + PAGE.emotionHeight - 2 &&
          c.x >= left &&
          c.x + c.width <= W - M &&
          ![...labels, ...dots].some((l) => overlaps(l, padded(c)));
        const spot = [...candidates, ...sideways].find(free);
        if (!spot) continue;
        labels.push(spot);
        parts.push(textSvg(b, { x: spot.x, y: spot.y - 2 }, 10.5, `fill="${C.friction}" class="low-label"`));
      }
    };
    if (overview.curve.length) drawCurve(overview.curve, false);
    if (overview.planCurve.length) drawCurve(overview.planCurve, true);
    // What interviewees felt: diamonds on a dotted line, never mixed into the inventory's own curve; each
    // counts its interviewees beside it where that fits, and always in its title.
    if (overview.heard.length) {
      if (overview.heard.length > 1)
        back.push(
          `<path d="${smoothPath(overview.heard.map(heardAt), top, bottom)}" fill="none" stroke="${C.heard}" stroke-width="1.5" stroke-dasharray="2 3" class="curve-heard"/>`,
        );
      const taken = [...labels, ...overview.curve.map((p) => ({ x: at(p).x - 6, y: at(p).y - 6, width: 12, height: 12 })), ...diamonds];
      for (const [index, p] of overview.heard.entries()) {
        const { x: px, y: py } = heardAt(p);
        const own = p.card.emotion === null ? '' : `; the inventory: ${p.card.emotion > 0 ? '+' : ''}${p.card.emotion.toFixed(1)}`;
        const said = p.card.heard!.quotes[0];
        parts.push(
          `<path class="point-heard" data-name="${x(p.card.name)}" data-interviewees="${p.interviewees}" d="M${px.toFixed(1)} ${(py - 6).toFixed(1)}l6 6l-6 6l-6 -6z" fill="${C.heard}" stroke="${C.background}" stroke-width="1.5">` +
            `<title>${x(`${p.card.name}: interviewees ${p.score > 0 ? '+' : ''}${p.score.toFixed(1)} (${p.interviewees} interviewee${p.interviewees === 1 ? '' : 's'}${own})${said ? `\n“${said.quote}”` : ''}`)}</title></path>`,
        );
        const count = block(`n=${p.interviewees}`, 40, 9.5, 1);
        const width = textWidth(count.lines[0]!, 9.5) + 2;
        const height = blockHeight(count, 9.5);
        const spot = [
          { x: px + 8, y: py - height / 2, width, height },
          { x: px - 8 - width, y: py - height / 2, width, height },
        ].find(
          (c) =>
            c.y >= y + 2 &&
            c.y + c.height <= y + PAGE.emotionHeight - 2 &&
            c.x >= left &&
            c.x + c.width <= W - M &&
            !taken.some((t) => t !== diamonds[index] && overlaps(t, c)),
        );
        if (!spot) continue;
        taken.push(spot);
        parts.push(textSvg(count, { x: spot.x, y: spot.y - 2 }, 9.5, `fill="${C.heard}" class="heard-count"`));
      }
    }
    y += PAGE.emotionHeight;
  }

  const notesLane = (label: string, hint: string, all: ReturnType<typeof notesBlocks>[], height: number, mark: string, color: string) => {
    lane(label, y, height, hint);
    all.forEach((n, i) => {
      let ny = y + 6;
      n.blocks.forEach((b) => {
        parts.push(`<text x="${colX(i) + 6}" y="${ny + noteSize}" font-size="${noteSize}" fill="${color}" aria-hidden="true">${mark}</text>`);
        parts.push(textSvg(b, { x: colX(i) + 16, y: ny }, noteSize, `fill="${C.text}"`));
        ny += blockHeight(b, noteSize) + 4;
      });
      if (n.more)
        parts.push(textSvg(block(`+${n.more} more`, colW - 16, noteSize, 1), { x: colX(i) + 16, y: ny }, noteSize, `fill="${C.muted}" font-style="italic"`));
    });
    y += height;
  };
  if (hasPains) notesLane('Pain points', 'the inventory’s and friction', pains, painHeight, '●', C.friction);
  if (hasOpportunities) notesLane('Opportunities', 'the inventory’s and from findings', opportunities, opportunityHeight, '➜', C.accent);

  if (hasKpis) {
    lane('KPIs', y, kpiHeight, null);
    stages.forEach((s, i) => {
      s.kpis.forEach((k, r) => {
        const valueWidth = textWidth(k.value, 11.5, true);
        parts.push(textSvg(block(k.label, colW - 20 - valueWidth, 11, 1), { x: colX(i) + 8, y: y + 5 + r * 15 }, 11, `fill="${C.muted}"`));
        parts.push(
          `<text x="${colX(i) + colW - 8}" y="${y + 5 + r * 15 + 11.5}" font-size="11.5" font-weight="700" text-anchor="end" fill="${C.text}">${x(k.value)}</text>`,
        );
      });
    });
    y += kpiHeight;
  }

  // Column rules and hatched gaps behind the lanes.
  stages.forEach((s, i) => {
    if (s.stage.gap)
      back.unshift(`<rect x="${colX(i) + 1}" y="${lanesTop}" width="${colW - 2}" height="${y - lanesTop}" fill="url(#${id('gap')})" opacity="0.6"/>`);
    if (i > 0) back.push(`<line x1="${colX(i)}" y1="${lanesTop}" x2="${colX(i)}" y2="${y}" stroke="${C.cardBorder}" stroke-width="0.4"/>`);
  });
  back.push(`<line x1="${M}" y1="${y}" x2="${W - M}" y2="${y}" stroke="${C.cardBorder}" stroke-width="0.6"/>`);
  // The channels' icons, named once for the page.
  const channels = new Map<string, ChannelIcon>();
  for (const s of stages) for (const g of s.groups) if (!channels.has(g.label)) channels.set(g.label, g.icon);
  let lx = M;
  let ly = y + 6;
  for (const [label, icon] of channels) {
    const width = 16 + textWidth(label, 10.5) + 14;
    if (lx + width > W - M) {
      lx = M;
      ly += 16;
    }
    parts.push(
      `<use href="#${id(`ic-${icon}`)}" x="${lx}" y="${ly}" width="12" height="12"/>`,
      textSvg(block(label, width, 10.5, 1), { x: lx + 16, y: ly - 1 }, 10.5, `fill="${C.text}"`),
    );
    lx += width;
  }
  if (channels.size) ly += 17;
  const heardLegend = overview.heard.length ? '◆ dotted: what interviewees felt (n: how many) · ' : '';
  const legend = `Emotion: one point per touchpoint with a sentiment (NPS and CSAT count too), faint bands are stage means · ${heardLegend}${options.future ? 'dashed chips and curve: planned (to-be) · ' : ''}red handoff: lag over the limit · drawn by journey map from ${options.file}`;
  parts.push(textSvg(block(legend, W - 2 * M, 10, 1), { x: M, y: ly }, 10, `fill="${C.muted}"`));
  const height = Math.ceil(ly + 18);

  const defs =
    `<defs><pattern id="${id('gap')}" width="12" height="12" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="12" fill="${C.gap}"/></pattern>` +
    Object.entries(ICONS)
      .map(
        ([name, body]) =>
          `<symbol id="${id(`ic-${name}`)}" viewBox="0 0 12 12" fill="none" stroke="${C.muted}" stroke-width="1.2" stroke-linecap="round" stroke-linejoin="round">${body}</symbol>`,
      )
      .join('') +
    '</defs>';
  const open = standalone
    ? `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}"`
    : `<svg xmlns="http://www.w3.org/2000/svg" class="overview" preserveAspectRatio="xMidYMin meet"`;
  return (
    `${open} viewBox="0 0 ${W} ${height}" font-family="${x(FONT_FAMILY)}" role="img" aria-labelledby="${id('title')}">` +
    `<title id="${id('title')}">${x(`${options.future ? 'Future state' : 'Current state'} journey map: ${options.title}`)}</title>${defs}` +
    `<rect width="${W}" height="${height}" fill="${C.background}"/>` +
    back.join('') +
    parts.join('') +
    // A standalone file ends with the marker of every file journey writes, so a second run may replace it.
    `</svg>${standalone ? `\n${MARKUP_MARKER}` : ''}`
  );
}
