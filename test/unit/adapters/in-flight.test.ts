import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeInFlight } from '../../../src/adapters/in-flight.ts';

/** A task the test finishes by hand, recording when it started. */
function manual(log: string[], name: string) {
  let finish: (error?: Error) => void = () => undefined;
  const task = () =>
    new Promise<void>((resolve, reject) => {
      log.push(`start ${name}`);
      finish = (error) => (error ? reject(error) : resolve());
    });
  return { task, finish: (error?: Error) => finish(error) };
}

test('at most `limit` tasks run at once, started in order', async () => {
  const log: string[] = [];
  const inFlight = makeInFlight(2);
  const [a, b, c] = [manual(log, 'a'), manual(log, 'b'), manual(log, 'c')];
  await inFlight.add(a.task);
  await inFlight.add(b.task);
  const adding = inFlight.add(c.task);
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(log, ['start a', 'start b'], 'c waits for a free slot');
  a.finish();
  await adding;
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(log, ['start a', 'start b', 'start c']);
  b.finish();
  c.finish();
  await inFlight.settle();
  assert.equal(inFlight.failed(), false);
});

test('after a failure nothing new starts, and settle waits for the running tasks before throwing the first error', async () => {
  const log: string[] = [];
  const inFlight = makeInFlight(2);
  const [a, b] = [manual(log, 'a'), manual(log, 'b')];
  await inFlight.add(a.task);
  await inFlight.add(b.task);
  a.finish(new Error('lease lost'));
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(inFlight.failed(), true);
  await inFlight.add(manual(log, 'c').task);
  let settled = false;
  const settling = inFlight.settle().then(
    () => assert.fail('settle should throw'),
    (error: Error) => {
      settled = true;
      assert.equal(error.message, 'lease lost');
    },
  );
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(settled, false, 'b still runs');
  b.finish();
  await settling;
  assert.deepEqual(log, ['start a', 'start b'], 'c never started');
});
