// Why a document cannot be read, in both languages. Thrown by the readers; the import screen
// shows it beside the file's name, `npm run parse` prints the English one.
import type { DocKind } from './kind';

export class DocumentError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(en);
  }
}

const SUPPORTED_ZH = '支持 CSV、XLSX、Parquet、PDF、Word（DOC、DOCX、WPS）、RTF、HTML、MHT、TXT 及 PNG、JPG、WebP、TIFF 图片';
const SUPPORTED_EN = 'CSV, XLSX, Parquet, PDF, Word (DOC, DOCX, WPS), RTF, HTML, MHT, TXT and PNG, JPG, WebP, TIFF pictures are read';

/** The error for a kind no reader takes (null: a reader takes it). */
export function kindError(kind: DocKind, name: string): DocumentError | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (kind === 'empty') return new DocumentError('文件为空（0 字节）', 'the file is empty (0 bytes)');
  if (kind === 'unknown' && ext === 'xls') return new DocumentError('旧版 Excel（.xls）无法读取：请另存为 .xlsx 或 CSV', 'old Excel files (.xls) are not read: save it as .xlsx or CSV');
  if (kind === 'unknown' || kind === 'xlsx' || kind === 'csv') {
    return new DocumentError(`不是可读取的年报文件：文件内容既不是文本，也不是已知的文档格式（${SUPPORTED_ZH}）`,
      `not a readable report file: its content is neither text nor a known document format (${SUPPORTED_EN})`);
  }
  return null;
}

/** A Word 97 reader failure → the message for the user. */
export function wordError(reason: 'not-word' | 'encrypted' | 'old-version' | 'damaged'): DocumentError {
  switch (reason) {
    case 'encrypted': return new DocumentError('Word 文档有密码保护，无法读取：请去除密码后再导入', 'the Word document is password-protected: remove the password and import it again');
    case 'old-version': return new DocumentError('Word 6/95 格式的文档无法读取：请另存为 .docx', 'Word 6/95 documents are not read: save it as .docx');
    case 'not-word': return new DocumentError('不是 Word 文档：文件是 Office 旧格式容器，但其中没有 Word 正文', 'not a Word document: an old Office container with no Word text in it');
    default: return new DocumentError('Word 文档已损坏，无法读取', 'the Word document is damaged and cannot be read');
  }
}
