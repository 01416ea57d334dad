import { describe, expect, it } from 'vitest';
import { AgencyMatcher } from '../../src/lib/ingest/agencyMatch';
import { decisionsOf, draftMatches } from '../../src/lib/ingest/draftMatch';
import { prepareDocuments, type DocumentDraft } from '../../src/lib/ingest/document';
import { consistentCells } from './helpers/records';

const REG = [
  { agency_id: 'HA', name: '淮安市人民政府', aliases: [], parent_id: null, level: '市级', is_aggregate: false },
  { agency_id: 'HA-JY', name: '淮安市教育局', aliases: [], parent_id: 'HA', level: '市级部门' },
];
const draft = (file: string, agency: string, year: number, extra: Partial<DocumentDraft> = {}): DocumentDraft => ({
  file, kind: 'text', text: '', agency, year, published_on: null, published_on_source: null,
  cells: consistentCells(10 + year % 10, 3), warnings: [], failedRules: [], sources: {}, uncertain: [], ...extra,
});

describe('draft matches and the commit', () => {
  it('states follow the user\'s decisions; a decision about a draft that is gone lapses', () => {
    const m = new AgencyMatcher(REG);
    const drafts = [draft('a.pdf', '淮安市洪泽区人民政府', 2024), draft('b.pdf', '洪泽区人民政府', 2023), draft('c.pdf', '淮安市 教育局', 2024)];
    let out = draftMatches(drafts, m);
    expect(out.map((x) => x.state)).toEqual(['new', 'probable', 'matched']);
    expect(out[0].state === 'new' && out[0].guess).toMatchObject({ kind: 'government', level: '区县', parent_id: 'HA', is_aggregate: true });
    drafts[1].match_decision = '淮安市洪泽区人民政府';
    out = draftMatches(drafts, m);
    expect(out[1]).toMatchObject({ state: 'matched', how: 'accepted' });
    expect(decisionsOf(drafts)).toEqual({ 洪泽区人民政府: '淮安市洪泽区人民政府' });
    expect(draftMatches([drafts[1]], m)[0].state).toBe('new'); // not matched to a draft that is gone
  });

  it('commits accepted batch names as one new agency with the confirmed level, parent and aggregate flag', () => {
    const drafts = [draft('a.pdf', '淮安市洪泽区人民政府', 2024), draft('b.pdf', '洪泽区人民政府', 2023, { match_decision: '淮安市洪泽区人民政府' })];
    const { prepared, problems } = prepareDocuments(drafts, REG, true, 2025);
    expect(problems).toEqual([]);
    expect(prepared!.records.map((r) => r.agency_id)).toEqual(['淮安市洪泽区人民政府', '淮安市洪泽区人民政府']);
    expect(prepared!.agencies).toEqual([expect.objectContaining({
      agency_id: '淮安市洪泽区人民政府', level: '区县', parent_id: 'HA', is_aggregate: true, aliases: ['洪泽区人民政府'],
    })]);
    // undecided: the commit stops, naming the draft
    const stop = prepareDocuments([drafts[0], { ...drafts[1], match_decision: undefined }], REG, true, 2025);
    expect(stop.prepared).toBeNull();
    expect(stop.problems.map((p) => p.file)).toEqual(['b.pdf']);
  });
});
