// Strings of like-for-like changes and coverage notes (zh, en), kept beside their components.
import type { Lang } from './messages';
import { fmtCount } from '../format';

const n = (v: number, lang: Lang) => fmtCount(v, lang);

export const CHANGE_TEXT = {
  zh: {
    panel: (k: number) => `同口径 ${n(k, 'zh')} 家`,
    panel_title: '较上年的变化只比较两年都计入合计的机构（同口径），本年合计本身不变',
    no_panel: '两年无共同计入的机构',
    no_prev: '无上年数据',
    basis: (y: number, k: number) => `较上年变化为同口径：${y - 1}、${y} 年都计入合计的 ${n(k, 'zh')} 家机构。`,
    left_cur: (y: number, k: number, noPrev: number, moved: number) =>
      `本年计入的 ${n(k, 'zh')} 家未纳入比较（${[noPrev ? `${n(noPrev, 'zh')} 家 ${y - 1} 年未报送` : '', moved ? `${n(moved, 'zh')} 家 ${y - 1} 年经汇总报告或所属机构另行计入` : ''].filter(Boolean).join('，')}）。`,
    left_prev: (y: number, k: number, noCur: number, moved: number) =>
      `${y - 1} 年计入的 ${n(k, 'zh')} 家未纳入比较（${[noCur ? `${n(noCur, 'zh')} 家本年未报送` : '', moved ? `${n(moved, 'zh')} 家本年经汇总报告或所属机构另行计入` : ''].filter(Boolean).join('，')}）。`,
    via_aggregate: '以下地区的所属机构报告不全，合计采用其汇总报告：',
    via_aggregate_item: (name: string, value: string, got: number, of: number, membersValue: string) =>
      `${name}（汇总报告 ${value}；所属 ${n(of, 'zh')} 家中 ${n(got, 'zh')} 家报送，合计 ${membersValue}）`,
    coverage_mark: (y: number, got: number, of: number, latest: number, extra: number) =>
      `${y} 年：${latest} 年报送的 ${n(of, 'zh')} 家中 ${n(got, 'zh')} 家报送${extra ? `，另有 ${n(extra, 'zh')} 家` : ''}`,
    coverage_note: (latest: number) => `标 * 的年份报送机构与 ${latest} 年不同：`,
    lfl_series: '同口径序列',
    lfl_series_note: (k: number, from: number, to: number) => `同口径序列：只含 ${from}–${to} 年每年都计入合计的 ${n(k, 'zh')} 家机构。`,
    yoy_lfl: '同口径较上年',
    no_peer: (k: number) => (k === 1 ? '同级只有该机构 1 家，不排名、不计百分位' : '该项空白，不排名'),
    pct_direction: (label: string, rate: boolean) => `越高 = ${label}${rate ? '越高' : '越多'}`,
    peers_rule: '排名和百分位只在同级至少 2 家有数时给出。',
  },
  en: {
    panel: (k: number) => `like-for-like, ${n(k, 'en')} ${k === 1 ? 'agency' : 'agencies'}`,
    panel_title: 'The change from last year compares only the agencies counted in both years (like-for-like); the year’s own total is unchanged',
    no_panel: 'no agency counted in both years',
    no_prev: 'no previous year',
    basis: (y: number, k: number) => `Changes from last year are like-for-like: the ${n(k, 'en')} agencies counted in both ${y - 1} and ${y}.`,
    left_cur: (y: number, k: number, noPrev: number, moved: number) =>
      `${n(k, 'en')} counted this year are left out (${[noPrev ? `${n(noPrev, 'en')} did not report in ${y - 1}` : '', moved ? `${n(moved, 'en')} came in through an aggregate report or its members in ${y - 1}` : ''].filter(Boolean).join(', ')}).`,
    left_prev: (y: number, k: number, noCur: number, moved: number) =>
      `${n(k, 'en')} counted in ${y - 1} are left out (${[noCur ? `${n(noCur, 'en')} did not report this year` : '', moved ? `${n(moved, 'en')} came in through an aggregate report or its members this year` : ''].filter(Boolean).join(', ')}).`,
    via_aggregate: 'Members’ reports incomplete, so the total uses the area’s aggregate report:',
    via_aggregate_item: (name: string, value: string, got: number, of: number, membersValue: string) =>
      `${name} (aggregate report ${value}; ${n(got, 'en')} of ${n(of, 'en')} members reported, summing to ${membersValue})`,
    coverage_mark: (y: number, got: number, of: number, latest: number, extra: number) =>
      `${y}: ${n(got, 'en')} of the ${n(of, 'en')} reporting in ${latest} reported${extra ? `, and ${n(extra, 'en')} others` : ''}`,
    coverage_note: (latest: number) => `Years marked * differ in who reported from ${latest}:`,
    lfl_series: 'Like-for-like series',
    lfl_series_note: (k: number, from: number, to: number) => `Like-for-like series: only the ${n(k, 'en')} agencies counted in every year ${from}–${to}.`,
    yoy_lfl: 'like-for-like change',
    no_peer: (k: number) => (k === 1 ? 'the only agency of its level: no rank, no percentile' : 'blank: not ranked'),
    pct_direction: (label: string, rate: boolean) => `higher = ${rate ? 'higher' : 'more'} ${label}`,
    peers_rule: 'Ranks and percentiles are given only among at least 2 agencies of the same level with a value.',
  },
} satisfies Record<Lang, unknown>;

export const changeText = (lang: Lang) => CHANGE_TEXT[lang];
