// Agency and year from the title and preamble:
//   中卫市数据局\n2024年政府信息公开工作年度报告
//   现发布《中卫市数据局 2024年政府信息公开工作年度报告》，本报告统计数据从2024年1月1日至12月31日
import type { ParseWarning } from '../reportText';

const TITLE = /(\d{4})\s*年度?\s*(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:工作)?报告/;
const YEAR_FIRST = /^[#>*|]*(\d{4})年度?([^\d]{2,40}?)(?:政府信息公开|政务公开)(?:工作)?(?:年度)?(?:工作)?报告/;
const PERIOD = /(?:统计|数据).{0,12}?(\d{4})\s*年\s*1\s*月\s*1\s*日/;

function cleanAgency(s: string): string | null {
  const a = s
    .replace(/^[#>*\s|]+/, '')
    .replace(/[《<"“]/g, '')
    .replace(/\s+/g, '')
    .replace(/(关于)?$/, '')
    .replace(/^.*(?:现发布|现公布|特发布|发布)/, '');
  return a.length >= 2 && a.length <= 40 && /\p{Script=Han}/u.test(a) ? a : null;
}

export function parseMeta(text: string): { agency: string | null; year: number | null; warnings: ParseWarning[] } {
  const warnings: ParseWarning[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n|\f/).map((l) => l.normalize('NFKC').trim());
  const nonEmpty = lines.map((l, i) => ({ l, i })).filter((x) => x.l !== '');
  let agency: string | null = null;
  let year: number | null = null;
  let yearLine: number | undefined;
  // the title: within the first few non-empty lines
  for (let k = 0; k < Math.min(nonEmpty.length, 8); k++) {
    const { l, i } = nonEmpty[k];
    const m = TITLE.exec(l.replace(/\s+/g, '')) ?? YEAR_FIRST.exec(l.replace(/\s+/g, ''));
    if (!m) continue;
    year = Number(m[1]);
    yearLine = i + 1;
    const flatLine = l.replace(/\s+/g, '');
    agency = cleanAgency(flatLine.slice(0, m.index));
    // year first: 2023年度北京市交通委员会政府信息公开工作年度报告
    const yf = YEAR_FIRST.exec(flatLine);
    if (!agency && yf) {
      year = Number(yf[1]);
      agency = cleanAgency(yf[2]);
    }
    // the agency on the line(s) above the year line
    if (!agency && k > 0) agency = cleanAgency(nonEmpty[k - 1].l);
    break;
  }
  // the preamble: 《中卫市数据局 2024年政府信息公开工作年度报告》
  const flat = lines.join('').replace(/\s+/g, '');
  const quoted = /《([^《》]{2,40}?)(\d{4})年度?(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告》/.exec(flat);
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
  if (!agency) warnings.push({ message_zh: '未能从标题读出机关名称', message_en: 'could not read the agency name from the title' });
  if (year === null) warnings.push({ message_zh: '未能从标题或统计期读出年度', message_en: 'could not read the year from the title or the reporting period' });
  return { agency, year, warnings };
}
