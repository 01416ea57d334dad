import { describe, expect, it } from 'vitest';
import { change, fmtCompact, fmtCount, fmtMoney, fmtPoints, fmtRate, fmtSigned } from '../../src/lib/format';
import { buildHash, parseHash } from '../../src/lib/state/route';
import { escapeHtml } from '../../src/lib/charts/escape';

describe('formatter', () => {
  it('groups numbers and shows blank as —', () => {
    expect(fmtCount(1234567)).toBe('1,234,567');
    expect(fmtCount(null)).toBe('—');
    expect(fmtCount(0)).toBe('0');
    expect(fmtMoney(12.345)).toBe('12.35');
    expect(fmtMoney(null)).toBe('—');
  });
  it('formats rates, and undefined rates as —', () => {
    expect(fmtRate(0.5091)).toBe('50.9%');
    expect(fmtRate(null)).toBe('—');
    expect(fmtRate(Number.NaN)).toBe('—');
  });
  it('compacts with 万/亿 in Chinese', () => {
    expect(fmtCompact(35000)).toBe('3.5万');
    expect(fmtCompact(230000000)).toBe('2.3亿');
    expect(fmtCompact(35000, 'en')).toBe('35K');
  });
  it('changes: none from a blank, no percentage from zero', () => {
    expect(change(12, 10)).toEqual({ abs: 2, pct: 0.2 });
    expect(change(3, 0)).toEqual({ abs: 3, pct: null });
    expect(change(null, 3)).toEqual({ abs: null, pct: null });
    expect(fmtSigned(-5, String)).toBe('−5');
    expect(fmtPoints(0.019)).toBe('+1.9 个百分点');
  });
});

describe('routes', () => {
  it('round-trips view, args and params', () => {
    const r = parseHash('#/refusals?year=2023&level=%E5%8C%BA%E5%8E%BF');
    expect(r).toEqual({ view: 'refusals', args: [], params: { year: '2023', level: '区县' } });
    expect(parseHash(buildHash(r))).toEqual(r);
    expect(parseHash('#/agency/SL-D01')).toEqual({ view: 'agency', args: ['SL-D01'], params: {} });
    expect(parseHash('').view).toBe('overview');
  });
});

describe('escapeHtml', () => {
  it('neutralises markup from files', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });
});
