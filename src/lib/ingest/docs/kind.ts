// What kind of document a file is, from its bytes first and its name second.
import { looksBinary } from '../decode';
import { isMht } from './mht';

export type DocKind = 'pdf' | 'docx' | 'doc' | 'rtf' | 'mht' | 'html' | 'text' | 'csv' | 'xlsx' | 'image' | 'empty' | 'unknown';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniffKind(name: string, bytes: Uint8Array): DocKind {
  if (!bytes.length) return 'empty';
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  if (head.startsWith('%PDF')) return 'pdf';
  if (isImage(bytes)) return 'image';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    if (ext === 'xlsx') return 'xlsx';
    return ext === 'docx' || head.includes('word/') || head.includes('[Content_Types].xml') ? 'docx' : 'unknown';
  }
  // Word 97–2003 (.doc, WPS Office's .wps): an OLE container; old Excel and others share it
  if (OLE.every((b, i) => bytes[i] === b)) return ['xls', 'ppt', 'msg', 'msi'].includes(ext) ? 'unknown' : 'doc';
  // RTF, often published under a .doc name
  if (head.startsWith('{\\rtf')) return 'rtf';
  // a single-file web page (.mht), also often published under a .doc name
  if (isMht(head)) return 'mht';
  if (ext === 'csv') return 'csv';
  if (['html', 'htm', 'mhtml', 'shtml', 'xhtml'].includes(ext) || /^\s*(<!doctype html|<html|<meta|<head|<body|<table)/i.test(head)) return 'html';
  const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!bom && looksBinary(bytes)) return 'unknown';
  if (['txt', 'text', 'md', 'markdown', ''].includes(ext)) return 'text';
  if (['doc', 'wps', 'pdf', 'docx', 'xls', 'rtf', 'png', 'jpg', 'jpeg', 'webp', 'tif', 'tiff', 'gif', 'bmp'].includes(ext)) return 'unknown';
  return 'text';
}

/** PNG, JPEG, GIF, BMP, TIFF, WebP: pictures of a report (scans, photos), read only by OCR. */
function isImage(b: Uint8Array): boolean {
  const s = (i: number, t: string) => Array.from(t).every((c, k) => b[i + k] === c.charCodeAt(0));
  return (b[0] === 0x89 && s(1, 'PNG')) || (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) || s(0, 'GIF8') ||
    (s(0, 'BM') && b.length > 26) || s(0, 'II*\0') || s(0, 'MM\0*') || (s(0, 'RIFF') && s(8, 'WEBP'));
}
