import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/lib/ingest/values';

describe('parseDate', () => {
  it('reads ISO dates (the fast path) and rejects days that do not exist', () => {
    expect(parseDate('2024-01-31')).toBe('2024-01-31');
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('2023-02-29')).toBeNull();
    expect(parseDate('2024-13-01')).toBeNull();
    expect(parseDate('2024-00-10')).toBeNull();
    expect(parseDate('2024-04-31')).toBeNull();
    expect(parseDate('0024-01-01')).toBeNull();
    expect(parseDate('2024-1-31x')).toBeNull();
  });
  it('reads the other ways dates are written, to the same ISO text', () => {
    expect(parseDate('2024/1/5')).toBe('2024-01-05');
    expect(parseDate('2024.01.05')).toBe('2024-01-05');
    expect(parseDate('2024年1月5日')).toBe('2024-01-05');
    expect(parseDate(' 2024-01-05 ')).toBe('2024-01-05');
    expect(parseDate('２０２４－０１－０５')).toBe('2024-01-05');
    expect(parseDate('2024/2/30')).toBeNull();
    expect(parseDate('24-01-05')).toBeNull();
    expect(parseDate('')).toBeNull();
  });
});
