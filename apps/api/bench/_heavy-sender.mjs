// The thread that sends `pnpm bench load`'s heavy requests (_slow-requests.ts), plain JavaScript so
// that Node can start it as it is: it registers tsx and loads the sender.
import { register } from 'tsx/esm/api';

register();
await import('./_slow-requests.ts');
