// The compliance view's filters, counts and scorecard (pure).
import { describe, expect, it } from 'vitest';
import { countByRule, filterFlags, scorecard } from '../../src/views/compliance/flagFilters';
import { RULES, flagKey, type Flag } from '../../src/lib/rules/rules';

const f = (rule: Flag['rule'], agency_id: string, agency: string, year: number, severity: Flag['severity'], level = '市级部门', column: string | null = null): Flag => ({
  rule, severity, agency_id, agency, level, year, cells: [], expected: null, actual: null, message_zh: '', message_en: '', column,
});
const FLAGS = [
  f('balance', 'A', '甲局', 2023, 'error', '市级部门', 'natural'), f('balance', 'A', '甲局', 2023, 'error', '市级部门', 'total'),
  f('late', 'B', '乙街道', 2024, 'warning', '乡镇街道'), f('missing', 'C', '丙区', 2024, 'error', '区县'), f('copied', 'A', '甲局', 2024, 'warning', '市级部门', 'prev'),
];

describe('compliance filters', () => {
  it('filters by rule, severity, level, year, agency search, one agency and review state', () => {
    const none = new Set<string>();
    const keys = (xs: Flag[]) => xs.map(flagKey);
    expect(filterFlags(FLAGS, { rule: 'balance' }, none)).toHaveLength(2);
    expect(filterFlags(FLAGS, { severity: 'warning' }, none).map((x) => x.rule)).toEqual(['late', 'copied']);
    expect(filterFlags(FLAGS, { level: '区县' }, none).map((x) => x.agency_id)).toEqual(['C']);
    expect(filterFlags(FLAGS, { year: '2024', q: '甲' }, none).map((x) => x.rule)).toEqual(['copied']);
    expect(filterFlags(FLAGS, { q: 'b' }, none).map((x) => x.agency_id)).toEqual(['B']);
    expect(filterFlags(FLAGS, { agency: 'A', year: '2023' }, none)).toHaveLength(2);
    const confirmed = new Set([flagKey(FLAGS[2])]);
    expect(keys(filterFlags(FLAGS, { review: 'confirmed' }, confirmed))).toEqual([flagKey(FLAGS[2])]);
    expect(filterFlags(FLAGS, { review: 'open' }, confirmed)).toHaveLength(4);
    expect(filterFlags(FLAGS, { rule: '', q: '  ' }, none)).toHaveLength(5);
  });

  it('counts by rule (every rule, zeros included) and scores agencies, sortable', () => {
    const counts = countByRule(FLAGS);
    expect(counts).toHaveLength(RULES.length);
    expect(new Set(counts.map((c) => c.rule))).toEqual(new Set(RULES.map((r) => r.id)));
    expect(counts.find((c) => c.rule === 'balance')).toEqual({ rule: 'balance', errors: 2, warnings: 0, total: 2 });
    expect(counts.find((c) => c.rule === 's4_sum')!.total).toBe(0);
    const s = scorecard(FLAGS);
    expect(s.map((r) => [r.agency_id, r.errors, r.warnings, r.total, r.reports])).toEqual([['A', 2, 1, 3, 2], ['B', 0, 1, 1, 1], ['C', 1, 0, 1, 1]]);
    expect(scorecard(FLAGS, 'warnings', 'asc').map((r) => r.agency_id)).toEqual(['C', 'A', 'B']);
    expect(scorecard(FLAGS, 'agency', 'asc').map((r) => r.agency)).toEqual(['丙区', '甲局', '乙街道']);
  });
});
