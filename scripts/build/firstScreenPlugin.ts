// Vite plugin: `virtual:first-screen`, the overview's results on the bundled demo (see
// firstScreen.ts), computed in a child process (DuckDB-WASM in Node) when the app asks for it.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const ID = 'virtual:first-screen';

export function firstScreen(): Plugin {
  let root = process.cwd();
  return {
    name: 'first-screen',
    configResolved(c) { root = c.root; },
    resolveId(id) { return id === ID ? `\0${ID}` : undefined; },
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      for (const f of ['data/agencies.csv', 'data/reports.csv']) this.addWatchFile(join(root, f));
      const json = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/build/firstScreen.ts'), root], {
        cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'],
      });
      return `export default ${json};`;
    },
  };
}
