// Modules the build makes (vite.config.ts).

/** The overview's query results on the bundled demo, computed at build time by
 *  scripts/build/firstScreen.ts: SQL text → rows, as DuckDB returns them to the app. */
declare module 'virtual:first-screen' {
  const snapshot: { results: Record<string, unknown[]> };
  export default snapshot;
}
