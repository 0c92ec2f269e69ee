import type { Writable } from 'node:stream';

/**
 * What the CLI prints comes partly from strangers' mail. Terminal control characters in it
 * could move the cursor, rewrite earlier lines or reverse text on an officer's screen: C0
 * controls other than tab and newline (ESC among them), DEL, the C1 range (U+009B is a one-byte
 * CSI), and the bidi overrides, embeddings, isolates and marks (U+202E shows text backwards).
 */
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A carriage return alone moves the cursor back over a line; CRLF (a CSV export's line end) is kept. */
const LONE_CR = /\r(?!\n)/g;

export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_UNSAFE, '').replace(LONE_CR, '');
}

/**
 * Resolves once everything written to `stream` so far has been handed to the OS. On a pipe
 * Node writes asynchronously, and `process.exit` right after a large write dropped all but the
 * first 128 KiB. A reader that went away (EPIPE) resolves too: there is nobody left to tell.
 */
export function flushed(stream: Writable): Promise<void> {
  return new Promise((done) => {
    if (stream.destroyed || !stream.writable) return done();
    stream.write('', () => done());
  });
}
