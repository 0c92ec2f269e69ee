import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitLines, splitParagraphs } from '../../../src/domain/officer-text.ts';

test('paragraphs split at blank lines (also with spaces or CRLF); line breaks inside one stay', () => {
  assert.deepEqual(splitParagraphs('Eerste alinea,  \r\nnog een regel.\r\n\r\n \t\r\nTweede alinea.\n\n\n'), ['Eerste alinea,\nnog een regel.', 'Tweede alinea.']);
  assert.deepEqual(splitParagraphs('  \n\n '), []);
  assert.deepEqual(splitParagraphs('Eén regel'), ['Eén regel']);
});

test('lines: each line trimmed at the end, blank lines dropped, leading spaces kept', () => {
  assert.deepEqual(splitLines('Hecht \r\n  Voorbeeldstraat 1\n\n2311 AB Leiden\r'), ['Hecht', '  Voorbeeldstraat 1', '2311 AB Leiden']);
});
