// Entry: start DuckDB first. Its worker fetches and instantiates ~34 MB of wasm (~1 s, the longest
// step before the first screen); starting it before the app's own code is parsed and run lets the
// two overlap instead of following each other.
import { getDb } from './lib/db/duckdb';
import './app.css';

void getDb().catch(() => undefined); // a failure is reported by the store when it asks again
const [{ mount }, { default: App }] = await Promise.all([import('svelte'), import('./App.svelte')]);
mount(App, { target: document.getElementById('app')! });
