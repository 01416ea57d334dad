// Bootstrap of readNodeWorker.ts: worker threads do not inherit tsx's loader hooks, so the worker
// registers them before loading the TypeScript module.
import { register } from 'tsx/esm/api';

register();
await import('./readNodeWorker.ts');
