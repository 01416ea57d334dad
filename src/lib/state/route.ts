// Hash routes (#/overview?year=2023): the whole view state lives in the URL, so links reproduce a
// view, Back/Forward work, and any static host serves the app without rewrites. Pure.
export interface Route {
  view: string;
  /** path segments after the view, e.g. the agency id of #/agency/<id> */
  args: string[];
  params: Record<string, string>;
}

export const DEFAULT_VIEW = 'overview';

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#\/?/, '');
  const [path, query = ''] = h.split('?', 2);
  const segs = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(query)) params[k] = v;
  return { view: segs[0] || DEFAULT_VIEW, args: segs.slice(1), params };
}

export function buildHash(r: Route): string {
  const path = [r.view, ...r.args].map(encodeURIComponent).join('/');
  const q = new URLSearchParams(Object.entries(r.params).filter(([, v]) => v !== '' && v != null)).toString();
  return `#/${path}${q ? `?${q}` : ''}`;
}
