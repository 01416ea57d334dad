// State of the data-management section: the stored log, storage figures, and the actions.
import { getDb } from '../../lib/db/duckdb';
import { lit } from '../../lib/db/adapter';
import { storageInfo, type StorageInfo } from '../../lib/db/persist';
import { clearAll, deleteAgencyYear, logItems, setDemoShown, undoLastImport, type LogItem } from '../../lib/state/dataOps';
import { replayFailures, settings, startStore } from '../../lib/state/store';

export interface AgencyName { agency_id: string; name: string }

export class DataModel {
  log = $state<LogItem[]>([]);
  storage = $state<StorageInfo>({ usage: null, quota: null, persisted: null });
  /** agencies with a report (the years of the one picked are asked for when it is picked) */
  agencies = $state<AgencyName[]>([]);
  years = $state<number[]>([]);
  demo = $state(true);
  busy = $state(false);
  /** the last action's outcome, shown under the section */
  message = $state<{ ok: boolean; text: string } | null>(null);
  failures = $state<{ file: string; error: string }[]>([]);
  confirmClear = $state(false);
  pickAgency = $state('');
  pickYear = $state<number | null>(null);

  async refresh() {
    await startStore();
    const db = await getDb();
    const [log, storage, agencies] = await Promise.all([
      logItems(), storageInfo(),
      // every agency with a report (a semi join: listing each one's years took ~0.4 s at 100k agency-years)
      db.query<AgencyName>('SELECT agency_id, name FROM agencies WHERE agency_id IN (SELECT agency_id FROM reports) ORDER BY name, agency_id'),
    ]);
    this.log = log;
    this.storage = storage;
    this.agencies = agencies;
    this.demo = settings.demo;
    this.failures = [...replayFailures];
    if (!agencies.some((a) => a.agency_id === this.pickAgency)) this.pickAgency = '';
    await this.loadYears();
  }

  /** The picked agency's years with a report; the latest is preselected. */
  async pick() {
    await this.loadYears();
    this.pickYear = this.years.at(-1) ?? null;
  }

  private async loadYears() {
    const id = this.pickAgency;
    const years = id ? (await (await getDb()).query<{ year: number }>(`SELECT DISTINCT year FROM reports WHERE agency_id = ${lit(id)} ORDER BY year`)).map((r) => r.year) : [];
    if (id === this.pickAgency) this.years = years;
  }

  /** a search over the agencies with reports: a select of 20,000 options would stall the page */
  find = $state('');
  get shown(): AgencyName[] {
    const q = this.find.trim().toLowerCase();
    const hit = q ? this.agencies.filter((a) => a.name.toLowerCase().includes(q) || a.agency_id.toLowerCase().includes(q)) : this.agencies;
    const top = hit.slice(0, 200);
    const picked = this.agencies.find((a) => a.agency_id === this.pickAgency);
    return picked && !top.includes(picked) ? [picked, ...top] : top;
  }

  get lastImport(): LogItem | null {
    return this.log.filter((x) => x.op === 'import').at(-1) ?? null;
  }

  private async act(f: () => Promise<{ ok: boolean; text: string } | null>) {
    this.busy = true;
    try {
      this.message = await f();
    } catch (e) {
      this.message = { ok: false, text: e instanceof Error ? e.message : String(e) };
    } finally {
      this.confirmClear = false;
      await this.refresh().catch(() => undefined);
      this.busy = false;
    }
  }

  undo(done: string) {
    return this.act(async () => {
      const file = await undoLastImport();
      return file ? { ok: true, text: `${done}：${file}` } : null;
    });
  }

  deleteReport(done: string) {
    const id = this.pickAgency;
    const year = this.pickYear;
    if (!id || year === null) return;
    return this.act(async () => {
      const err = await deleteAgencyYear(id, year);
      return err ? { ok: false, text: err } : { ok: true, text: `${done}：${id} ${year}` };
    });
  }

  clear(keepDemo: boolean, done: string) {
    return this.act(async () => {
      await clearAll(keepDemo);
      return { ok: true, text: done };
    });
  }

  toggleDemo(shown: boolean) {
    return this.act(async () => {
      await setDemoShown(shown);
      return null;
    });
  }
}
