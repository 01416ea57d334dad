// Single-file web pages (.mht/.mhtml, MIME "multipart/related"), which is also what many reports
// published under a .doc name are (Word's "single file web page"): the first text/html part,
// decoded from quoted-printable or base64 in its charset, is the page. Pure.
export function isMht(head: string): boolean {
  return /^MIME-Version:\s*1\.0/im.test(head) && /^Content-Type:\s*multipart\/related/im.test(head);
}

/** The HTML of a MIME web archive, or null when it has no HTML part. `bytes` as read from disk. */
export function mhtHtml(bytes: Uint8Array): string | null {
  const src = latin1(bytes);
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(src)?.[1];
  const parts = boundary ? src.split(`--${boundary}`).slice(1) : [src];
  for (const part of parts) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = part.slice(0, split);
    if (!/content-type:\s*text\/html/i.test(headers)) continue;
    const body = part.slice(split).replace(/^\r?\n\r?\n/, '');
    const cte = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1].toLowerCase();
    const raw = cte === 'base64' ? base64(body) : cte === 'quoted-printable' ? quotedPrintable(body) : bytesOf(body);
    const charset = /charset="?([\w-]+)/i.exec(headers)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(latin1(raw.subarray(0, 4096)))?.[1] ?? 'utf-8';
    return new TextDecoder(decoderLabel(charset)).decode(raw);
  }
  return null;
}

function decoderLabel(charset: string): string {
  const c = charset.toLowerCase();
  if (['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936'].includes(c)) return 'gb18030';
  try {
    new TextDecoder(c);
    return c;
  } catch {
    return 'utf-8';
  }
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let k = 0; k < b.length; k += 8192) s += String.fromCharCode(...b.subarray(k, k + 8192));
  return s;
}

const bytesOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

function quotedPrintable(s: string): Uint8Array {
  const out: number[] = [];
  const t = s.replace(/=\r?\n/g, ''); // soft line breaks
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(t.slice(i + 1, i + 3))) {
      out.push(parseInt(t.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(t.charCodeAt(i) & 0xff);
  }
  return new Uint8Array(out);
}

function base64(s: string): Uint8Array {
  const clean = s.replace(/[^A-Za-z0-9+/=]/g, '');
  return bytesOf(atob(clean.slice(0, clean.length - (clean.length % 4))));
}
