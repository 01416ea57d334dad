// What kind of document a file is, from its bytes first and its name second.
export type DocKind = 'pdf' | 'docx' | 'html' | 'text' | 'csv' | 'xlsx' | 'image' | 'unknown';

/** A picture (read by OCR): PNG, JPEG, WebP, TIFF, GIF by their first bytes. */
export function isImage(bytes: Uint8Array): boolean {
  const b = (i: number) => bytes[i];
  const ascii = (from: number, s: string) => [...s].every((ch, i) => b(from + i) === ch.charCodeAt(0));
  return (b(0) === 0x89 && ascii(1, 'PNG')) || (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) || (ascii(0, 'RIFF') && ascii(8, 'WEBP'))
    || ascii(0, 'II*\0') || ascii(0, 'MM\0*') || ascii(0, 'GIF8');
}

export function sniffKind(name: string, bytes: Uint8Array): DocKind {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  if (head.startsWith('%PDF')) return 'pdf';
  if (isImage(bytes)) return 'image';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    if (ext === 'xlsx') return 'xlsx';
    return ext === 'docx' || head.includes('word/') || head.includes('[Content_Types].xml') ? 'docx' : 'unknown';
  }
  if (ext === 'csv') return 'csv';
  if (['html', 'htm', 'mhtml', 'shtml', 'xhtml'].includes(ext) || /^\s*(<!doctype html|<html|<meta|<head|<body|<table)/i.test(head)) return 'html';
  if (['txt', 'text', 'md', 'markdown', ''].includes(ext)) return 'text';
  if (['doc', 'pdf', 'docx', 'xls', 'png', 'jpg', 'jpeg', 'webp', 'tif', 'tiff', 'gif', 'bmp'].includes(ext)) return 'unknown';
  return 'text';
}
