// Serves the built app (dist/, or $DIST_DIR) with `vite preview`, in-process so it stops with the tests.
import type { TestProject } from 'vitest/node';
import { existsSync } from 'node:fs';

export default async function setup(project: TestProject) {
  // DIST_DIR: another build to test (parallel work sessions each build into their own directory)
  const outDir = process.env.DIST_DIR ?? 'dist';
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir}/ is missing: run \`npm run build\` first (npm test does).`);
  const { preview } = await import('vite');
  const server = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'silent' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not start');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
