// Renders one persona's map as a static SVG (valid XML) for slides, wikis and READMEs.
import { htmlText as x } from '../../escape.js';
import type { JourneyMap, MapCard, MapStage, PersonaMap } from './layout.js';
import { kpiValue, percentText } from './layout.js';
import { LIGHT as C } from './palette.js';
import { MARKUP_MARKER } from '../../marker.js';

/** Sizes of the SVG grid, in pixels. */
export const SVG_GRID = {
  laneWidth: 150,
  columnWidth: 190,
  headerHeight: 56,
  emotionHeight: 70,
  kpiHeight: 58,
  handoffHeight: 40,
  cardHeight: 50,
  spacing: 6,
  layerHeight: 22,
} as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SvgGeometry {
  width: number;
  height: number;
  /** Top of each row band: emotion, KPIs, handoffs. */
  rows: { emotion: number; kpis: number; handoffs: number };
  lanes: { label: string; layer: string | null; y: number; height: number; layerTitle: string | null }[];
  cards: { card: MapCard; box: Box }[];
  columnX: (column: number) => number;
}

const LAYER_TITLE: Record<string, string> = {
  customer: 'Customer-facing (by channel)',
  team: 'Line of visibility: teams doing manual work',
  system: 'Line of internal interaction: automated systems',
};

/** Where every lane and card goes: each lane is as tall as its fullest cell, cards stack in their cell. */
export function svgGeometry(persona: PersonaMap): SvgGeometry {
  const g = SVG_GRID;
  const columnX = (column: number) => g.laneWidth + column * g.columnWidth;
  const rows = { emotion: g.headerHeight, kpis: g.headerHeight + g.emotionHeight, handoffs: g.headerHeight + g.emotionHeight + g.kpiHeight };
  let y = rows.handoffs + g.handoffHeight;
  const lanes: SvgGeometry['lanes'] = [];
  const cards: SvgGeometry['cards'] = [];
  let layer: string | null = null;
  for (const lane of persona.lanes) {
    let layerTitle: string | null = null;
    if (lane.layer !== null && lane.layer !== layer) {
      layerTitle = LAYER_TITLE[lane.layer]!;
      layer = lane.layer;
      y += g.layerHeight;
    }
    const fullest = Math.max(1, ...lane.cells.map((cell) => cell.length));
    const height = g.spacing + fullest * (g.cardHeight + g.spacing);
    lane.cells.forEach((cell, column) =>
      cell.forEach((card, i) =>
        cards.push({
          card,
          box: {
            x: columnX(column) + g.spacing,
            y: y + g.spacing + i * (g.cardHeight + g.spacing),
            width: g.columnWidth - 2 * g.spacing,
            height: g.cardHeight,
          },
        }),
      ),
    );
    lanes.push({ label: lane.label, layer: lane.layer, y, height, layerTitle });
    y += height;
  }
  return { width: columnX(persona.stages.length), height: y, rows, lanes, cards, columnX };
}

/** A label cut to fit a width (about 6.5 px a character at 12 px), with an ellipsis. */
function fit(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const max = Math.max(4, Math.floor(width / 6.5));
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

const SEVERITY_COLOR = { error: C.error, warning: C.warning, info: C.info } as const;
const MODE_MARK = { automatic: 'auto', manual: 'manual', ongoing: 'ongoing' } as const;
const DIRECTION_MARK = { inbound: '← in', outbound: 'out →', both: '↔ both' } as const;

function cardSvg(card: MapCard, box: Box): string {
  const stroke = card.friction ? C.friction : card.severity ? SEVERITY_COLOR[card.severity] : C.cardBorder;
  const meta = [
    card.mode ? MODE_MARK[card.mode] : 'mode ?',
    card.direction ? DIRECTION_MARK[card.direction] : 'dir ?',
    card.day === null ? 'no day' : `day ${card.day}`,
    card.team ?? 'no team',
  ].join(' · ');
  const badge = card.severity
    ? `<circle cx="${box.x + box.width - 11}" cy="${box.y + 11}" r="9" fill="${SEVERITY_COLOR[card.severity]}"/><text x="${box.x + box.width - 11}" y="${box.y + 15}" text-anchor="middle" font-size="11" font-weight="700" fill="${C.onBadge}">${card.findings.length}</text>`
    : '';
  const title = [card.name, ...card.findings.map((f) => `${f.severity}: ${f.message} (${f.place})`)].join('\n');
  return (
    `<g><title>${x(title)}</title><rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="5" fill="${C.card}" stroke="${stroke}" stroke-width="${card.friction ? 2 : 1}"${card.planned ? ' stroke-dasharray="5 3"' : ''}/>` +
    `<text x="${box.x + 7}" y="${box.y + 19}" font-size="12" font-weight="600" fill="${C.text}">${x(fit(`${card.planned ? '[planned] ' : ''}${card.name}`, box.width - 30))}</text>` +
    `<text x="${box.x + 7}" y="${box.y + 38}" font-size="11" fill="${C.muted}">${x(fit(meta, box.width - 12))}</text>${badge}</g>`
  );
}

function stageSvg(stage: MapStage, column: number, geometry: SvgGeometry): string {
  const left = geometry.columnX(column);
  const gap = stage.gap ? `<rect x="${left}" y="0" width="${SVG_GRID.columnWidth}" height="${geometry.height}" fill="url(#gap)"/>` : '';
  const note = stage.gap
    ? 'Gap: no touchpoint'
    : `${stage.touchpoints} touchpoint${stage.touchpoints === 1 ? '' : 's'}${stage.findings.length ? ` · ${stage.findings.length} finding${stage.findings.length === 1 ? '' : 's'}` : ''}`;
  const kpis = [
    stage.kpis.conversion !== null ? `conv. ${kpiValue(stage.kpis, 'conversion', percentText(stage.kpis.conversion))}` : '',
    stage.kpis.dropOff !== null ? `drop-off ${kpiValue(stage.kpis, 'dropOff', percentText(stage.kpis.dropOff))}` : '',
    stage.kpis.nps !== null ? `NPS ${kpiValue(stage.kpis, 'nps', String(Math.round(stage.kpis.nps)))}` : '',
  ].filter(Boolean);
  const handoff = stage.handoffIn;
  const wait = handoff === null ? '' : handoff.days < 0 ? `overlap ${-handoff.days} d` : `${handoff.days} d`;
  const handoffText = handoff
    ? `${handoff.changesTeam ? `${handoff.fromTeam} → ${handoff.toTeam}` : 'same team'}: ${wait}${handoff.lag ? ` ⚠ over ${handoff.limit}` : ''}`
    : '';
  return (
    gap +
    `<text x="${left + 8}" y="22" font-size="13" font-weight="700" fill="${stage.gap ? C.gapText : C.text}"><title>${x(stage.label)}</title>${x(fit(stage.label, SVG_GRID.columnWidth - 16))}</text>` +
    `<text x="${left + 8}" y="42" font-size="11" fill="${stage.gap ? C.gapText : C.muted}">${x(note)}</text>` +
    kpis.map((k, i) => `<text x="${left + 8}" y="${geometry.rows.kpis + 18 + i * 14}" font-size="11" fill="${C.text}">${x(k)}</text>`).join('') +
    (handoffText
      ? `<text x="${left + 8}" y="${geometry.rows.handoffs + 24}" font-size="11" fill="${handoff!.lag ? C.friction : C.text}"${handoff!.lag ? ' font-weight="700"' : ''}>${x(fit(handoffText, SVG_GRID.columnWidth - 12))}</text>`
      : '')
  );
}

/** The emotion line: a point per stage with data, segments only between neighbours that both have data. */
function emotionSvg(stages: MapStage[], geometry: SvgGeometry): string {
  const top = geometry.rows.emotion + 8;
  const height = SVG_GRID.emotionHeight - 24;
  const point = (i: number) => ({ px: geometry.columnX(i) + SVG_GRID.columnWidth / 2, py: top + ((2 - stages[i]!.emotion!) / 4) * height });
  const parts: string[] = [];
  stages.forEach((stage, i) => {
    if (stage.emotion === null) {
      parts.push(
        `<text x="${point(i).px}" y="${top + height / 2 + 4}" text-anchor="middle" font-size="11" font-style="italic" fill="${C.muted}">no data</text>`,
      );
      return;
    }
    const here = point(i);
    if (stages[i + 1]?.emotion != null) {
      const next = point(i + 1);
      parts.push(`<line x1="${here.px}" y1="${here.py}" x2="${next.px}" y2="${next.py}" stroke="${C.line}" stroke-width="3"/>`);
    }
    parts.push(`<circle cx="${here.px}" cy="${here.py}" r="5" fill="${stage.friction ? C.friction : C.line}"/>`);
    parts.push(
      `<text x="${here.px}" y="${top + height + 14}" text-anchor="middle" font-size="11" fill="${stage.friction ? C.friction : C.text}">${stage.emotion > 0 ? '+' : ''}${stage.emotion.toFixed(1)}${stage.friction ? ' friction' : ''}</text>`,
    );
  });
  return parts.join('');
}

/** One persona's map as a standalone SVG document. */
export function renderSvg(persona: PersonaMap, map: JourneyMap, title: string): string {
  const geometry = svgGeometry(persona);
  const { width, height } = geometry;
  const band = (y: number, h: number, label: string) =>
    `<rect x="0" y="${y}" width="${width}" height="${h}" fill="none" stroke="${C.cardBorder}" stroke-width="0.5"/><text x="8" y="${y + 18}" font-size="12" font-weight="600" fill="${C.text}">${label}</text>`;
  const lanes = geometry.lanes
    .map(
      (lane) =>
        (lane.layerTitle
          ? `<text x="8" y="${lane.y - 6}" font-size="11" font-weight="700" fill="${C.muted}">${x(lane.layerTitle)}</text>${lane.layer !== 'customer' ? `<line x1="0" y1="${lane.y - 20}" x2="${width}" y2="${lane.y - 20}" stroke="${C.line}" stroke-width="2" stroke-dasharray="8 4"/>` : ''}`
          : '') + band(lane.y, lane.height, x(fit(lane.label, SVG_GRID.laneWidth - 16))),
    )
    .join('');
  const kind = map.type === 'blueprint' ? 'Service blueprint' : map.type === 'future' ? 'Future state' : 'Current state';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" role="img" aria-labelledby="title">` +
    `<title id="title">${x(`${kind} journey map: ${title}`)}</title>` +
    `<defs><pattern id="gap" width="12" height="12" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="12" fill="${C.gap}"/></pattern></defs>` +
    `<rect width="${width}" height="${height}" fill="${C.background}"/>` +
    persona.stages.map((stage, i) => stageSvg(stage, i, geometry)).join('') +
    band(geometry.rows.emotion, SVG_GRID.emotionHeight, 'How the customer feels') +
    band(geometry.rows.kpis, SVG_GRID.kpiHeight, 'KPIs') +
    band(geometry.rows.handoffs, SVG_GRID.handoffHeight, 'Handoff in') +
    emotionSvg(persona.stages, geometry) +
    lanes +
    geometry.cards.map(({ card, box }) => cardSvg(card, box)).join('') +
    `<text x="8" y="22" font-size="13" font-weight="700" fill="${C.text}">${x(fit(title, SVG_GRID.laneWidth - 12))}</text>` +
    `</svg>\n${MARKUP_MARKER}`
  );
}
