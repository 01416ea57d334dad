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

  /** `variant` tells apart results of the same SQL in different forms (e.g. lazy rows). */
  get<T>(sql: string, run: () => Promise<T[]>, variant = ''): Promise<T[]> {
    if (!QueryCache.isRead(sql)) {
      this.clear();
      return run();
    }
    const key = variant ? `${variant}\u0000${sql}` : sql;
    let hit = this.entries.get(key) as Promise<T[]> | undefined;
    if (hit) {
      // most recently used last
      this.entries.delete(key);
      this.entries.set(key, hit);
    } else {
      hit = run();
      this.entries.set(key, hit);
      hit.catch(() => this.entries.delete(key));
      if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    }
    return hit.then((rows) => rows.slice());
  }

  /** A result known to hold for the data now loaded. */
  put(sql: string, rows: unknown[]) {
    this.entries.set(sql, Promise.resolve(rows));
  }

  clear() {
    this.entries.clear();
  }
}
