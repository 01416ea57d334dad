// Names offered while an agency is typed (pure): those containing the typed text, shortest first,
// at most `limit` — a province's registry would otherwise put 25,000 options in the page.
export function suggest(names: readonly string[], typed: string, limit = 50): string[] {
  const q = typed.trim().toLowerCase();
  const hits: string[] = [];
  for (const n of names) if (!q || n.toLowerCase().includes(q)) hits.push(n);
  return hits.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)).slice(0, limit);
}
