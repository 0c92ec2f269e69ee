import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summariseProfile, type ProfileNode } from '../../../bench/profile-summary.ts';

const frame = (id: number, functionName: string, url: string, children: number[] = []): ProfileNode => ({ id, callFrame: { functionName, url, lineNumber: 0 }, children });

test('a sample counts for the first category any frame of its stack belongs to', () => {
  const profile = {
    nodes: [
      frame(1, '(root)', '', [2, 5, 6]),
      frame(2, 'triageMessage', 'file:///app/src/domain/triage/triage-message.ts', [3]),
      frame(3, 'RegExp: \\bbang\\b', '', []),
      frame(5, '(idle)', '', []),
      frame(6, 'createMany', 'file:///app/src/adapters/complaint-store.ts', [7]),
      frame(7, 'write', 'file:///app/node_modules/ioredis/built/Pipeline.js', []),
    ],
    samples: [3, 3, 5, 7],
    timeDeltas: [1000, 2000, 500, 250],
  };
  assert.deepEqual(summariseProfile(profile), [
    { name: 'triage', ms: 3 },
    { name: 'idle', ms: 0.5 },
    { name: 'our store and queue adapters (with the ioredis calls under them)', ms: 0.25 },
  ]);
});
