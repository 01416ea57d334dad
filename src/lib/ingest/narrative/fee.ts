// The 信息处理费 a report says it charged in the year, from section 六 (in 元): a stated amount;
// 0 when it says none was charged ("未收取信息处理费", "信息处理费0元"); null when it does not
// say, or says two different things. Pure.
import { flatten, splitLines, type FlatText } from './flat';

export interface FeeReading {
  yuan: number;
  quote: string;
  line: number;
}

const NONE = /(?:未|没有|无|不)(?:产生|发生|收取|征收|收缴|涉及)?(?:任何)?(?:政府)?信息(?:公开)?处理费|信息(?:公开)?处理费(?:为)?(?:零|0(?:\.0+)?(?:万?元))|信息(?:公开)?处理费(?:用)?(?:情况)?[:：]?无/;
const AMOUNT_TOTAL = /信息(?:公开)?处理费[^。；]{0,20}?(?:共计|合计|总计|累计|计|共)(\d+(?:,\d{3})*(?:\.\d+)?)(万元|元)/;
const AMOUNT = /信息(?:公开)?处理费[^。；\d]{0,14}?(\d+(?:,\d{3})*(?:\.\d+)?)(万元|元)/;
const AMOUNT_BEFORE = /(\d+(?:,\d{3})*(?:\.\d+)?)(万元|元)(?:的)?(?:政府)?信息(?:公开)?处理费/;

function sentences(f: FlatText): { s: string; at: number }[] {
  const out: { s: string; at: number }[] = [];
  let start = 0;
  for (let i = 0; i <= f.text.length; i++) {
    if (i === f.text.length || /[。；;！？]/.test(f.text[i])) {
      if (i > start) out.push({ s: f.text.slice(start, i), at: start });
      start = i + 1;
    }
  }
  return out;
}

/** Reads the fee from lines [from, to) of the text (section 六's lines). */
export function readFee(text: string, from = 0, to?: number): FeeReading | null {
  const all = splitLines(text);
  const f = flatten(all, from, to ?? all.length);
  const found: FeeReading[] = [];
  for (const { s, at } of sentences(f)) {
    if (!/处理费/.test(s)) continue;
    const amount = AMOUNT_TOTAL.exec(s) ?? AMOUNT.exec(s) ?? AMOUNT_BEFORE.exec(s);
    if (amount && !/约|近|余|多|超过|以上|左右/.test(s.slice(Math.max(0, amount.index - 2), amount.index + amount[0].length + 2).replace(amount[1], ''))) {
      const v = Number(amount[1].replace(/,/g, ''));
      const yuan = amount[2] === '万元' ? Math.round(v * 10000 * 100) / 100 : v;
      found.push({ yuan, quote: s, line: f.lines[at + amount.index] });
    } else if (NONE.test(s)) {
      const m = NONE.exec(s)!;
      found.push({ yuan: 0, quote: s, line: f.lines[at + m.index] });
    }
  }
  if (!found.length) return null;
  // two statements that disagree: the report does not say one thing
  if (found.some((x) => x.yuan !== found[0].yuan)) return null;
  return found[0];
}
