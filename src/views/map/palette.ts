// The map's colors, light and dark, as one table: the CSS variables are written from it and the
// tests check every text/background pair against WCAG AA (4.5:1 for text, 3:1 for lines and marks).

export interface Palette {
  background: string;
  text: string;
  muted: string;
  card: string;
  cardBorder: string;
  gap: string;
  gapText: string;
  accent: string;
  error: string;
  warning: string;
  info: string;
  /** Text on an error, warning or info badge. */
  onBadge: string;
  planned: string;
  line: string;
  friction: string;
  /** Interviewees' feelings (--answers), beside the inventory's own curve. */
  heard: string;
}

export const LIGHT: Palette = {
  background: '#ffffff',
  text: '#1b1f24',
  muted: '#57606a',
  card: '#f6f8fa',
  cardBorder: '#6e7781',
  gap: '#fff4e5',
  gapText: '#7a4100',
  accent: '#0550ae',
  error: '#b42318',
  warning: '#8a4b00',
  info: '#0550ae',
  onBadge: '#ffffff',
  planned: '#6639ba',
  line: '#0550ae',
  friction: '#b42318',
  heard: '#0a6b5d',
};

export const DARK: Palette = {
  background: '#0d1117',
  text: '#e6edf3',
  muted: '#9198a1',
  card: '#161b22',
  cardBorder: '#8b949e',
  gap: '#2d2109',
  gapText: '#f2cc60',
  accent: '#79c0ff',
  error: '#ff938a',
  warning: '#f2cc60',
  info: '#79c0ff',
  onBadge: '#0d1117',
  planned: '#d2a8ff',
  line: '#79c0ff',
  friction: '#ff938a',
  heard: '#56d4bc',
};

/** Pairs of [foreground, background] that carry text, per palette key. */
export const TEXT_PAIRS: [keyof Palette, keyof Palette][] = [
  ['text', 'background'],
  ['text', 'card'],
  ['muted', 'background'],
  ['muted', 'card'],
  ['gapText', 'gap'],
  ['text', 'gap'],
  ['accent', 'background'],
  ['background', 'accent'],
  ['onBadge', 'error'],
  ['onBadge', 'warning'],
  ['onBadge', 'info'],
  ['planned', 'card'],
  ['error', 'background'],
  ['error', 'card'],
  ['warning', 'card'],
  ['friction', 'card'],
  ['heard', 'background'],
];

/** Pairs of [mark, background] for lines, borders and icons (WCAG 1.4.11: 3:1). */
export const MARK_PAIRS: [keyof Palette, keyof Palette][] = [
  ['cardBorder', 'background'],
  ['line', 'background'],
  ['friction', 'background'],
  ['planned', 'background'],
  ['heard', 'background'],
];

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colors (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const cssName = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The palette as CSS custom properties. */
export function cssVariables(palette: Palette): string {
  return Object.entries(palette)
    .map(([key, value]) => `${cssName(key)}:${value};`)
    .join('');
}
