// Strings of the OCR parts of the import screen (zh, en).
import { fillIn, type Lang } from '../../lib/i18n/messages';

const zh = {
  ocr_page: '文字识别（OCR）第 {p} 页',
  ocr_summary: '扫描件，经文字识别（OCR）读取：{pages} 页，{n} 格待核对（其中 {d} 格按勾稽关系推算）',
  ocr_crop: '原图此处',
  ocr_conf: '识别置信度',
  ocr_pages: '页序（按文件名排列，可调整）',
  ocr_up: '上移',
  ocr_down: '下移',
  ocr_turned: '已旋转 {deg}°',
};
const en: typeof zh = {
  ocr_page: 'OCR page {p}',
  ocr_summary: 'scanned, read by OCR: {pages} page(s), {n} cells uncertain ({d} of them given by the form\'s sums)',
  ocr_crop: 'the scan here',
  ocr_conf: 'OCR confidence',
  ocr_pages: 'Page order (by file name; can be changed)',
  ocr_up: 'Move up',
  ocr_down: 'Move down',
  ocr_turned: 'turned {deg}°',
};

export type OcrKey = keyof typeof zh;
export function ocrT(lang: Lang, key: OcrKey, vars: Record<string, string | number> = {}): string {
  return fillIn((lang === 'en' ? en : zh)[key], vars);
}
