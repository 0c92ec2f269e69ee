import type { Disposition, IncomingMessage } from '../domain/incoming-message.ts';

export type { Disposition };

/**
 * Handles a batch of messages (one, or the messages of one FETCH) and says where each goes, in
 * order. An Error in place of a disposition, or a throw for the whole batch, leaves the message
 * in the inbox to be tried again later. A message is moved only after its handler resolved.
 */
export type MessageHandler = (messages: readonly IncomingMessage[]) => Promise<(Disposition | Error)[]>;

/** A mailbox the service watches: IMAP in production, a folder of .eml files in local mode. */
export interface MailboxSource {
  /** Runs until the signal aborts; the batch in hand is finished first. */
  run(handler: MessageHandler, signal: AbortSignal): Promise<void>;
  isConnected(): boolean;
}

/** Resolves after `ms`, or at once when the signal aborts or `wake` is called. */
export function makeWaiter() {
  let wakeUp: (() => void) | null = null;
  let pending = false;
  return {
    wake() {
      pending = true;
      wakeUp?.();
    },
    wait(ms: number, signal: AbortSignal): Promise<void> {
      if (pending || signal.aborted) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          wakeUp = null;
          pending = false;
          resolve();
        };
        const timer = setTimeout(done, ms);
        signal.addEventListener('abort', done, { once: true });
        wakeUp = done;
      });
    },
  };
}
