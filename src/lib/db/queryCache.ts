// Read-only query results, shared while the data is unchanged: views often ask the same question
// twice (a facet and a table, a re-render after the URL settles), and returning to a view should
// be instant. Any statement that is not a plain read, or any table load, clears the cache.
export class QueryCache {
  private entries = new Map<string, Promise<unknown[]>>();
  constructor(private readonly max = 64) {}

  static isRead(sql: string): boolean {
    const head = sql.trimStart().slice(0, 12).toUpperCase();
    return (head.startsWith('SELECT') || head.startsWith('WITH')) && !/\b(INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|COPY|ATTACH|SET)\b/i.test(sql);
  }

  get<T>(sql: string, run: () => Promise<T[]>): Promise<T[]> {
    if (!QueryCache.isRead(sql)) {
      this.clear();
      return run();
    }
    let hit = this.entries.get(sql) as Promise<T[]> | undefined;
    if (hit) {
      // most recently used last
      this.entries.delete(sql);
      this.entries.set(sql, hit);
    } else {
      hit = run();
      this.entries.set(sql, hit);
      hit.catch(() => this.entries.delete(sql));
      if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    }
    return hit.then((rows) => rows.slice());
  }

  clear() {
    this.entries.clear();
  }
}
