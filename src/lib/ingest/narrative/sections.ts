// The six standard sections of a 政府信息公开工作年度报告 (国办公开办函〔2021〕30号): where each
// heading is in the text. A heading is a line "一、…" … "六、…" whose words are the section's own
// (so the form's row labels "一、本年新收政府信息公开申请数量" … "四、结转下年度继续办理" are not
// taken for headings), found in order. Pure.
import { splitLines } from './flat';

export const SECTION_IDS = ['一', '二', '三', '四', '五', '六'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** Words that mark each section's heading (any one of them). */
const HEADING_WORDS: Record<SectionId, RegExp> = {
  一: /总体情况|基本情况|概述|总体概况|工作情况/,
  二: /主动公开/,
  三: /收到和处理|依申请公开|申请情况/,
  四: /行政复议|行政诉讼/,
  五: /问题|改进|不足/,
  六: /其他需要报告|其他事项|其他情况|其他需报告/,
};

/** The standard titles' first words: a heading run into the text around it (a web page saved
 *  without line breaks: "…12月31日。一、总体情况2023年，…") is taken only with these. */
const STRICT_TITLES: Record<SectionId, string> = {
  一: '总体情况', 二: '主动公开政府信息情况', 三: '收到和处理政府信息公开申请情况',
  四: '政府信息公开行政复议', 五: '存在的主要问题', 六: '其他需要报告的事项',
};

export interface SectionSpan {
  id: SectionId;
  /** 0-based line index of the heading, and of the line after the section's end */
  start: number;
  end: number;
}

export function findSections(text: string): SectionSpan[] {
  const lines = splitLines(text).map((l) => l.normalize('NFKC').replace(/\s+/g, ''));
  const found: { id: SectionId; start: number }[] = [];
  let from = 0;
  for (const id of SECTION_IDS) {
    const head = new RegExp(`^(?:#+)?${id}[、.．]`);
    let at = -1;
    for (let i = from; i < lines.length && at < 0; i++) {
      const l = lines[i];
      if (l.length <= 40 && head.test(l) && HEADING_WORDS[id].test(l)) at = i;
    }
    const inline = `${id}、${STRICT_TITLES[id]}`;
    for (let i = from; i < lines.length && at < 0; i++) if (lines[i].includes(inline)) at = i;
    if (at >= 0) {
      found.push({ id, start: at });
      from = at + 1;
    }
  }
  return found.map((f, i) => ({ ...f, end: found[i + 1]?.start ?? lines.length }));
}

/** Section ids present, in order. */
export function sectionsPresent(spans: SectionSpan[]): SectionId[] {
  return spans.map((s) => s.id);
}

/** A section's own text (without its heading), lines joined with "\n"; null when absent. */
export function sectionText(text: string, spans: SectionSpan[], id: SectionId): string | null {
  const s = spans.find((x) => x.id === id);
  if (!s) return null;
  return splitLines(text).slice(s.start + 1, s.end).join('\n').trim();
}
