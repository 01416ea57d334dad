// What kind of document a file is, from its bytes first and its name second.
export type DocKind = 'pdf' | 'docx' | 'html' | 'text' | 'csv' | 'xlsx' | 'unknown';

export function sniffKind(name: string, bytes: Uint8Array): DocKind {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  if (head.startsWith('%PDF')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    if (ext === 'xlsx') return 'xlsx';
    return ext === 'docx' || head.includes('word/') || head.includes('[Content_Types].xml') ? 'docx' : 'unknown';
  }
  if (ext === 'csv') return 'csv';
  if (['html', 'htm', 'mhtml', 'shtml', 'xhtml'].includes(ext) || /^\s*(<!doctype html|<html|<meta|<head|<body|<table)/i.test(head)) return 'html';
  if (['txt', 'text', 'md', 'markdown', ''].includes(ext)) return 'text';
  if (ext === 'doc' || ext === 'pdf' || ext === 'docx' || ext === 'xls') return 'unknown';
  return 'text';
}
