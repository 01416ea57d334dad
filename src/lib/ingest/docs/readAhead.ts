// Several documents dropped at once: while the import screen handles one, the next are already
// being read (pdf.js runs each document in a worker of its own, so two PDFs read at once use two
// cores). At most `width` reads run at a time, started in file order; the caller still takes the
// results one by one in its own order, so drafts, progress and errors stay in file order.
export class ReadAhead<T> {
  private readonly started = new Map<number, Promise<T>>();
  /** items handed out (their results are not kept here: a big batch is not held in memory) */
  private readonly taken = new Set<number>();
  private running = 0;
  private from = 0;

  /** `read(i)` reads item i (it may resolve to nothing for an item that is not a document). */
  constructor(
    private readonly count: number,
    private readonly read: (i: number) => Promise<T>,
    private readonly width = 2,
  ) {}

  /** Item i's read (started now if it was not yet); reads of the items after it start too, up
   *  to the width. */
  take(i: number): Promise<T> {
    const p = this.start(i);
    this.started.delete(i);
    this.taken.add(i);
    this.from = Math.max(this.from, i + 1);
    this.fill();
    return p;
  }

  /** Reads in flight now (for tests). */
  get inFlight(): number {
    return this.running;
  }

  private start(i: number): Promise<T> {
    let p = this.started.get(i);
    if (!p) {
      this.running++;
      p = this.read(i).finally(() => {
        this.running--;
        this.fill();
      });
      // a read ahead that fails is reported when it is taken, not as an unhandled rejection
      p.catch(() => {});
      this.started.set(i, p);
    }
    return p;
  }

  private fill() {
    for (let j = this.from; j < this.count && this.running < this.width; j++) {
      if (!this.started.has(j) && !this.taken.has(j)) this.start(j);
    }
  }
}
