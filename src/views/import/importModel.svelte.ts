// State of the import screen: files picked or dropped, read one after another (each against the
// registry as the previous files left it), each with its outcome and problems.
import { importFile, type ImportResult } from '../../lib/state/store';

export interface FileOutcome {
  name: string;
  status: 'pending' | 'ok' | 'failed';
  result: ImportResult | null;
}

export class ImportModel {
  files = $state<FileOutcome[]>([]);
  busy = $state(false);
  done = $state(0);
  replace = $state(true);

  async run(list: File[]) {
    this.busy = true;
    this.done = 0;
    this.files = list.map((f) => ({ name: f.name, status: 'pending', result: null }));
    for (let i = 0; i < list.length; i++) {
      const bytes = new Uint8Array(await list[i].arrayBuffer());
      const result = await importFile(list[i].name, bytes, this.replace);
      this.files[i] = { name: list[i].name, status: result.applied ? 'ok' : 'failed', result };
      this.done = i + 1;
    }
    this.busy = false;
  }
}
