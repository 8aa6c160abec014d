// Text measured without a browser, so a static SVG can wrap its labels instead of cutting them. The
// drawings name Arial first (Liberation Sans and Helvetica share its widths), so its advance widths,
// in thousandths of an em, give each line's width; unknown characters count wide, erring on room.
export const FONT_FAMILY = 'Arial, "Liberation Sans", Helvetica, sans-serif';

// Printable ASCII from the space (32) to the tilde (126).
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584,
  556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278,
  469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260,
  334, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584,
  611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333,
  584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280,
  389, 584,
];

/** Width in pixels of one line of text at a font size. */
export function textWidth(text: string, size: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 32 && code <= 126) units += table[code - 32]!;
    // Latin letters with marks, Greek, Cyrillic: about a lower-case letter; East Asian, emoji and the rest: a full em.
    else if (code < 0x0530) units += 620;
    else if (code >= 0x2000 && code <= 0x206f) units += 600;
    else units += 1000;
  }
  // A few percent of room for the renderer's rounding and kerning.
  return (units / 1000) * size * 1.04;
}

/** A text broken into lines no wider than `width`, at most `maxLines` of them; a cut last line ends in "…". */
export interface Wrapped {
  lines: string[];
  /** Some of the text did not fit and was cut: the full text belongs in a <title>. */
  cut: boolean;
}

/**
 * Breaks text at spaces (and inside a word longer than a line) into lines that fit the width, stopping
 * once it has more than `maxLines`: linear in the text, so a hostile 100,000-character cell costs one pass.
 */
export function wrapText(text: string, width: number, size: number, maxLines: number, bold = false): Wrapped {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  const space = textWidth(' ', size, bold);
  let line = '';
  let lineWidth = 0;
  const full = () => lines.length > maxLines;
  for (const word of words) {
    if (full()) break;
    const wordWidth = textWidth(word, size, bold);
    if (line && lineWidth + space + wordWidth <= width) {
      line += ` ${word}`;
      lineWidth += space + wordWidth;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    lineWidth = 0;
    if (wordWidth <= width) {
      line = word;
      lineWidth = wordWidth;
      continue;
    }
    // A word wider than the line is broken where it fills it, one character at a time.
    for (const char of word) {
      const w = textWidth(char, size, bold);
      if (line && lineWidth + w > width) {
        lines.push(line);
        if (full()) break;
        line = '';
        lineWidth = 0;
      }
      line += char;
      lineWidth += w;
    }
  }
  if (line && !full()) lines.push(line);
  if (lines.length <= maxLines) return { lines, cut: false };
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last.length > 1 && textWidth(`${last}…`, size, bold) > width) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.replace(/\s+$/, '')}…`;
  return { lines: kept, cut: true };
}
