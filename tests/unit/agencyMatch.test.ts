import { describe, expect, it } from 'vitest';
import { AgencyMatcher, BatchMatcher, normaliseAgencyName, type MatchEntry } from '../../src/lib/ingest/agencyMatch';
import { kindOfName, skeleton } from '../../src/lib/ingest/agencyNames';

// A registry shaped like a real city's: the city, a district under it (named without the city),
// a district named with it, departments at both levels, a township, and a county with 沭.
const REGISTRY: MatchEntry[] = [
  { agency_id: 'HA', name: '淮安市人民政府', aliases: [], parent_id: null, level: '市级', is_aggregate: false },
  { agency_id: 'HA-JY', name: '淮安市教育局', aliases: ['淮安市教育委员会'], parent_id: 'HA', level: '市级部门' },
  { agency_id: 'HZ', name: '洪泽区人民政府', aliases: [], parent_id: 'HA', level: '区县', is_aggregate: true },
  { agency_id: 'HZ-JY', name: '洪泽区教育局', aliases: [], parent_id: 'HZ', level: '区县部门' },
  { agency_id: 'HZ-GLJ', name: '洪泽区高良涧街道办事处', aliases: [], parent_id: 'HZ', level: '乡镇街道' },
  { agency_id: 'QJP', name: '淮安市清江浦区人民政府', aliases: [], parent_id: 'HA', level: '区县', is_aggregate: true },
  { agency_id: 'SY', name: '沭阳县人民政府', aliases: [], parent_id: null, level: '区县', is_aggregate: true },
  { agency_id: 'XW', name: '盱眙县人民政府', aliases: [], parent_id: null, level: '区县', is_aggregate: true },
];

describe('normaliseAgencyName', () => {
  it('folds width, spaces, brackets and the suffix （本级）', () => {
    expect(normaliseAgencyName(' 洪泽区 人民政府（本级） ')).toBe('洪泽区人民政府');
    expect(normaliseAgencyName('淮安市\u3000教育局')).toBe('淮安市教育局');
    expect(normaliseAgencyName('中共淮安市委【机要局】')).toBe('中共淮安市委(机要局)');
    expect(normaliseAgencyName('淮安市ＡＢＣ中心')).toBe('淮安市ABC中心');
    expect(normaliseAgencyName('“淮安市”教育局')).toBe('淮安市教育局');
  });
});

describe('AgencyMatcher', () => {
  const m = new AgencyMatcher(REGISTRY);

  it('matches an agency_id, the exact name and an alias', () => {
    expect(m.match('whatever', 'HZ')).toEqual({ state: 'matched', agency_id: 'HZ', how: 'id' });
    expect(m.match('淮安市教育局')).toEqual({ state: 'matched', agency_id: 'HA-JY', how: 'name' });
    expect(m.match('淮安市教育委员会')).toEqual({ state: 'matched', agency_id: 'HA-JY', how: 'alias' });
  });

  it('matches a normalised form that is unique', () => {
    expect(m.match('洪泽区人民政府（本级）')).toMatchObject({ state: 'matched', agency_id: 'HZ', how: 'normalised' });
    expect(m.match('淮安市 教育局')).toMatchObject({ state: 'matched', agency_id: 'HA-JY' });
  });

  it('strips a leading place name the hierarchy implies, in both directions', () => {
    // registry "洪泽区人民政府" under 淮安市; the report says "淮安市洪泽区人民政府"
    expect(m.match('淮安市洪泽区人民政府')).toMatchObject({ state: 'matched', agency_id: 'HZ', how: 'normalised' });
    // the short form of the parent's place, and a department two levels down
    expect(m.match('淮安洪泽区人民政府')).toMatchObject({ state: 'matched', agency_id: 'HZ' });
    expect(m.match('淮安市洪泽区教育局')).toMatchObject({ state: 'matched', agency_id: 'HZ-JY' });
    expect(m.match('淮安市洪泽区高良涧街道办事处')).toMatchObject({ state: 'matched', agency_id: 'HZ-GLJ' });
    // registry "淮安市清江浦区人民政府"; the report drops the city
    expect(m.match('清江浦区人民政府')).toMatchObject({ state: 'matched', agency_id: 'QJP' });
  });

  it('a place name the hierarchy does not imply makes the candidate probable, with the reason', () => {
    // 沭阳县 has no parent in this registry: "宿迁市沭阳县人民政府" is only probably it
    const out = m.match('宿迁市沭阳县人民政府');
    expect(out.state).toBe('probable');
    if (out.state !== 'probable') return;
    expect(out.candidates.map((c) => c.agency_id)).toEqual(['SY']);
    expect(out.candidates[0].reason_zh).toContain('宿迁市');
    expect(out.candidates[0].reason_en).toContain('宿迁市');
  });

  it('look-alike characters are probable, never matched', () => {
    for (const typo of ['沐阳县人民政府', '淮安市洪泽区教肓局'.replace('肓', '育').replace('洪', '洪')]) void typo;
    const out = m.match('沐阳县人民政府');
    expect(out.state).toBe('probable');
    if (out.state === 'probable') {
      expect(out.candidates[0].agency_id).toBe('SY');
      expect(out.candidates[0].reason_zh).toContain('沐/沭');
      expect(out.candidates[0].reason_en).toContain('look-alike');
    }
    // with a place prefix the hierarchy implies, a look-alike is still only probable
    const typo = m.match('淮安市洪泽区入民政府');
    expect(typo.state).toBe('probable');
    if (typo.state === 'probable') expect(typo.candidates[0]).toMatchObject({ agency_id: 'HZ' });
  });

  it('a registry name with a place its hierarchy does not hold is only probable for the short name', () => {
    const r = new AgencyMatcher([{ agency_id: 'SQ-SY', name: '宿迁市沭阳县人民政府', aliases: [] }]);
    const out = r.match('沭阳县人民政府');
    expect(out.state).toBe('probable');
    if (out.state === 'probable') expect(out.candidates[0].reason_zh).toContain('宿迁市');
  });

  it('never reduces a name to a bare department name', () => {
    // "教育局" alone is no agency of the registry; a department of another city is new
    expect(m.match('教育局').state).toBe('new');
    expect(m.match('宿迁市教育局').state).toBe('new');
  });

  it('two agencies with the same alias are probable, both offered', () => {
    const dup = new AgencyMatcher([...REGISTRY, { agency_id: 'X', name: '某局', aliases: ['淮安市教育委员会'] }]);
    const out = dup.match('淮安市教育委员会');
    expect(out.state).toBe('probable');
    if (out.state === 'probable') expect(out.candidates.map((c) => c.agency_id).sort()).toEqual(['HA-JY', 'X']);
  });

  it('guesses a new agency from its name and the registry', () => {
    expect(m.match('淮安市淮阴区人民政府')).toEqual({ state: 'new', guess: { kind: 'government', level: '区县', parent_id: 'HA', is_aggregate: true } });
    expect(m.match('淮安市生态环境局')).toEqual({ state: 'new', guess: { kind: 'department', level: '市级部门', parent_id: 'HA', is_aggregate: false } });
    expect(m.match('淮安市洪泽区财政局')).toEqual({ state: 'new', guess: { kind: 'department', level: '区县部门', parent_id: 'HZ', is_aggregate: false } });
    expect(m.match('洪泽区岔河镇人民政府')).toEqual({ state: 'new', guess: { kind: 'township', level: '乡镇街道', parent_id: 'HZ', is_aggregate: false } });
    expect(m.match('苏州市人民政府')).toEqual({ state: 'new', guess: { kind: 'government', level: '市级', parent_id: null, is_aggregate: true } });
  });
});

describe('BatchMatcher', () => {
  it('offers two new names of one batch as one agency (place prefix)', () => {
    const b = new BatchMatcher(new AgencyMatcher([]));
    expect(b.match('洪泽区人民政府').state).toBe('new');
    const second = b.match('淮安市洪泽区人民政府');
    expect(second.state).toBe('probable');
    if (second.state === 'probable') {
      expect(second.candidates).toHaveLength(1);
      expect(second.candidates[0]).toMatchObject({ agency_id: '洪泽区人民政府', name: '洪泽区人民政府', batch: true });
    }
    // the same name again is the same new agency, not a candidate of itself
    expect(b.match('洪泽区人民政府').state).toBe('new');
  });

  it('offers the batch names in the other order too, and look-alikes', () => {
    const b = new BatchMatcher(new AgencyMatcher([]));
    expect(b.match('淮安市洪泽区人民政府').state).toBe('new');
    expect(b.match('洪泽区人民政府').state).toBe('probable');
    expect(b.match('沭阳县教育局').state).toBe('new');
    expect(b.match('沐阳县教育局').state).toBe('probable');
    expect(b.match('盱眙县教育局').state).toBe('new');
  });

  it('prefers the registry over the batch', () => {
    const b = new BatchMatcher(new AgencyMatcher(REGISTRY));
    expect(b.match('淮安市洪泽区人民政府')).toMatchObject({ state: 'matched', agency_id: 'HZ' });
    expect(b.match('洪泽区人民政府')).toMatchObject({ state: 'matched', agency_id: 'HZ' });
  });
});

describe('names', () => {
  it('kinds and skeletons', () => {
    expect(kindOfName('洪泽区人民政府')).toBe('government');
    expect(kindOfName('淮安市发展和改革委员会')).toBe('department');
    expect(kindOfName('洪泽区人民政府办公室')).toBe('department');
    expect(kindOfName('高良涧街道办事处')).toBe('township');
    expect(kindOfName('岔河镇人民政府')).toBe('township');
    expect(skeleton('沐阳')).toBe(skeleton('沭阳'));
    expect(skeleton('洪泽')).not.toBe(skeleton('洪择'));
  });
});
