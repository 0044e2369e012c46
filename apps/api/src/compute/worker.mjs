// The worker threads' entry, plain JavaScript so that Node can load it as it is: it registers tsx
// (the service runs its TypeScript as source, under `pnpm start` and under vitest alike), then
// loads the task table. Piscina calls the default export with each task.
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import('./tasks.ts');

export default runTask;
