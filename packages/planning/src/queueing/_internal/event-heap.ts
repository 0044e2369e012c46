/**
 * A binary min-heap of events keyed by time, ties broken by insertion order so that a run is
 * reproducible whatever the engine's sort. Parallel typed arrays: no object per event.
 */
export class EventHeap {
  private times = new Float64Array(64);
  private orders = new Float64Array(64);
  private kinds = new Int32Array(64);
  private subjects = new Int32Array(64);
  private stamps = new Int32Array(64);
  private size = 0;
  private counter = 0;

  get length(): number {
    return this.size;
  }

  push(time: number, kind: number, subject: number, stamp: number): void {
    if (this.size === this.times.length) this.grow();
    let i = this.size++;
    const order = this.counter++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(time, order, parent)) break;
      this.move(parent, i);
      i = parent;
    }
    this.set(i, time, order, kind, subject, stamp);
  }

  /** Removes the earliest event; read it first with the `top*` getters. */
  pop(): void {
    const last = --this.size;
    if (last === 0) return;
    const time = this.times[last] as number;
    const order = this.orders[last] as number;
    const kind = this.kinds[last] as number;
    const subject = this.subjects[last] as number;
    const stamp = this.stamps[last] as number;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= last) break;
      const right = left + 1;
      const child =
        right < last && this.before(this.times[right] as number, this.orders[right] as number, left)
          ? right
          : left;
      if (!less(this.times[child] as number, this.orders[child] as number, time, order)) break;
      this.move(child, i);
      i = child;
    }
    this.set(i, time, order, kind, subject, stamp);
  }

  topTime(): number {
    return this.times[0] as number;
  }
  topKind(): number {
    return this.kinds[0] as number;
  }
  topSubject(): number {
    return this.subjects[0] as number;
  }
  topStamp(): number {
    return this.stamps[0] as number;
  }

  /** Whether (time, order) comes before the event in slot `j`. */
  private before(time: number, order: number, j: number): boolean {
    return less(time, order, this.times[j] as number, this.orders[j] as number);
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from] as number;
    this.orders[to] = this.orders[from] as number;
    this.kinds[to] = this.kinds[from] as number;
    this.subjects[to] = this.subjects[from] as number;
    this.stamps[to] = this.stamps[from] as number;
  }

  private set(i: number, time: number, order: number, kind: number, subject: number, stamp: number): void {
    this.times[i] = time;
    this.orders[i] = order;
    this.kinds[i] = kind;
    this.subjects[i] = subject;
    this.stamps[i] = stamp;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const grow64 = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.times = grow64(this.times);
    this.orders = grow64(this.orders);
    this.kinds = grow32(this.kinds);
    this.subjects = grow32(this.subjects);
    this.stamps = grow32(this.stamps);
  }
}

function less(time: number, order: number, otherTime: number, otherOrder: number): boolean {
  return time < otherTime || (time === otherTime && order < otherOrder);
}
