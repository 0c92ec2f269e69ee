import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeMetrics } from '../../../src/adapters/metrics.ts';

/** Sample lines of the exposition text: `name value`, comments left out. */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [name, value] = line.split(' ');
    out.set(name ?? '', Number(value));
  }
  return out;
}

describe('makeMetrics', () => {
  test('every metric starts at 0', () => {
    const metrics = makeMetrics();
    assert.equal(metrics.get('messages_ingested_total'), 0);
    const all = samples(metrics.render());
    assert.ok(all.size >= 10, 'all metrics are rendered, even before they change');
    for (const [name, value] of all) assert.equal(value, 0, name);
  });

  test('inc counts by one or by a given step', () => {
    const metrics = makeMetrics();
    metrics.inc('replies_sent_total');
    metrics.inc('replies_sent_total');
    metrics.inc('replies_sent_total', 5);
    assert.equal(metrics.get('replies_sent_total'), 7);
    assert.equal(metrics.get('replies_failed_total'), 0, 'other counters are untouched');
  });

  test('set replaces a gauge value', () => {
    const metrics = makeMetrics();
    metrics.set('imap_connected', 1);
    metrics.set('imap_connected', 0);
    metrics.set('records_missing', 4);
    assert.equal(metrics.get('imap_connected'), 0);
    assert.equal(metrics.get('records_missing'), 4);
  });

  test('observeLag records seconds, and never a negative lag (clock skew)', () => {
    const metrics = makeMetrics();
    metrics.observeLag(2_500);
    assert.equal(metrics.get('intake_lag_seconds'), 2.5);
    metrics.observeLag(-10_000);
    assert.equal(metrics.get('intake_lag_seconds'), 0);
  });

  test('render writes Prometheus text: HELP, TYPE and a sample per metric, with the namespace', () => {
    const metrics = makeMetrics();
    metrics.inc('messages_ingested_total', 3);
    metrics.set('imap_connected', 1);
    const text = metrics.render();
    assert.match(text, /^# HELP klachtenopvang_messages_ingested_total \S.*$/m);
    assert.match(text, /^# TYPE klachtenopvang_messages_ingested_total counter$/m);
    assert.match(text, /^klachtenopvang_messages_ingested_total 3$/m);
    assert.match(text, /^# TYPE klachtenopvang_imap_connected gauge$/m);
    assert.match(text, /^klachtenopvang_imap_connected 1$/m);
    assert.ok(text.endsWith('\n'), 'the exposition format ends with a newline');
    for (const name of samples(text).keys()) {
      assert.match(name, /^klachtenopvang_[a-z_]+$/);
      assert.match(text, new RegExp(`^# TYPE ${name} (counter|gauge)$`, 'm'));
      assert.match(text, new RegExp(`^# HELP ${name} `, 'm'));
    }
  });

  test('counters end in _total, as Prometheus expects', () => {
    const text = makeMetrics().render();
    for (const match of text.matchAll(/^# TYPE (\S+) counter$/gm)) assert.match(match[1] ?? '', /_total$/);
  });

  test('a custom namespace prefixes every name; instances do not share values', () => {
    const a = makeMetrics('ko_test');
    const b = makeMetrics('ko_test');
    a.inc('messages_duplicate_total');
    assert.equal(samples(a.render()).get('ko_test_messages_duplicate_total'), 1);
    assert.equal(samples(b.render()).get('ko_test_messages_duplicate_total'), 0);
    assert.ok(!a.render().includes('klachtenopvang_'));
  });
});
