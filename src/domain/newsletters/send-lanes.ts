import type { ClaimedRecipient, NewsletterSendRepository, RecipientOutcome } from '../ports.js';

/*
 * The sending of one send by one process: one lane per SMTP connection, each with at most one message
 * out at a time. A recipient is marked `sending` before its message is handed to a connection, and its
 * outcome is written before that lane hands over the next; so at any instant the rows a process has
 * `sending` are exactly its messages in flight, at most one per connection, and a kill can duplicate
 * only those. The writes of all lanes ready at the same moment go together, in one statement.
 */

export interface LanesInput {
  repo: NewsletterSendRepository;
  sendId: string;
  claimer: string;
  /** Lanes: the mailer's connections. */
  lanes: number;
  batchSize: number;
  now: () => string;
  send: (recipient: ClaimedRecipient) => Promise<RecipientOutcome>;
  /** Once aborted (a shutdown), no lane takes another recipient; claims not started stay for handing back. */
  signal?: AbortSignal | undefined;
}

/** Claimed recipients not yet handed to a lane; claims the next batch before the last one runs out. */
class ClaimQueue {
  private readonly waiting: ClaimedRecipient[] = [];
  private claiming: Promise<void> | undefined;
  private isExhausted = false;

  constructor(
    private readonly input: LanesInput,
    private readonly lowWater: number,
  ) {}

  /** The next recipient if one is at hand, without waiting. */
  takeNow(): ClaimedRecipient | undefined {
    if (this.input.signal?.aborted) return undefined;
    if (this.waiting.length <= this.lowWater) void this.refill().catch(() => {});
    return this.waiting.shift();
  }

  /** The next recipient, or undefined when nothing more is due now. */
  async take(): Promise<ClaimedRecipient | undefined> {
    for (;;) {
      const next = this.takeNow();
      if (next) return next;
      if (this.isExhausted || this.input.signal?.aborted) return undefined;
      await this.refill();
    }
  }

  private refill(): Promise<void> {
    if (this.isExhausted) return Promise.resolve();
    this.claiming ??= (async () => {
      const { repo, sendId, claimer, batchSize, now } = this.input;
      try {
        const claimed = await repo.claim(sendId, claimer, now(), batchSize);
        if (claimed.length === 0) this.isExhausted = true;
        this.waiting.push(...claimed);
      } finally {
        this.claiming = undefined;
      }
    })();
    return this.claiming;
  }
}

interface Step {
  outcome: RecipientOutcome | undefined;
  start: ClaimedRecipient | undefined;
  resolve: (isStarted: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the lanes' steps and writes them together: one write at a time, each taking all that waits.
 * A write starts on the next turn of the event loop, so every SMTP reply that arrived in this turn
 * joins it (on SQLite a commit holds the event loop, and replies pile up meanwhile).
 */
class StepWriter {
  private queue: Step[] = [];
  private isWriting = false;
  private isScheduled = false;

  constructor(private readonly input: LanesInput) {}

  /** Records `outcome` and marks `start` as sending; resolves whether `start` may be sent. */
  step(outcome: RecipientOutcome | undefined, start: ClaimedRecipient | undefined): Promise<boolean> {
    if (!outcome && !start) return Promise.resolve(false);
    return new Promise((resolve, reject) => {
      this.queue.push({ outcome, start, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.isScheduled || this.isWriting || this.queue.length === 0) return;
    this.isScheduled = true;
    setImmediate(() => {
      this.isScheduled = false;
      this.write();
    });
  }

  private write() {
    this.isWriting = true;
    const steps = this.queue;
    this.queue = [];
    const { repo, sendId, claimer, now } = this.input;
    repo
      .advance(sendId, claimer, {
        outcomes: steps.flatMap((s) => (s.outcome ? [s.outcome] : [])),
        start: steps.flatMap((s) => (s.start ? [s.start.memberId] : [])),
        now: now(),
      })
      .then(
        (started) => {
          for (const s of steps) s.resolve(s.start !== undefined && started.has(s.start.memberId));
        },
        (error: unknown) => {
          for (const s of steps) s.reject(error);
        },
      )
      .finally(() => {
        this.isWriting = false;
        this.schedule();
      });
  }
}

/** Sends every recipient of the send that can be claimed now; rejects with the first write error. */
export async function runLanes(input: LanesInput): Promise<void> {
  const queue = new ClaimQueue(input, input.lanes);
  const writer = new StepWriter(input);
  const lane = async () => {
    let outcome: RecipientOutcome | undefined;
    for (;;) {
      let next = queue.takeNow();
      if (!next) {
        // Nothing at hand: record what is done before waiting for the next claim.
        await writer.step(outcome, undefined);
        outcome = undefined;
        next = await queue.take();
        if (!next) return;
      }
      const isStarted = await writer.step(outcome, next);
      outcome = undefined;
      // Not started: its claim was freed (this process was taken for dead); another process sends it.
      if (isStarted) outcome = await input.send(next);
    }
  };
  const results = await Promise.allSettled(Array.from({ length: input.lanes }, lane));
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) throw failure.reason;
}
