/**
 * What every document journey renders for a file carries (the gap report, audit's markdown, diff's
 * markdown, the map's HTML, SVG and Mermaid markdown, and whatever renders next), so `-o` can tell a
 * file journey wrote, which it may replace, from a file of the user's, which it keeps without --force
 * (src/cli/outputs.ts). One sentence, the same in every format; only the comment around it changes.
 */
export const JOURNEY_MARKER = 'Written by journey (npm: journey-audit), which replaces this file when run again.';

/**
 * The marker as the last line of an HTML, SVG or markdown document: a comment, which browsers, SVG
 * viewers and markdown renderers (GitHub's included) do not show. Last, so the first line stays the
 * document's own (a heading, the doctype, the XML declaration).
 */
export const MARKUP_MARKER = `<!-- ${JOURNEY_MARKER} -->\n`;
