import { describe, expect, it } from 'vitest';
import { isDateFormat } from '../../src/load/xlsx/parts.js';

/** The regular-expression version isDateFormat replaced (quadratic on a run of `[`): the oracle for short codes. */
function regexIsDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .split(';')[0]!;
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

const DATES = [
  'yyyy-mm-dd',
  'd/m/yyyy',
  'mm/dd/yy',
  'dd-mmm-yy',
  'mmm d, yyyy',
  '[$-409]mmmm d, yyyy;@',
  '[$-F800]dddd, mmmm dd, yyyy',
  'h:mm AM/PM',
  'h:mm:ss',
  '[h]:mm:ss',
  '[mm]:ss',
  '[SS]',
  'mm:ss.0',
  'yyyy"年"m"月"d"日"',
  '[DBNum1][$-804]yyyy"年"m"月"d"日"',
  'dd/mm/yyyy\\ hh:mm',
  'm/d/yyyy h:mm',
  '[$-x-sysdate]dddd, mmmm dd, yyyy',
  '[Red][h]:mm',
  'd',
  'yy',
  '[h]',
];
const NOT_DATES = [
  'General',
  'general',
  ' GENERAL ',
  '0',
  '0.00',
  '#,##0',
  '#,##0.00 "days"',
  '0.00%',
  '0.00E+00',
  '# ?/?',
  '@',
  '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
  '[Red]0.00',
  '[>=100]0;0',
  '#,##0 [$€-407]',
  '_-* #,##0.00\\ _€_-;\\-* #,##0.00\\ _€_-;_-* "-"??\\ _€_-;_-@_-',
  '0\\h',
  '[Blue]#,##0;[Red]-#,##0',
  '0;yyyy',
  '"hms"0',
  '[Red]"d"0',
  '',
];

describe('isDateFormat', () => {
  it.each(DATES)('%s shows a date or time', (code) => {
    expect(isDateFormat(code)).toBe(true);
    expect(regexIsDateFormat(code)).toBe(true);
  });

  it.each(NOT_DATES)('%s shows no date', (code) => {
    expect(isDateFormat(code)).toBe(false);
    expect(regexIsDateFormat(code)).toBe(false);
  });

  it('agrees with the regular expressions it replaced on 50,000 short codes made of the characters that matter', () => {
    const alphabet = ['[', ']', '"', '\\', ';', 'h', 'm', 's', 'd', 'y', 'H', 'M', '0', '#', ' ', '$', '-', '\n', 'a', 'g', 'e', 'n', 'r', 'l'];
    let state = 12345;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state >>> 8;
    };
    for (let i = 0; i < 50_000; i++) {
      const length = next() % 14;
      let code = '';
      for (let j = 0; j < length; j++) code += alphabet[next() % alphabet.length];
      expect(isDateFormat(code), JSON.stringify(code)).toBe(regexIsDateFormat(code));
    }
  });

  it('takes no code longer than Excel could write as a date format', () => {
    expect(isDateFormat(`yyyy${'0'.repeat(2000)}`)).toBe(false);
    expect(isDateFormat(`yyyy${'0'.repeat(500)}`)).toBe(true);
  });
});
