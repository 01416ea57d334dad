// Agency, year covered and the report's own date, from the title, the preamble and the signature:
//   中卫市数据局\n2024年政府信息公开工作年度报告
//   现发布《中卫市数据局 2024年政府信息公开工作年度报告》，本报告统计数据从2024年1月1日至12月31日
//   标题：淮安市人民政府2024年政府信息公开工作年度报告 (a saved web page: no 标题 prefix kept)
// The name is the one printed in or under the title — never a page's chrome (首页 > …, 来源：,
// 发布机构：), never with its year. Those page lines are used only when the document prints no
// name at all, with a warning. Whatever is not found is null with a warning, never a guess.
import type { ParseWarning } from '../reportText';
import { findPublishedDate } from './published';

const REPORT = '(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:工作)?报告';
const TITLE = new RegExp(`(\\d{4})\\s*年度?\\s*${REPORT}`);
const YEAR_FIRST = new RegExp(`^[#>*|]*(\\d{4})年度?([^\\d]{2,40}?)${REPORT}`);
/** 政府信息公开工作年度报告（2024年度） */
const YEAR_AFTER = new RegExp(`^(.{0,40}?)${REPORT}[（(](\\d{4})年?度?[）)]`);
const PERIOD = /(?:统计|数据).{0,12}?(\d{4})\s*年\s*1\s*月\s*1\s*日/;

/** A page's chrome, not the document: breadcrumbs, info lines, buttons. */
const CHROME = /(首页|当前位置|您的位置|您所在的位置|来源[:：]|发布机构|索引号|浏览次数|访问量|点击数|字号|打印|分享|关闭窗口|发布时间|发布日期|成文日期|信息来源|文号[:：]|主题分类)/;
const LABEL_PREFIX = /^(?:标题|题目|文章标题|信息名称|名称|主题)\s*[:：]\s*/;
const BREADCRUMB = /[>›»＞→]/;
const AGENCY_END = /(政府|办公室|办公厅|局|委员会|委|办|院|厅|处|中心|所|站|队|会|街道|办事处|管委会|管理委员会|公司|集团|镇|乡|部|署|馆|社|县|区|市)(（本级）|\(本级\))?$/;

export interface Meta {
  agency: string | null;
  year: number | null;
  published_on: string | null;
  published_on_source: { line: number; text: string } | null;
  warnings: ParseWarning[];
}

/** The agency's name out of the text before the title's year (or a line of its own), or null. */
export function cleanAgency(s: string): string | null {
  let a = s.replace(/\s+/g, '');
  if (BREADCRUMB.test(a)) a = a.split(BREADCRUMB).filter(Boolean).pop() ?? '';
  a = a
    .replace(LABEL_PREFIX, '')
    .replace(/^[#>*|\-—·•]+/, '')
    .replace(/^.*(?:现发布|现公布|特发布|现予发布|发布)/, '')
    .replace(/^关于/, '')
    .replace(/[《》<>"“”'‘’「」【】]/g, '')
    .replace(/\d{4}年度?$/, '')
    .replace(/(关于|的)$/, '')
    .replace(/[：:，,。、；;]+$/, '');
  if (a.length < 2 || a.length > 40 || !/\p{Script=Han}/u.test(a)) return null;
  if (/\d{4}年/.test(a) || /报告$|^根据|^为|^按照|^依据|公开条例|^本报告/.test(a)) return null;
  if (CHROME.test(a)) return null;
  return a;
}

/** A line that could be an agency's name on its own (under or above the title, a signature). */
function nameLine(l: string): string | null {
  if (CHROME.test(l) || /\d/.test(l)) return null;
  const a = cleanAgency(l);
  return a && AGENCY_END.test(a) && a.length <= 30 ? a : null;
}

export function parseMeta(text: string): Meta {
  const warnings: ParseWarning[] = [];
  // NFKC once for the whole text: no line break is made or joined by it, so it equals per line
  const lines = text.replace(/^\uFEFF/, '').normalize('NFKC').split(/\r\n|\r|\n|\f/).map((l) => l.trim());
  const nonEmpty = lines.map((l, i) => ({ l, i })).filter((x) => x.l !== '');
  let agency: string | null = null;
  let year: number | null = null;
  let yearLine: number | undefined;
  // the title: within the first lines (a saved page has its chrome before it); it may wrap
  for (let k = 0; k < Math.min(nonEmpty.length, 15); k++) {
    const { l, i } = nonEmpty[k];
    const flatLine = l.replace(/\s+/g, '');
    const isTitle = (s: string) => TITLE.test(s) || YEAR_FIRST.test(s) || YEAR_AFTER.test(s);
    // a title wrapped over two lines (…2024年政府信息公开 / 工作年度报告): neither line a title alone
    const next = k + 1 < nonEmpty.length ? nonEmpty[k + 1].l.replace(/\s+/g, '') : '';
    const joined = !CHROME.test(l) && next && !isTitle(next) ? flatLine + next : flatLine;
    const src = [flatLine, joined].find(isTitle);
    if (!src) continue;
    const m = TITLE.exec(src);
    const yf = YEAR_FIRST.exec(src);
    const ya = YEAR_AFTER.exec(src);
    if (m) {
      year = Number(m[1]);
      agency = cleanAgency(src.slice(0, m.index));
    }
    // year first: 2023年度北京市交通委员会政府信息公开工作年度报告
    if (!agency && yf) {
      year = Number(yf[1]);
      agency = cleanAgency(yf[2]);
    }
    if (!m && !yf && ya) {
      year = Number(ya[2]);
      agency = cleanAgency(ya[1]);
    }
    // the name after the title, in brackets: …年度报告（某县人民政府）
    const after = new RegExp(`${REPORT}[（(]([^（）()\\d]{2,30})[）)]$`).exec(src);
    if (!agency && after) agency = cleanAgency(after[1]);
    yearLine = i + 1;
    // the agency on the line above the title, else on the line under it
    if (!agency && k > 0 && !CHROME.test(nonEmpty[k - 1].l)) agency = cleanAgency(nonEmpty[k - 1].l);
    if (!agency && k + 1 < nonEmpty.length && src === flatLine) agency = nameLine(nonEmpty[k + 1].l.replace(/^[（(](.*)[）)]$/, '$1'));
    break;
  }
  // the preamble: 《中卫市数据局 2024年政府信息公开工作年度报告》
  const flat = lines.join('').replace(/\s+/g, '');
  const quoted = new RegExp(`《([^《》]{2,40}?)(\\d{4})年度?${REPORT}》`).exec(flat);
  if (quoted) {
    if (!agency) agency = cleanAgency(quoted[1]);
    if (year === null) year = Number(quoted[2]);
  }
  const period = PERIOD.exec(flat);
  if (period) {
    const py = Number(period[1]);
    if (year === null) year = py;
    else if (py !== year) {
      warnings.push({
        line: yearLine,
        message_zh: `标题年份 ${year} 与统计期 ${py} 年不一致，按标题取 ${year}`,
        message_en: `the title's year ${year} differs from the reporting period's ${py}; the title's is used`,
      });
    }
  }
  if (year !== null && (year < 2000 || year > 2100)) year = null;

  const pub = findPublishedDate(lines, year);
  // the signature: the name on the line above the report's own date at the end
  if (!agency && pub?.how === 'own') {
    const before = nonEmpty.filter((x) => x.i < pub.line - 1).pop();
    const signed = /^([\p{Script=Han}（）()·]{2,40})\s*[（(]?\s*[\d〇○零一二]{4}/u.exec(pub.text);
    agency = (signed && nameLine(signed[1])) || (before ? nameLine(before.l) : null);
  }
  // nothing printed: the page's own info line (发布机构：… / 来源：…), said as such
  if (!agency) {
    for (const { l, i } of nonEmpty.slice(0, 20)) {
      const m = /(?:发布机构|信息来源|来源)\s*[:：]\s*([\p{Script=Han}（）()]{2,40})/u.exec(l);
      const name = m && cleanAgency(m[1]);
      if (name && AGENCY_END.test(name)) {
        agency = name;
        warnings.push({
          line: i + 1,
          message_zh: `标题中没有机关名称，按网页的“${m[0].split(/[:：]/)[0]}”取“${name}”，请核对`,
          message_en: `no agency name in the title; "${name}" taken from the page's "${m[0].split(/[:：]/)[0]}" line, please check`,
        });
        break;
      }
    }
  }
  if (!agency) warnings.push({ message_zh: '未能从标题读出机关名称', message_en: 'could not read the agency name from the title' });
  if (year === null) warnings.push({ message_zh: '未能从标题或统计期读出年度', message_en: 'could not read the year from the title or the reporting period' });
  if (!pub) {
    warnings.push({
      message_zh: '未找到报告的发布日期（标题下或落款处的日期、网页的发布时间），留空',
      message_en: 'no publication date found (under the title, above the signature, or a web page\'s "published" line); left blank',
    });
  }
  return {
    agency, year, published_on: pub?.date ?? null,
    published_on_source: pub ? { line: pub.line, text: pub.text } : null, warnings,
  };
}
