// PGlite serves one process: two opening one data folder would corrupt it. The process that
// opens a folder holds a lock file in it (its pid inside) until it closes; another process finds
// it, checks that the holder is alive, and refuses to open the folder. A lock left by a process
// that died (SIGKILL) is taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

const LOCK_FILE = 'muster.lock';

export class DataFolderInUseError extends Error {
  override readonly name = 'DataFolderInUseError';
  readonly folder: string;
  readonly pid: number;

  constructor(folder: string, pid: number) {
    super(
      `The embedded database in ${folder} is in use by another Muster process (pid ${pid}); PGlite serves one process at a time. Stop that process first, or, while it runs, issue and revoke tokens with its issueToken and revokeToken mutations (admin).`,
    );
    this.folder = folder;
    this.pid = pid;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock for this process, or throws {@link DataFolderInUseError}; returns the release. */
export function lockDataFolder(folder: string): () => void {
  const file = path.join(folder, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new DataFolderInUseError(folder, holder);
      }
      // Left by a process that is gone: take it over (a racing process finds ours on its retry).
      unlinkSync(file);
    }
  }
  throw new DataFolderInUseError(folder, Number(readFileSync(file, 'utf8').trim()));
}
