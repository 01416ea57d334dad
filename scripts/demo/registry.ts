// The fictional city 示例市: its registry of agencies expected to report, with the size profile
// each agency's numbers are drawn around. Names are invented; the structure follows real cities:
// 市政府 → 市级部门, and 区县政府 (aggregate reports) → 区县部门 / 乡镇街道.
import type { LEVELS } from '../../src/lib/format/levels';

export type Level = (typeof LEVELS)[number];
export const CATEGORIES = ['综合', '执法', '经济', '社会', '基层', '区县政府'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Agency {
  id: string;
  name: string;
  level: Level;
  parent: string | null;
  category: Category;
  isAggregate: boolean;
  /** former names, most recent first; rows before `renamedIn` carry aliases[0] */
  aliases: string[];
  renamedIn?: number;
  /** typical new applications a year (before year-to-year drift) */
  scale: number;
  /** range of fees collected (万元); absent = the agency reports no fees (blank) */
  fee?: [number, number];
}

export const CITY = '示例市';
export const ROOT_ID = 'SL';

type DeptSpec = [name: string, category: Category, scale: number, fee?: [number, number]];

const MUNICIPAL: DeptSpec[] = [
  ['发展和改革委员会', '经济', 25],
  ['教育局', '社会', 30],
  ['科学技术局', '经济', 5],
  ['工业和信息化局', '经济', 8],
  ['公安局', '执法', 120],
  ['民政局', '社会', 15],
  ['司法局', '综合', 12],
  ['财政局', '综合', 20],
  ['人力资源和社会保障局', '社会', 60],
  ['自然资源局', '执法', 170, [20, 80]],
  ['生态环境局', '执法', 45],
  ['住房和城乡建设局', '经济', 150],
  ['交通运输局', '执法', 40],
  ['水务局', '经济', 10, [3, 15]],
  ['农业农村局', '经济', 18],
  ['商务局', '经济', 8],
  ['文化广电旅游局', '社会', 7],
  ['卫生健康委员会', '社会', 35],
  ['退役军人事务局', '社会', 6],
  ['应急管理局', '执法', 12],
  ['审计局', '综合', 4],
  ['市场监督管理局', '执法', 80, [0.5, 5]],
  ['统计局', '经济', 5],
  ['医疗保障局', '社会', 14],
  ['城市管理综合行政执法局', '执法', 40],
  ['数据局', '综合', 10],
  ['信访局', '综合', 6],
  ['林业局', '经济', 4],
  ['体育局', '社会', 3],
  ['人民防空办公室', '综合', 3],
];

/** Renames during 2021–2024: current name → [former names, first year under the new name]. */
const RENAMES: Record<string, [string[], number]> = {
  示例市数据局: [['示例市大数据管理局', '示例市大数据局'], 2023],
  东城区城市管理和综合执法局: [['东城区城市管理局'], 2022],
};

interface DistrictSpec {
  short: string;
  county: boolean;
  mult: number;
  towns: string[];
}

const DISTRICTS: DistrictSpec[] = [
  { short: '东城区', county: false, mult: 1.3, towns: ['东华街道办事处', '朝阳街道办事处', '新民街道办事处', '和平街道办事处', '滨河街道办事处'] },
  { short: '西城区', county: false, mult: 1.0, towns: ['西关街道办事处', '文昌街道办事处', '建设街道办事处', '光明街道办事处', '金桥镇人民政府'] },
  { short: '南山县', county: true, mult: 0.55, towns: ['南山镇人民政府', '青石镇人民政府', '白沙乡人民政府', '龙泉镇人民政府', '石桥乡人民政府'] },
  { short: '北湖县', county: true, mult: 0.75, towns: ['北湖镇人民政府', '湖滨镇人民政府', '长岭乡人民政府', '柳林镇人民政府', '桃源乡人民政府'] },
];

/** A district's departments; [urban name, county name] where they differ. */
const DISTRICT_DEPTS: [name: string | [string, string], category: Category, scale: number, fee?: [number, number]][] = [
  ['人民政府办公室', '综合', 40],
  [['公安分局', '公安局'], '执法', 55],
  ['自然资源局', '执法', 50, [2, 10]],
  ['住房和城乡建设局', '经济', 55],
  ['人力资源和社会保障局', '社会', 25],
  ['教育局', '社会', 12],
  ['市场监督管理局', '执法', 30],
  ['城市管理和综合执法局', '执法', 25],
];

const pad2 = (n: number) => String(n).padStart(2, '0');

function withRename(a: Agency): Agency {
  const r = RENAMES[a.name];
  return r ? { ...a, aliases: r[0], renamedIn: r[1] } : a;
}

export function buildRegistry(): Agency[] {
  const out: Agency[] = [];
  const add = (a: Omit<Agency, 'aliases'>) => out.push(withRename({ ...a, aliases: [] }));
  add({ id: ROOT_ID, name: `${CITY}人民政府`, level: '市级', parent: null, category: '综合', isAggregate: false, scale: 120 });
  MUNICIPAL.forEach(([name, category, scale, fee], i) =>
    add({ id: `${ROOT_ID}-D${pad2(i + 1)}`, name: `${CITY}${name}`, level: '市级部门', parent: ROOT_ID, category, isAggregate: false, scale, fee }),
  );
  DISTRICTS.forEach((d, i) => {
    const qid = `${ROOT_ID}-Q${i + 1}`;
    add({ id: qid, name: `${CITY}${d.short}人民政府`, level: '区县', parent: ROOT_ID, category: '区县政府', isAggregate: true, scale: 0 });
    DISTRICT_DEPTS.forEach(([name, category, scale, fee], j) => {
      const n = typeof name === 'string' ? name : name[d.county ? 1 : 0];
      // only two districts' 自然资源局 report fees
      const f = fee && (i === 0 || i === 2) ? fee : undefined;
      add({ id: `${qid}-D${pad2(j + 1)}`, name: `${d.short}${n}`, level: '区县部门', parent: qid, category, isAggregate: false, scale: scale * d.mult, fee: f });
    });
    d.towns.forEach((t, j) =>
      add({ id: `${qid}-T${pad2(j + 1)}`, name: `${d.short}${t}`, level: '乡镇街道', parent: qid, category: '基层', isAggregate: false, scale: 6 * d.mult }),
    );
  });
  return out;
}

/** The name an agency reported under in a given year (its former name before a rename). */
export function nameInYear(a: Agency, year: number): string {
  return a.renamedIn !== undefined && year < a.renamedIn ? a.aliases[0] : a.name;
}
