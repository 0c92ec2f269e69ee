import type { MailParser } from 'mailparser';

/**
 * Caps the bytes mailparser keeps of each inline text part (text/plain, text/html) while the
 * message streams in. mailparser holds a text part's chunks until the part ends and then joins
 * and copies them several times: a 45 MB text-only message peaked at 320 MB RSS, HTML at 360 MB,
 * for text we cut to a million characters anyway. Encoded body bytes past the cap are dropped
 * before they reach the part's decoder.
 *
 * This reaches into mailparser's `processChunk` (the step that feeds mailsplit's chunks to a
 * part's decoder), which its typings leave out; the parser tests and `npm run bench` (d) fail if
 * an upgrade changes it. Pinned by package-lock.
 */
interface SplitterChunk {
  type: string;
  value?: Buffer;
}
interface ParserNode {
  isAttachment?: boolean;
  contentType?: string;
}
interface ParserInternals {
  processChunk(data: SplitterChunk, done: (error?: Error) => void): void;
  curnode: ParserNode | false;
}

export function capTextParts(parser: MailParser, maxBytes: { text: number; html: number }): { truncated(): boolean } {
  const internals = parser as unknown as ParserInternals;
  if (typeof internals.processChunk !== 'function') throw new Error('mailparser without processChunk: text-part-cap.ts needs updating');
  const original = internals.processChunk.bind(parser);
  const seen = new WeakMap<ParserNode, number>();
  let truncated = false;
  internals.processChunk = (data, done) => {
    const node = internals.curnode;
    if (data.type === 'body' && data.value && node && !node.isAttachment) {
      const limit = node.contentType === 'text/html' ? maxBytes.html : node.contentType === 'text/plain' ? maxBytes.text : Infinity;
      const before = seen.get(node) ?? 0;
      seen.set(node, before + data.value.length);
      if (before >= limit) {
        truncated = true;
        return setImmediate(done);
      }
      if (before + data.value.length > limit) {
        truncated = true;
        return original({ ...data, value: data.value.subarray(0, limit - before) }, done);
      }
    }
    return original(data, done);
  };
  return { truncated: () => truncated };
}
