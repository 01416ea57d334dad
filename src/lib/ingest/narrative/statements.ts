// Numbers a report's narrative states about figures its form also holds, read clause by clause
// (pure). Only the narrative is read (sections 一, 五, 六 and the preamble; the tables of 二–四
// never); a number is taken only with a unit, exact (no 约/近/余/多), about this year, and about a
// topic the words before it name (topics.ts); "未发生行政复议" and the like state a 0. Statements
// about applications carry every reading the sentence allows (new only, new + carried over,
// handled) — the comparison decides whether they can be checked.
import { flatten, splitLines } from './flat';
import { findSections } from './sections';
import { CHANGE, FIXED_CELLS, OTHER_THINGS, PAST, applicationCells, topicAfter, topicOf, type Basis, type Reading, type Topic } from './topics';

export interface Statement {
  /** the clause the number is in, as printed (spaces and line breaks removed) */
  quote: string;
  /** 1-based line of the number in the input text */
  line: number;
  value: number;
  topic: Topic;
  readings: Reading[];
}

const TOKEN = /(\d+(?:,\d{3})*(?:\.\d+)?)(余|多)?(件|起|宗|个|次|条|篇|份|万元|元|人次|场|期|%|天|日|年|月|人|项|家|批|类|部|次)/g;
/** A clause: up to a comma, semicolon or colon (a comma inside 1,250 is not one). */
const CLAUSE = /(?:[^，,；;：:]|(?<=\d),(?=\d{3}(?!\d)))+/g;
const COUNT_UNITS = /^(件|起|宗|个)$/;
const ESTIMATE_BEFORE = /(约|近|超|逾|超过|大约|将近|接近)$/;
const ESTIMATE_AFTER = /^(余|多|左右|以上|以下|以内)/;

/** The lines of the narrative: everything but the table sections 二, 三, 四 (and, when those
 *  headings are not found, any line holding three or more separate numbers: a table row). */
export function narrativeLines(text: string): { lines: string[]; skip: (i: number) => boolean } {
  const lines = splitLines(text);
  const spans = findSections(text).filter((s) => s.id === '二' || s.id === '三' || s.id === '四');
  const tableRow = (l: string) => (l.normalize('NFKC').match(/(?:^|\s)\d[\d,.]*(?=\s|$)/g)?.length ?? 0) >= 3;
  return { lines, skip: (i) => spans.some((s) => i >= s.start && i < s.end) || tableRow(lines[i]) };
}

function applicationReadings(left: string, after: string, col: 'total' | 'natural' | 'orgs', anchor?: Basis[]): Reading[] {
  let bases: Basis[];
  if (anchor) bases = anchor;
  else if (/新收|新增|本年新|新接/.test(left)) bases = ['new'];
  else if (/^[(（]?(?:含|包括|包含|其中)上一?年度?结转/.test(after)) bases = ['new_carried'];
  else if (/办理/.test(left) && !/收到|受理|接收|共收|接到|收悉/.test(left)) bases = ['new', 'new_carried', 'handled'];
  else bases = ['new', 'new_carried'];
  return bases.map((basis) => ({ basis, cells: applicationCells(basis, col) }));
}

/** Every statement the narrative makes about the form's figures, in text order. */
export function readStatements(text: string, year: number | null): Statement[] {
  const { lines, skip } = narrativeLines(text);
  const flat = flatten(lines, 0, lines.length, skip);
  const out: Statement[] = [];
  for (const sm of flat.text.matchAll(/[^。！？!?]+/g)) {
    const sentence = sm[0];
    const base = sm.index!;
    let anchor: Basis[] | undefined;
    for (const cm of sentence.matchAll(CLAUSE)) {
      const clause = cm[0];
      const cbase = base + cm.index!;
      const tokens = [...clause.matchAll(TOKEN)];
      if (!tokens.length) {
        const z = zeroStatement(clause, sentence);
        if (z) for (const topic of z) out.push({ quote: clause, line: flat.lines[cbase], value: 0, topic, readings: zeroReadings(topic) });
        continue;
      }
      let prevEnd = 0;
      for (const [k, t] of tokens.entries()) {
        const at = t.index!;
        const left = clause.slice(prevEnd, at);
        const end = at + t[0].length;
        const right = clause.slice(end, tokens[k + 1]?.index ?? clause.length);
        prevEnd = end;
        if (!COUNT_UNITS.test(t[3]) || t[2] || ESTIMATE_BEFORE.test(left) || ESTIMATE_AFTER.test(right)) continue;
        // another year, a change or the past anywhere before the number in its sentence: not this year's figure
        const before = sentence.slice(0, cm.index! + at);
        if (OTHER_THINGS.test(left) || CHANGE.test(before) || PAST.test(before)) continue;
        const years = [...before.matchAll(/(\d{4})年/g)].map((m) => Number(m[1]));
        if (years.some((y) => y !== year)) continue;
        // the clause's earlier words count too ("其中自然人申请12件、法人或其他组织3件")
        let topic = topicOf(left, sentence);
        if (!topic && !left.replace(/^(?:其中|另有|有|共|共计|合计|、|和|及)+/, '')) topic = topicAfter(right, sentence);
        if (!topic) continue;
        if (t[3] === '个' && !topic.startsWith('normative') && !topic.startsWith('regulation')) continue;
        const value = Number(t[1].replace(/,/g, ''));
        let readings: Reading[];
        if (topic === 'natural' || topic === 'orgs') {
          if (!anchor) continue; // "自然人申请12件" without the applications it is part of: which row?
          readings = applicationReadings(left, right, topic === 'natural' ? 'natural' : 'orgs', anchor);
        } else if (topic === 'received') {
          readings = applicationReadings(left, right, 'total');
          anchor = readings.map((r) => r.basis!);
        } else readings = readingsOf(topic, left, right);
        if (topic === 'handled') anchor = ['handled'];
        out.push({ quote: clause, line: flat.lines[cbase + at], value, topic, readings });
      }
    }
  }
  return out;
}

function readingsOf(topic: Topic, left: string, right: string): Reading[] {
  if (topic === 'received') return applicationReadings(left, right, 'total');
  return [{ basis: null, cells: FIXED_CELLS[topic]! }];
}

/** "未收到申请" speaks of this year's new applications (carried-over ones were received before). */
function zeroReadings(topic: Topic): Reading[] {
  return topic === 'received' ? [{ basis: 'new', cells: applicationCells('new', 'total') }] : readingsOf(topic, '', '');
}

/** A clause without numbers that says something did not happen: "年内未产生因政府信息公开申请
 *  引发的行政复议和行政诉讼", "未制发规范性文件", "全年未收到政府信息公开申请". */
function zeroStatement(clause: string, sentence: string): Topic[] | null {
  const neg = /(?:未|没有|无)(?!经)/.exec(clause);
  if (!neg) return null;
  const after = clause.slice(neg.index);
  if (/纠错|纠正|败诉|撤销|维持|胜诉|审结|超期|逾期|违反|不予|答复期限|未按/.test(clause)) return null;
  const out: Topic[] = [];
  if (/公开/.test(sentence)) {
    if (/复议/.test(after)) out.push('review');
    if (/诉讼|被诉|起诉/.test(after)) out.push('suit');
  }
  if (/^(?:未|没有|无)(?:新)?(?:制发|印发|出台|制定)(?:行政)?规范性文件/.test(after)) out.push('normative_issued');
  if (/^(?:未|没有)(?:新)?(?:收到|受理|接到)(?:任何)?(?:政府信息公开|依申请公开)申请/.test(after)) out.push('received');
  return out.length ? out : null;
}
