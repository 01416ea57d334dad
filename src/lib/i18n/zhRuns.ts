// A UI message that quotes the user's data (an agency name, a file name) split into runs: the
// Chinese runs are that data (the UI's own words are translated), to be marked lang="zh".
const CJK = /([\u3400-\u9fff\u3000-\u303f\uff00-\uffef]+)/;

export function zhRuns(text: string): { text: string; zh: boolean }[] {
  return text.split(CJK).filter(Boolean).map((t) => ({ text: t, zh: CJK.test(t) }));
}
