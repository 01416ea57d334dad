import { describe, expect, it } from 'vitest';
import { joinedName, picturesToJoin } from '../../src/views/import/pictures';
import { needsOcr, looksScanned } from '../../src/lib/ingest/docs/ocr/pipeline';

describe('page images dropped together', () => {
  it('are joined in file-name order, numbers read as numbers (p2 before p10); other files are left alone', () => {
    const files = [
      { name: 'report-p10.jpg', kind: 'image' }, { name: 'notes.txt', kind: 'text' },
      { name: 'report-p2.jpg', kind: 'image' }, { name: 'report-p1.png', kind: 'image' },
    ];
    expect(picturesToJoin(files).map((i) => files[i].name)).toEqual(['report-p1.png', 'report-p2.jpg', 'report-p10.jpg']);
    expect(picturesToJoin([{ name: 'a.jpg', kind: 'image' }, { name: 'b.pdf', kind: 'pdf' }])).toEqual([]);
    expect(joinedName(['a.jpg', 'b.jpg'])).toBe('a.jpg + b.jpg');
  });
});

describe('which PDF pages are scans', () => {
  it('a page with no text, or a few stray characters, is a scan; a text PDF with a blank last page is not read by OCR', () => {
    expect(looksScanned([])).toBe(true);
    expect(looksScanned(['  3  ', 'ab'])).toBe(true);
    expect(looksScanned(['示例市数据局2023年政府信息公开工作年度报告'])).toBe(false);
    const text = { lines: ['三、收到和处理政府信息公开申请情况', '申请人情况 自然人 商业企业 科研机构 社会公益组织'] };
    expect(needsOcr([text, text, { lines: [] }])).toBe(false);
    expect(needsOcr([{ lines: ['示例市数据局2023年政府信息公开工作年度报告 正文'] }, { lines: [] }, { lines: [] }])).toBe(true);
    expect(needsOcr([{ lines: ['一、总体情况 本机关认真贯彻落实条例要求，全面推进政务公开'] }, { lines: ['x'] }, text])).toBe(false);
  });
});
