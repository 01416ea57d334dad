// App-wide state: language, route, and the data version views re-query on.
import { STRINGS, type StringKey } from '../i18n/strings';
import type { Lang } from '../i18n/messages';
import { CELL_BY_CODE } from '../format/cells';
import { buildHash, parseHash, type Route } from './route';
import { labelEn } from '../format/terms';

const LANG_KEY = 'dd.lang';

class AppState {
  lang = $state<Lang>(readLang());
  route = $state<Route>(parseHash(typeof location !== 'undefined' ? location.hash : ''));
  /** bumped after every change to the loaded data; views re-run their queries on it */
  dataVersion = $state(0);
  /** the store is open and the demo and stored imports are loaded */
  dbReady = $state(false);
  /** before DuckDB is open: the first screen's results are known (the bundled demo alone) */
  earlyData = $state(false);
  dbError = $state<string | null>(null);
  /** true when the data shown includes the bundled synthetic demo city */
  demoLoaded = $state(false);
  /** the workspace shown: the demo city, or the user's own data (never mixed) */
  workspace = $state<'demo' | 'own'>('demo');
  /** the demo workspace is offered in the header */
  demoOffered = $state(true);
  /** an import from the demo just created/opened the user's own workspace: say so once */
  workspaceNotice = $state(false);

  t = (key: StringKey): string => STRINGS[this.lang][key];

  /** A cell's label from cells.csv in the UI language. */
  cellLabel = (code: string): string => {
    const c = CELL_BY_CODE.get(code);
    if (!c) return code;
    return this.lang === 'zh' ? `${c.row_label_zh}｜${c.col_label_zh}` : labelEn(c.label_en);
  };

  setLang(l: Lang) {
    this.lang = l;
    try { localStorage.setItem(LANG_KEY, l); } catch { /* storage may be unavailable */ }
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  }

  /** Navigate; `replace` keeps the history entry (for filter tweaks that need no Back step). */
  go(r: Partial<Route>, replace = false) {
    const next: Route = { view: r.view ?? this.route.view, args: r.args ?? (r.view ? [] : this.route.args), params: r.params ?? {} };
    const hash = buildHash(next);
    if (replace) history.replaceState(null, '', hash);
    else history.pushState(null, '', hash);
    this.route = next;
  }

  setParam(key: string, value: string | number | null) {
    const params = { ...this.route.params };
    if (value === null || value === '') delete params[key];
    else params[key] = String(value);
    this.go({ view: this.route.view, args: this.route.args, params });
  }

  listen() {
    window.addEventListener('popstate', () => (this.route = parseHash(location.hash)));
    window.addEventListener('hashchange', () => (this.route = parseHash(location.hash)));
  }
}

function readLang(): Lang {
  try {
    const l = localStorage.getItem(LANG_KEY);
    if (l === 'en' || l === 'zh') return l;
  } catch { /* ignore */ }
  return 'zh';
}

export const app = new AppState();
