// Worker threads start without tsx's loader (execArgv `--import tsx` is not honoured for
// workers on Node 20), so the worker registers it before importing the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
