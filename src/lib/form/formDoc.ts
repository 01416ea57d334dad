// What an exported form holds, gathered from the store: the cells of a rollup (any scope and period
// the views can show) or of one agency-year, the title, the filters in words, the reports added
// and those expected but missing, the 信息处理费 the reports state, the draft sentences and the
// time it was made. The Word and Excel writers (formDocx.ts, formXlsx.ts) only lay this out.
import type { DbAdapter } from '../db/adapter';
import { lit } from '../db/adapter';
import { CELL_CODES } from '../format/cells';
import { emptyCells, type CellValues } from '../format/record';
import type { Lang } from '../i18n/messages';
import { parseFilters, resolvePeriod, resolveYear, type Filters } from '../state/filters';
import { yearsSql } from '../sql/scope';
import { draftParagraphs } from './formDraft';
import { formFeeSql, formIncludedSql, formMissingSql, formTopSql, formTotalsSql, registryRootsSql, type FormScope } from './formSql';

export interface ReportRef { agency_id: string; name: string; year: number }

export interface FormDocument {
  /** "示例市2024年政府信息公开工作年度报告（汇总）" */
  title: string;
  /** the scope and filters in words, in the document's language */
  scope: string[];
  cells: CellValues;
  included: ReportRef[];
  missing: ReportRef[];
  /** Σ 信息处理费 stated by the reports (元) and how many reports state it */
  fee: { yuan: number | null; reports: number };
  draft: { zh: string[]; en: string[] | null };
  /** "2026-12-06 19:40" (local time) */
  madeAt: string;
  lang: Lang;
  /** for the file name */
  fileBase: string;
  /** true for a rollup (totals of several reports); false for one agency-year */
  rollup: boolean;
}

/** What the view shows, as the route has it: an agency page (one agency-year) or a rollup. */
export type FormTarget =
  | { kind: 'agency'; agency_id: string; year: number | null }
  | { kind: 'rollup'; filters: Filters; range: boolean };

export function targetOfRoute(view: string, args: string[], params: Record<string, string>): FormTarget {
  const f = parseFilters(params);
  if (view === 'agency' && args[0]) return { kind: 'agency', agency_id: args[0], year: f.year };
  // the trends view shows a period; every other view one year
  return { kind: 'rollup', filters: f, range: view === 'trends' || (f.from != null && f.year == null) };
}

const stamp = (d: Date) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

/** "示例市人民政府" → "示例市" (the area a government's report speaks for). */
export function areaName(name: string): string {
  return name.replace(/(人民政府|政府)$/, '') || name;
}

/** "全市" for a city, "全区" / "全县" for a district or county, else "纳入汇总的各单位". */
export function subjectOf(area: string | null): { zh: string; en: string } {
  const last = area?.at(-1);
  if (last === '市') return { zh: '全市', en: 'the city' };
  if (last === '区') return { zh: '全区', en: 'the district' };
  if (last === '县') return { zh: '全县', en: 'the county' };
  if (last === '省') return { zh: '全省', en: 'the province' };
  return { zh: '纳入汇总的各单位', en: 'the agencies included' };
}

const L = {
  zh: { all: '全部机构（末级报告合计，汇总性报告不重复计入）', level: '层级', category: '类别', q: '机构', xl: '不含新收申请最多的机构', year: '年度', agency: '机构' },
  en: { all: 'all agencies (leaf reports added; aggregate reports are not added again)', level: 'level', category: 'category', q: 'agency', xl: 'without the agency with the most new applications', year: 'year', agency: 'agency' },
} as const;

export async function buildFormDocument(db: DbAdapter, target: FormTarget, lang: Lang, now = new Date()): Promise<FormDocument> {
  const years = (await db.query<{ year: number }>(yearsSql())).map((r) => Number(r.year));
  const l = L[lang];
  if (target.kind === 'agency') return agencyDocument(db, target, years, lang, now);
  const f = target.filters;
  const period = target.range ? resolvePeriod(f, years) : ((y) => (y == null ? null : { from: y, to: y }))(resolveYear(f, years));
  if (!period) throw new Error(lang === 'zh' ? '没有已加载的报告' : 'no reports are loaded');
  const s: FormScope = { filter: { level: f.level, category: f.category, q: f.q, excludeLargest: f.excludeLargest }, period };
  const [totals, included, missing, top, roots, fee] = await Promise.all([
    db.query<Record<string, number | null>>(formTotalsSql(s)),
    db.query<ReportRef>(formIncludedSql(s)),
    db.query<ReportRef>(formMissingSql(s)),
    db.query<{ agency_id: string; name: string }>(formTopSql(s)),
    db.query<{ agency_id: string; name: string }>(registryRootsSql()),
    db.query<{ yuan: number | null; reports: number }>(formFeeSql(s)),
  ]);
  const cells = emptyCells();
  for (const c of CELL_CODES) cells[c] = totals[0]?.[c] == null ? null : Number(totals[0][c]);
  const area = areaName(top.length === 1 ? top[0].name : (roots[0]?.name ?? ''));
  const filtered = !!(f.level || f.category || f.q || f.excludeLargest);
  const yearText = period.from === period.to ? `${period.from}` : `${period.from}—${period.to}`;
  const c = lang === 'zh' ? '：' : ': ';
  const scope = [
    `${l.year}${c}${yearText}`,
    filtered && top.length !== 1 ? '' : l.all,
    f.level ? `${l.level}${c}${f.level}` : '',
    f.category ? `${l.category}${c}${f.category}` : '',
    f.q ? `${l.q}${c}${f.q}` : '',
    f.excludeLargest ? l.xl : '',
  ].filter(Boolean);
  const subject = filtered && top.length !== 1 ? subjectOf(null) : subjectOf(area);
  const feeRow = { yuan: fee[0]?.yuan == null ? null : Number(fee[0].yuan), reports: Number(fee[0]?.reports ?? 0) };
  return {
    title: `${area}${yearText}年政府信息公开工作年度报告（汇总）`,
    scope, cells, included: included.map(ref), missing: missing.map(ref), fee: feeRow,
    draft: drafts(cells, subject, feeRow, lang),
    madeAt: stamp(now), lang, fileBase: `${area}${yearText}年政府信息公开年报汇总`, rollup: true,
  };
}

async function agencyDocument(db: DbAdapter, t: Extract<FormTarget, { kind: 'agency' }>, _years: number[], lang: Lang, now: Date): Promise<FormDocument> {
  const rows = await db.query<Record<string, number | string | null>>(`SELECT r.*, COALESCE(a.name, r.reported_name, r.agency_id) AS agency_name,
  (SELECT fee_yuan FROM document_texts x WHERE x.agency_id = r.agency_id AND x.year = r.year LIMIT 1) AS fee_yuan,
  (SELECT COUNT(*) FROM document_texts x WHERE x.agency_id = r.agency_id AND x.year = r.year AND x.fee_yuan IS NOT NULL)::INTEGER AS fee_reports
FROM reports r LEFT JOIN agencies a ON a.agency_id = r.agency_id WHERE r.agency_id = ${lit(t.agency_id)} ORDER BY r.year`);
  const row = rows.find((r) => Number(r.year) === t.year) ?? rows.at(-1);
  if (!row) throw new Error(lang === 'zh' ? `没有该机构的报告：${t.agency_id}` : `no report of ${t.agency_id}`);
  const year = Number(row.year);
  const name = String(row.agency_name);
  const cells = emptyCells();
  for (const c of CELL_CODES) cells[c] = row[c] == null ? null : Number(row[c]);
  const fee = { yuan: row.fee_yuan == null ? null : Number(row.fee_yuan), reports: Number(row.fee_reports ?? 0) };
  const l = L[lang];
  return {
    title: `${name}${year}年政府信息公开工作年度报告`,
    scope: lang === 'zh' ? [`${l.agency}：${name}（${t.agency_id}）`, `${l.year}：${year}`] : [`${l.agency}: ${name} (${t.agency_id})`, `${l.year}: ${year}`],
    cells, included: [{ agency_id: t.agency_id, name, year }], missing: [], fee,
    draft: drafts(cells, { zh: '本机关', en: 'this agency' }, fee, lang),
    madeAt: stamp(now), lang, fileBase: `${name}${year}年政府信息公开年报`, rollup: false,
  };
}

function drafts(cells: CellValues, subject: { zh: string; en: string }, fee: FormDocument['fee'], lang: Lang): FormDocument['draft'] {
  const input = { cells, subject, fee };
  return { zh: draftParagraphs(input, 'zh'), en: lang === 'en' ? draftParagraphs(input, 'en') : null };
}

const ref = (r: ReportRef): ReportRef => ({ agency_id: r.agency_id, name: r.name, year: Number(r.year) });
