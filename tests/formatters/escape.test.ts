import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import {
  commandSafe,
  commandSafeOutput,
  githubData,
  githubProperty,
  jsonStringify,
  markdownCode,
  markdownText,
  mermaidLabel,
  plainText,
  sarifText,
  shorten,
  terminalLine,
  terminalLines,
  wellFormed,
  xmlText,
} from '../../src/escape.js';

/** The HTML marked makes of `markdown`, as a DOM to inspect. */
function rendered(markdown: string): Document {
  return new JSDOM(marked.parse(markdown, { gfm: true, async: false })).window.document;
}

/** Every element, attribute and link target a rendered document has beyond plain paragraphs and tables. */
function markup(document: Document): string[] {
  const found: string[] = [];
  for (const element of document.body.querySelectorAll('*')) {
    if (!['P', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'CODE', 'BR'].includes(element.tagName)) found.push(element.tagName);
    for (const attribute of element.attributes) if (attribute.name !== 'align') found.push(`${attribute.name}=${attribute.value}`);
  }
  return found;
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '](javascript:alert(1))',
  '[x](https://evil.example/)',
  '![i](https://evil.example/i.png)',
  '<https://evil.example/>',
  'see https://evil.example/ and www.evil.example or mail me@evil.example',
  'mailto:me@evil.example xmpp:me@evil.example',
  '&lt;b&gt; &amp; &#x3C;script&#x3E;',
  'lone & and &nbsp; &#60; &#X3c; &copy',
  '~one tilde, then ~~two~~',
  'a ~single~ pair',
  '**bold** _em_ ~~gone~~ $x^2$ __init__ a_b_c',
  '# heading',
  'a | b',
  '\\| back\\slash',
  'tick ` and ``` fence',
];

describe('terminal text', () => {
  it('removes escape sequences and shows other controls as control pictures, on one line', () => {
    expect(plainText('\u001b[2Jcleared')).toBe('cleared');
    expect(plainText('\u001b]0;pwned\u0007title')).toBe('title');
    expect(plainText('\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\')).toBe('link');
    expect(plainText('\u001b[31mred\u001b[0m')).toBe('red');
    expect(plainText('\u009b2J\u009d0;pwned\u009c')).toBe('');
    expect(plainText('\u001bPdevice\u001b\\ok')).toBe('ok');
    expect(plainText('bell\u0007 nul\u0000 del\u007f c1\u0085x')).toBe('bell␇ nul␀ del␡ c1 x');
    // An unterminated OSC leaves harmless text behind, the ESC itself gone.
    expect(plainText('\u001b]0;no end')).toBe('0;no end');
    expect(plainText('a\nb\r\nc\rd\u2028e\tf')).toBe('a b c d e f');
    expect(plainText('lone \ud800 pair \ud83d\ude00')).toBe('lone \ufffd pair \ud83d\ude00');
    expect(plainText('Plain text, "quoted" — ünïcödé ✔')).toBe('Plain text, "quoted" — ünïcödé ✔');
  });

  it('never lets a line start with :: or hold ##[, keeping the columns', () => {
    expect(commandSafe('::error::x')).toBe('∶:error::x');
    expect(commandSafe('ok\n   ::set-output name=x::y\n\t\u00a0\u3000::warning::z')).toBe('ok\n   ∶:set-output name=x::y\n\t\u00a0\u3000∶:warning::z');
    expect(commandSafe('a\r::error::b\u2028::notice::c')).toBe('a\r∶:error::b\u2028∶:notice::c');
    expect(commandSafe('text ##[error]x and ###[group]')).toBe('text #♯[error]x and ##♯[group]');
    expect(commandSafe('mid-line :: stays, a: b')).toBe('mid-line :: stays, a: b');
    for (const line of commandSafe(':::: \n ::\n::::').split('\n')) expect(line).not.toMatch(/^\s*::/);
    expect(terminalLine('x\n::error::f.csv \u001b[2J')).toBe('x ::error::f.csv ');
    expect(terminalLine('::error::f.csv')).toBe('∶:error::f.csv');
    expect(terminalLines('error: bad\n::error::x\u0007\n')).toBe('error: bad\n∶:error::x␇\n');
  });

  it('guards a line split across output pieces', () => {
    const pieces = [...(commandSafeOutput(['a\n  :', ':error::x\n#', '#[warning]y', '\n::notice::z']) as Iterable<string>)];
    expect(pieces.join('')).toBe('a\n  ∶:error::x\n#♯[warning]y\n∶:notice::z');
    expect(commandSafeOutput('::x::y')).toBe('∶:x::y');
  });

  it('shortens long names with an ellipsis, never splitting a surrogate pair', () => {
    expect(shorten('abc', 300)).toBe('abc');
    expect(shorten('x'.repeat(301), 300)).toBe(`${'x'.repeat(299)}…`);
    const emoji = `${'x'.repeat(298)}😀rest`;
    expect(shorten(emoji, 300)).toBe(`${'x'.repeat(298)}…`);
    expect(wellFormed(shorten(emoji, 300))).toBe(shorten(emoji, 300));
  });
});

describe('markdown text', () => {
  it.each(HOSTILE)('renders %j as itself, with no link, image, HTML or emphasis', (text) => {
    const document = rendered(`| a |\n| --- |\n| ${markdownText(text)} |\n\n${markdownText(text)}\n`);
    expect(markup(document)).toEqual([]);
    const cells = [...document.querySelectorAll('td')];
    expect(cells).toHaveLength(1);
    // What a reader sees is the cell's text (the zero-width space after @ aside).
    expect(cells[0]!.textContent!.replace(/\u200b/g, '')).toBe(text);
    expect(document.querySelector('p')!.textContent!.replace(/\u200b/g, '')).toBe(text);
  });

  it('keeps benign text byte for byte', () => {
    const benign = "Stage 'Onbaording' of \"Admin setup guide\" is not a known stage; did you mean 'Onboarding'? (40%, day 3–5, A → B)";
    expect(markdownText(benign)).toBe(benign);
    expect(markdownCode('Practitioner!A15')).toBe('`Practitioner!A15`');
    expect(markdownText('open_rate in issue_644.xlsx and has_x000D_.xlsx [sheet "A"] row 1')).toBe(
      'open_rate in issue_644.xlsx and has_x000D_.xlsx [sheet "A"] row 1',
    );
    // What a pasted report reads as: an & that starts no entity, a ~ with no partner and a : that starts no link stay.
    expect(markdownText('Buyer - CFO & CIO')).toBe('Buyer - CFO & CIO');
    expect(markdownText('Takes ~3 weeks')).toBe('Takes ~3 weeks');
    expect(markdownText('HEAD~1:inventories/acme.xlsx')).toBe('HEAD~1:inventories/acme.xlsx');
    expect(markdownText('R&D &amp; ~3 or ~4 days')).toBe('R&D &amp;amp; \\~3 or \\~4 days');
  });

  it('fences code spans past any backtick run, and falls back to plain text for pipes and backslashes', () => {
    for (const text of ['tick`s!B2', '``` fence', '`edge`', ' spaced ', '<b>!A1', 'me@evil.example']) {
      const code = rendered(markdownCode(text)).querySelector('code');
      expect(code?.textContent).toBe(text);
    }
    expect(markdownCode('a|b!B2')).toBe('a\\|b!B2');
    expect(markdownCode('C:\\x')).toBe('C:\\\\x');
  });

  it('flattens line breaks so cell text never starts a markdown line', () => {
    expect(markdownText('a\n# b\n::error::c\r\n> d')).toBe('a \\# b ::error::c &gt; d');
  });
});

describe('mermaid label', () => {
  it('leaves no quote, directive, HTML, fence or line break', () => {
    const label = mermaidLabel("\"q\" %%{init: {'theme':'dark'}}%% <b>x</b> --> ]]> ``` a|b #quot;\nnext");
    expect(label).not.toMatch(/["%<>`|\n]/);
    expect(label).toBe(
      "#quot;q#quot; #37;#37;#123;init: #123;'theme':'dark'#125;#125;#37;#37; #lt;b#gt;x#lt;/b#gt; --#gt; #93;#93;#gt; #96;#96;#96; a#124;b #35;quot#59; next",
    );
    expect(mermaidLabel('Customer Success, Product')).toBe('Customer Success, Product');
  });
});

describe('XML text', () => {
  it('parses back to the same text, control characters and lone surrogates replaced', () => {
    const text = 'a & b <c> "d" \'e\' ]]> \u0007 \u001b[2J \ud800 \u009b tab\tline\nbreak ##[error]';
    let attribute = '';
    let content = '';
    const parser = new SaxesParser();
    parser.on('opentag', (tag) => (attribute = String(tag.attributes.v)));
    parser.on('text', (value) => (content += value));
    parser.write(`<x v="${xmlText(text)}">${xmlText(text)}</x>`).close();
    const expected = 'a & b <c> "d" \'e\' ]]> \ufffd \ufffd[2J \ufffd \u009b tab\tline\nbreak ##[error]';
    expect(attribute).toBe(expected);
    expect(content).toBe(expected);
    expect(xmlText(text)).not.toMatch(/[\n\u0007\u001b\u009b]|##\[/);
  });
});

describe('JSON text', () => {
  it('replaces lone surrogates and escapes controls and ##[ without changing the data otherwise', () => {
    const value = { message: 'a \ud800 b \u009b c ##[error] d\u2028', ['key\udc00']: 1, plain: 'x\\ud800' };
    const json = jsonStringify(value, 2);
    // A \uD800 escape (an odd number of backslashes before it) would be a lone surrogate; `x\\ud800` is data.
    expect(json).not.toMatch(/[\u0080-\u009f\u2028]|##\[|(?<!\\)(\\\\)*\\ud[89a-f]/i);
    expect(JSON.parse(json)).toEqual({ message: 'a \ufffd b \u009b c ##[error] d\u2028', ['key\ufffd']: 1, plain: 'x\\ud800' });
    expect(jsonStringify({ a: 'plain "text"' })).toBe(JSON.stringify({ a: 'plain "text"' }));
  });
});

describe('GitHub workflow commands and SARIF', () => {
  it('escapes data and properties as the runner unescapes them', () => {
    expect(githubData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(githubData('%0A::error::x')).toBe('%250A::error::x');
    expect(githubProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(githubData('\u001b[31mred\u001b[0m bell\u0007 \ud800')).toBe('red bell␇ \ufffd');
  });

  it('escapes what a SARIF viewer would read as an embedded link', () => {
    expect(sarifText('[x](https://evil.example/) a\\](y) [sheet "A"] C:\\x')).toBe('[x\\](https://evil.example/) a\\\\\\](y) [sheet "A"] C:\\x');
  });
});

describe('storableText and bidi controls', () => {
  it('storableText replaces what a workbook cannot hold and keeps the rest', async () => {
    const { storableText } = await import('../../src/escape.js');
    expect(storableText('a\ufffeb\uffffc\ufdd0d\u{1fffe}e\u{10ffff}f\ud800g\udc00h\u0001i')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg\ufffdh\ufffdi');
    expect(storableText('tab\tline\nreturn\r 😀 \u{1f600} 営業')).toBe('tab\tline\nreturn\r 😀 \u{1f600} 営業');
  });

  it('plainText and githubData show bidi overrides and isolates as U+FFFD', async () => {
    const { githubData, plainText } = await import('../../src/escape.js');
    const tricky = 'admin\u202e\u2066txt.exe\u2069\u202c';
    expect(plainText(tricky)).toBe('admin\ufffd\ufffdtxt.exe\ufffd\ufffd');
    expect(githubData(tricky)).toBe('admin\ufffd\ufffdtxt.exe\ufffd\ufffd');
  });
});
