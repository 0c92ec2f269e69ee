import { Transform } from 'node:stream';

const CR = 0x0d;
const LF = 0x0a;
const CRLF = Buffer.from('\r\n');

/**
 * Rewrites old-Mac mail (lines ending in a bare CR) to CRLF on its way into the MIME parser,
 * which otherwise sees one endless header line and loses every header.
 *
 * The first line break decides: a bare CR switches the stream to rewriting, CRLF or LF leaves it
 * untouched byte for byte, so a CRLF or LF message with binary attachment bytes keeps exact
 * sizes and hashes. A CR at the end of a chunk is held back until the next byte shows whether
 * an LF follows. Only the parser's input changes; callers hash the original bytes.
 */
export function makeLineEndingNormaliser(): Transform {
  let mode: 'undecided' | 'passthrough' | 'rewrite' = 'undecided';
  let heldCr = false;

  const rewrite = (chunk: Buffer): Buffer => {
    const pieces: Buffer[] = [];
    let start = 0;
    let index = chunk.indexOf(CR);
    while (index >= 0) {
      if (index === chunk.length - 1) {
        pieces.push(chunk.subarray(start, index));
        heldCr = true;
        return Buffer.concat(pieces);
      }
      if (chunk[index + 1] !== LF) {
        pieces.push(chunk.subarray(start, index), CRLF);
        start = index + 1;
      }
      index = chunk.indexOf(CR, index + 1);
    }
    if (start === 0) return chunk;
    pieces.push(chunk.subarray(start));
    return Buffer.concat(pieces);
  };

  return new Transform({
    transform(input: Buffer, _encoding, callback) {
      let chunk = input;
      if (heldCr) {
        chunk = Buffer.concat([CRLF.subarray(0, 1), input]);
        heldCr = false;
      }
      if (mode === 'undecided') {
        const cr = chunk.indexOf(CR);
        const lf = chunk.indexOf(LF);
        if (cr < 0 && lf < 0) {
          callback(null, chunk);
          return;
        }
        if (cr < 0 || (lf >= 0 && lf < cr)) {
          mode = 'passthrough';
        } else if (cr === chunk.length - 1) {
          // Cannot tell CRLF from a bare CR yet: keep the CR for the next chunk.
          heldCr = true;
          callback(null, chunk.subarray(0, cr));
          return;
        } else {
          mode = chunk[cr + 1] === LF ? 'passthrough' : 'rewrite';
        }
      }
      callback(null, mode === 'rewrite' ? rewrite(chunk) : chunk);
    },
    flush(callback) {
      // A lone CR as the very last byte is a line end in both undecided and rewrite mode.
      callback(null, heldCr ? CRLF : undefined);
    },
  });
}
