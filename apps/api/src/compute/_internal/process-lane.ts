// A lane of one child process that runs tasks one at a time, for the heavy lane: a process of its
// own can be started at Linux's idle scheduling policy whole, the garbage collector's threads and
// the compiler's included, where a worker thread shares them with the event loop (they ran at the
// normal policy, taking two to four times the heavy thread's own CPU from the ordinary requests).
import { type ChildProcess, type SpawnOptions, spawn, spawnSync } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';

type Job<Task, Outcome> = {
  /** Names the job in the messages to and from the child. */
  id: number;
  task: Task;
  resolve: (outcome: Outcome) => void;
  reject: (error: Error) => void;
  signal: AbortSignal | undefined;
  /** The signal gives the task up only while it waits: once sent to the child, it runs to its end. */
  whileWaiting: boolean;
  onAbort: () => void;
};

/** What the lane sends the child: a task and the id its answer carries back. */
export type ProcessRequest<Task> = { id: number; task: Task };
/** What the child answers for a task: its outcome, or what it threw (its stack, else its message). */
export type ProcessReply<Outcome> = { id: number } & ({ outcome: Outcome } | { failed: string });

let idlePolicy: boolean | null = null;

/**
 * True when a process may be started at the idle scheduling policy here: `chrt` (util-linux) is
 * there and the system lets it set the policy (a sandbox may refuse). Tried once.
 */
function canRunIdle(): boolean {
  idlePolicy ??=
    process.platform === 'linux' &&
    spawnSync('chrt', ['--idle', '0', 'true'], { stdio: 'ignore' }).status === 0;
  return idlePolicy;
}

/** The lowest priority where the idle policy cannot be had (it reaches the child's main thread only). */
const FALLBACK_NICE = 19;

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
  /** The child's process id while it runs (the load bench reads its memory). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Tasks waiting to start (the one running not counted). */
  get queued(): number {
    return this.waiting.length;
  }
  private child: ChildProcess | null = null;
  private running: Job<Task, Outcome> | null = null;
  private lastId = 0;
  private readonly waiting: Job<Task, Outcome>[] = [];
  private destroyed = false;

  /**
   * `entry`: the child's script, which answers each task sent with a {@link ProcessReply}.
   * `idle`: start it under `chrt --idle 0`; where that is refused or `chrt` is missing, at nice 19.
   */
  constructor(
    private readonly entry: URL,
    private readonly idle: boolean,
  ) {}

  /** Starts the child now rather than with the first task (which tries again if this fails). */
  warm(): void {
    try {
      this.ensureChild();
    } catch {
      // No process could be started now (no file descriptor left): the next task tries again.
    }
  }

  /**
   * Runs `task` after those sent before. `signal` gives it up: out of the queue, or its child
   * stopped while it runs (unless `whileWaiting`: then a task sent to the child runs to its end).
   */
  run(
    task: Task,
    { signal, whileWaiting = false }: { signal?: AbortSignal; whileWaiting?: boolean } = {},
  ): Promise<Outcome> {
    if (this.destroyed) return Promise.reject(new Error('The lane was stopped'));
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<Outcome>((resolve, reject) => {
      this.lastId += 1;
      const job: Job<Task, Outcome> = {
        id: this.lastId,
        task,
        resolve,
        reject,
        signal,
        whileWaiting,
        onAbort: () => this.abort(job),
      };
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
    if (job.whileWaiting) job.signal?.removeEventListener('abort', job.onAbort);
    let child: ChildProcess | null = null;
    try {
      child = this.ensureChild();
      const started = child;
      const request: ProcessRequest<Task> = { id: job.id, task: job.task };
      started.send(request, (error) => {
        if (error) this.lost(started, error);
      });
    } catch (error) {
      // A process that cannot be started (no file descriptor left), or a task that cannot be sent.
      if (child !== null) this.lost(child, error as Error);
      else this.fail(job, error as Error);
    }
  }

  private ensureChild(): ChildProcess {
    if (this.child !== null) return this.child;
    const script = fileURLToPath(this.entry);
    const idle = this.idle && canRunIdle();
    const child = idle
      ? spawn('chrt', ['--idle', '0', process.execPath, script], CHILD_OPTIONS)
      : spawn(process.execPath, [script], CHILD_OPTIONS);
    if (this.idle && !idle && child.pid !== undefined) {
      try {
        setPriority(child.pid, FALLBACK_NICE);
      } catch {
        // Not allowed here either: it runs at the normal priority.
      }
    }
    child.on('error', (error) => this.lost(child, error));
    child.on('message', (reply: unknown) => {
      const job = this.running;
      if (this.child !== child || job === null || !isReplyTo(reply, job.id)) return;
      this.running = null;
      this.completed += 1;
      this.settle(job, () =>
        'outcome' in reply ? job.resolve(reply.outcome as Outcome) : job.reject(new Error(reply.failed)),
      );
      this.next();
    });
    child.on('exit', (code, signal) => {
      this.lost(child, new Error(`The heavy lane's process ended (${signal ?? code})`));
    });
    this.child = child;
    return child;
  }

  /** The child is gone or unusable: stopped for good, its task (if any) fails, the next starts a new one. */
  private lost(child: ChildProcess, error: Error): void {
    if (this.child !== child) return;
    this.child = null;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    const job = this.running;
    if (job) this.fail(job, error);
    else this.next();
  }

  /** The running job fails with `error`; the next one starts. */
  private fail(job: Job<Task, Outcome>, error: Error): void {
    if (this.running === job) this.running = null;
    this.settle(job, () => job.reject(error));
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
    // A new process now, so that the next heavy computation does not wait for its start.
    if (!this.destroyed) this.warm();
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

function isReplyTo(reply: unknown, id: number): reply is ProcessReply<unknown> {
  if (typeof reply !== 'object' || reply === null || (reply as { id?: unknown }).id !== id) return false;
  return 'outcome' in reply || typeof (reply as { failed?: unknown }).failed === 'string';
}
