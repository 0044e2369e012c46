// A lane of one child process that runs tasks one at a time, for the heavy lane: a process of its
// own can be started at Linux's idle scheduling policy whole, the garbage collector's threads and
// the compiler's included, where a worker thread shares them with the event loop (they ran at the
// normal policy, taking two to four times the heavy thread's own CPU from the ordinary requests).
import { type ChildProcess, type SpawnOptions, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

type Job<Task, Outcome> = {
  task: Task;
  resolve: (outcome: Outcome) => void;
  reject: (error: Error) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
};

/** What the child answers for a task: its outcome, or the message of what it threw. */
export type ProcessReply<Outcome> = { outcome: Outcome } | { failed: string };

let chrt: boolean | null = null;

/** True when `chrt` (util-linux) can be run here: looked for once. */
function hasChrt(): boolean {
  chrt ??= process.platform === 'linux' && spawnSync('chrt', ['--version'], { stdio: 'ignore' }).status === 0;
  return chrt;
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  return Object.assign(new Error('The task was aborted'), { name: 'AbortError' });
}

const CHILD_OPTIONS: SpawnOptions = {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  serialization: 'advanced',
};

export class ProcessLane<Task, Outcome> {
  /** Tasks finished (answered, refused or thrown) since the lane started. */
  completed = 0;
  private child: ChildProcess | null = null;
  private running: Job<Task, Outcome> | null = null;
  private readonly waiting: Job<Task, Outcome>[] = [];
  private destroyed = false;

  /**
   * `entry`: the child's script, which answers each task sent with a {@link ProcessReply}.
   * `idle`: start it under `chrt --idle 0` (where `chrt` is missing, as it is).
   */
  constructor(
    private readonly entry: URL,
    private readonly idle: boolean,
  ) {}

  /** Starts the child now rather than with the first task. */
  warm(): void {
    this.ensureChild();
  }

  run(task: Task, { signal }: { signal?: AbortSignal } = {}): Promise<Outcome> {
    if (this.destroyed) return Promise.reject(new Error('The lane was stopped'));
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<Outcome>((resolve, reject) => {
      const job: Job<Task, Outcome> = { task, resolve, reject, signal, onAbort: () => this.abort(job) };
      signal?.addEventListener('abort', job.onAbort, { once: true });
      this.waiting.push(job);
      this.next();
    });
  }

  /** Stops the child; tasks running or waiting are refused. */
  async destroy(): Promise<void> {
    this.destroyed = true;
    const refused = [...(this.running ? [this.running] : []), ...this.waiting.splice(0)];
    this.running = null;
    for (const job of refused) this.settle(job, () => job.reject(new Error('The lane was stopped')));
    await this.stopChild();
  }

  private next(): void {
    if (this.running !== null || this.destroyed) return;
    const job = this.waiting.shift();
    if (job === undefined) return;
    this.running = job;
    const child = this.ensureChild();
    child.send(job.task as object, (error) => {
      if (error) this.lost(child, error);
    });
  }

  private ensureChild(): ChildProcess {
    if (this.child !== null) return this.child;
    const script = fileURLToPath(this.entry);
    const child =
      this.idle && hasChrt()
        ? spawn('chrt', ['--idle', '0', process.execPath, script], CHILD_OPTIONS)
        : spawn(process.execPath, [script], CHILD_OPTIONS);
    child.on('error', (error) => this.lost(child, error));
    child.on('message', (reply: ProcessReply<Outcome>) => {
      const job = this.running;
      if (this.child !== child || job === null) return;
      this.running = null;
      this.completed += 1;
      this.settle(job, () =>
        'outcome' in reply ? job.resolve(reply.outcome) : job.reject(new Error(reply.failed)),
      );
      this.next();
    });
    child.on('exit', (code, signal) => {
      this.lost(child, new Error(`The heavy lane's process ended (${signal ?? code})`));
    });
    this.child = child;
    return child;
  }

  /** The child is gone: its task (if any) fails, the next starts a new one. */
  private lost(child: ChildProcess, error: Error): void {
    if (this.child !== child) return;
    this.child = null;
    const job = this.running;
    this.running = null;
    if (job) this.settle(job, () => job.reject(error));
    this.next();
  }

  /** A task given up by its request: out of the queue, or its child stopped (the next task starts another). */
  private abort(job: Job<Task, Outcome>): void {
    const error = abortError(job.signal as AbortSignal);
    const index = this.waiting.indexOf(job);
    if (index >= 0) {
      this.waiting.splice(index, 1);
      this.settle(job, () => job.reject(error));
      return;
    }
    if (this.running !== job) return;
    this.running = null;
    const child = this.child;
    this.child = null;
    child?.kill('SIGKILL');
    this.settle(job, () => job.reject(error));
    this.next();
  }

  private settle(job: Job<Task, Outcome>, answer: () => void): void {
    job.signal?.removeEventListener('abort', job.onAbort);
    answer();
  }

  private stopChild(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}
