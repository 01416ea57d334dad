// Agency names as a supervisor reads them: one normal form (width, spaces, brackets, the suffix
// （本级）), the leading place names ("淮安市洪泽区…" → 淮安市, 洪泽区), look-alike characters that OCR
// and typing confuse, and a guess of what a name not in the registry is. Pure.

/** Full-width ASCII → half-width, every kind of space removed, brackets made round, quotes and
 *  middle dots dropped, the suffix （本级） (a government's own offices) removed. */
export function normaliseAgencyName(name: string): string {
  let s = name.normalize('NFKC');
  s = s.replace(/[\s\u3000\u00a0\u200b]+/g, '');
  s = s.replace(/[【〔［\[｛{〈《]/g, '(').replace(/[】〕］\]｝}〉》]/g, ')');
  s = s.replace(/["'“”‘’「」『』·•・]/g, '');
  s = s.replace(/\(本级\)$/, '');
  return s;
}

/** A place name at the start of a name (lazy: "淮安市洪泽区" → "淮安市"). */
const PLACE_TOKEN = /^[\u4e00-\u9fff]{1,7}?(?:特别行政区|自治区|自治州|自治县|地区|街道|省|市|州|盟|区|县|旗|镇|乡)/;

/** The leading place token of a normalised name, or null. */
export function leadingPlace(s: string): string | null {
  return PLACE_TOKEN.exec(s)?.[0] ?? null;
}

/** A place with and without its administrative suffix ("淮安市" → 淮安市, 淮安). */
export function placeForms(place: string): string[] {
  const short = place.replace(/(?:特别行政区|自治区|自治州|自治县|地区|省|市|区|县)$/, '');
  return short.length >= 2 && short !== place ? [place, short] : [place];
}

/** The place a local government's name governs ("淮安市洪泽区人民政府" → "淮安市洪泽区"), or null. */
export function governedPlace(normalised: string): string | null {
  const m = /^(.+?)(?:人民政府|政府|人民政府办公室)$/.exec(normalised);
  return m && leadingPlace(m[1]) ? m[1] : null;
}

/** Characters OCR and typing confuse; each group maps to its first character in a skeleton. */
const LOOK_ALIKE_GROUPS = ['沭沐', '己已巳', '土士', '未末', '戊戌戍', '日曰', '拨拔', '汩汨', '候侯', '崇祟', '徽微', '亳毫', '于干千', '人入', '天夭', '兖衮', '券卷', '泠冷', '洽治', '睢雎', '郏郟'];
const SKELETON = new Map<string, string>();
for (const g of LOOK_ALIKE_GROUPS) for (const ch of g) SKELETON.set(ch, g[0]);

export function skeleton(s: string): string {
  let out = '';
  for (const ch of s) out += SKELETON.get(ch) ?? ch;
  return out;
}

/** The look-alike pairs where two names of equal skeleton differ ("沭/沐"). */
export function lookAlikePairs(a: string, b: string): string[] {
  const xs = [...a], ys = [...b];
  const out: string[] = [];
  xs.forEach((x, i) => { if (ys[i] !== undefined && ys[i] !== x) out.push(`${x}/${ys[i]}`); });
  return [...new Set(out)];
}

export type NameKind = 'government' | 'department' | 'township' | 'other';

/** What a name says about the agency: a local people's government (usually an aggregate of its
 *  area), a department (…局/委/办…), a township or street office, or nothing. */
export function kindOfName(normalised: string): NameKind {
  if (/(?:镇|乡|街道)(?:人民政府|政府|办事处|街道办事处|办)?$/.test(normalised) || /街道办事处$/.test(normalised)) return 'township';
  if (/(?:市|区|县|旗|州|省|自治区)(?:人民政府|政府)$/.test(normalised)) return 'government';
  if (/(?:局|委员会|委|办公室|办|厅|署|院|中心|总队|支队|大队|队|所|站|会)$/.test(normalised)) return 'department';
  return 'other';
}
