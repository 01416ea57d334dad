// The shared filters: URL params ⇄ state, pure.
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, filtersToParams, hasAgencyFilter, orderLevels, parseFilters, resolvePeriod, resolveYear, withFilter } from '../../src/lib/state/filters';
import { buildHash, parseHash } from '../../src/lib/state/route';
import { LEVELS } from '../../src/lib/format/levels';

describe('filters', () => {
  it('parses the params of a link and serialises them back to the same link', () => {
    const hash = '#/refusals?year=2023&level=%E5%8C%BA%E5%8E%BF&q=%E4%B8%9C%E5%9F%8E&xl=1&sort=name';
    const route = parseHash(hash);
    const f = parseFilters(route.params);
    expect(f).toEqual({ ...EMPTY_FILTERS, year: 2023, level: '区县', q: '东城', excludeLargest: true });
    expect(buildHash({ ...route, params: filtersToParams(f, route.params) })).toBe(buildHash(route));
  });

  it('drops malformed values instead of breaking the view', () => {
    const f = parseFilters({ year: '20x3', from: '', to: '99999', level: '  ', xl: 'yes', q: 'a\u0000b\u001f' });
    expect(f).toEqual({ ...EMPTY_FILTERS, q: 'ab' });
  });

  it('changes one filter and keeps the view’s own params', () => {
    expect(withFilter({ year: '2022', sort: 'x', level: '市级' }, 'level', null)).toEqual({ year: '2022', sort: 'x' });
    expect(withFilter({ sel: 'A,B' }, 'excludeLargest', true)).toEqual({ sel: 'A,B', xl: '1' });
  });

  it('resolves the year and the period against the loaded years', () => {
    const years = [2021, 2022, 2023, 2024];
    expect(resolveYear({ ...EMPTY_FILTERS, year: 2022 }, years)).toBe(2022);
    expect(resolveYear({ ...EMPTY_FILTERS, year: 2019 }, years)).toBe(2024);
    expect(resolveYear(EMPTY_FILTERS, [])).toBeNull();
    expect(resolvePeriod(EMPTY_FILTERS, years)).toEqual({ from: 2021, to: 2024 });
    expect(resolvePeriod({ ...EMPTY_FILTERS, from: 2023, to: 2030 }, years)).toEqual({ from: 2023, to: 2024 });
    expect(resolvePeriod({ ...EMPTY_FILTERS, from: 2024, to: 2022 }, years)).toEqual({ from: 2022, to: 2024 });
  });

  it('orders levels as the hierarchy reads, unknown levels last', () => {
    expect(orderLevels(['乡镇街道', '其他级', '市级', '区县', '市级'], LEVELS)).toEqual(['市级', '区县', '乡镇街道', '其他级']);
    expect(hasAgencyFilter(EMPTY_FILTERS)).toBe(false);
    expect(hasAgencyFilter({ ...EMPTY_FILTERS, category: '执法' })).toBe(true);
  });
});
