// The file lane's worker entry (see worker.mjs): tsx, then the spreadsheet tasks.
import { register } from 'tsx/esm/api';

register();
const { runFileTask } = await import('./file-tasks.ts');

export default runFileTask;
