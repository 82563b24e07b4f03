import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { type HeapPoint, heapVerdict, warmUpSeconds } from '../../bench/soak/flat.ts';

// The soak's verdict on made-up samples: the rule, not the server.
const SETTLE_S = 180;
const MB = 1e6;
/** A sample a minute for `minutes`, the heap in MB given by `heapAt(minute)`. */
const run = (minutes: number, heapAt: (minute: number) => number, everyS = 60): HeapPoint[] =>
  Array.from({ length: Math.floor((minutes * 60) / everyS) + 1 }, (_, i) => ({
    seconds: i * everyS,
    heapUsed: heapAt((i * everyS) / 60) * MB,
  }));
// Noise of a few hundred KB, the same each time the test runs.
const wobble = (minute: number) => 0.3 * Math.sin(minute * 2.7);

test('a heap that wobbles around one level is flat, and the sentence says from what to what', () => {
  const verdict = heapVerdict(
    run(10, (m) => 21.4 + wobble(m)),
    SETTLE_S,
  );
  assert.equal(verdict.flat, true);
  assert.ok(Math.abs(verdict.mbPer10Min) < 1, String(verdict.mbPer10Min));
  assert.match(
    verdict.sentence,
    /^Heap flat: 21\.\d MB to 21\.\d MB from 3:00 to 10:00 \([+−]0\.\d MB per 10 min; flat is under 2 MB per 10 min/,
  );
  assert.doesNotMatch(verdict.sentence, /too short/);
});

test('a heap that gains a MB a minute grows, and the sentence says by how much', () => {
  const verdict = heapVerdict(
    run(10, (m) => 20 + m + wobble(m)),
    SETTLE_S,
  );
  assert.equal(verdict.flat, false);
  assert.ok(Math.abs(verdict.mbPer10Min - 10) < 0.5, String(verdict.mbPer10Min));
  assert.match(
    verdict.sentence,
    /^Heap grows: \+(9\.\d|10(\.\d)?) MB per 10 min, 2\d\.\d MB to 30\.\d MB from 3:00 to 10:00 .*; look for a leak\.$/,
  );
});

test('the warm-up is left out: a heap that fills for three minutes, then stays, is flat', () => {
  const filling = (m: number) => 15 + Math.min(m, 3) * 4 + wobble(m);
  assert.equal(heapVerdict(run(10, filling), SETTLE_S).flat, true);
  // The same samples with the filling counted would grow.
  assert.equal(heapVerdict(run(10, filling), 0).flat, false);
});

test('slow growth is flat under 2 MB, or 5 % of a large heap, per 10 minutes', () => {
  const per10 = (heap: number, mbPer10Min: number) =>
    heapVerdict(
      run(20, (m) => heap + (mbPer10Min * m) / 10),
      SETTLE_S,
    );
  assert.equal(per10(20, 1.8).flat, true);
  assert.equal(per10(20, 2.2).flat, false);
  // 5 % of a 100 MB heap is 5 MB.
  assert.equal(per10(100, 4.5).flat, true);
  assert.equal(per10(100, 5.5).flat, false);
  assert.equal(per10(20, -3).flat, true, 'a heap that shrinks is flat');
});

test('a short run leaves out its first 20 %, and says it may not have settled', () => {
  assert.equal(warmUpSeconds(60, SETTLE_S), 12);
  assert.equal(warmUpSeconds(6 * 60, SETTLE_S), SETTLE_S);
  const short = heapVerdict(
    run(1, (m) => 20 + wobble(m * 10), 10),
    SETTLE_S,
  );
  assert.equal(short.fromS, 20);
  assert.match(short.sentence, /fitted from 0:12 on; the run was too short for the heap to settle/);
  const none = heapVerdict(
    [
      { seconds: 0, heapUsed: 20 * MB },
      { seconds: 3, heapUsed: 21 * MB },
    ],
    SETTLE_S,
  );
  assert.equal(none.flat, undefined);
  assert.match(none.sentence, /too few samples/);
});

// The soak itself, for a few seconds: it runs, samples, writes and draws (what it finds is its own business).
test('npm run bench -- --soak 0.1 churns, samples the server and writes soak.json and soak.svg', {
  timeout: 60_000,
}, () => {
  const dir = mkdtempSync(join(tmpdir(), 'workshop-soak-'));
  try {
    const soak = spawnSync(process.execPath, ['bench/run.ts', '--soak', '0.1', '--out', join(dir, 'latest.json')], {
      encoding: 'utf8',
    });
    assert.equal(soak.status, 0, soak.stderr + soak.stdout);
    assert.match(soak.stdout.trim().split('\n').at(-1)!, /^Heap (flat|grows)/);
    const result = JSON.parse(readFileSync(join(dir, 'soak.json'), 'utf8'));
    assert.ok(result.samples.length >= 2, JSON.stringify(result.samples));
    const last = result.samples.at(-1);
    assert.ok(last.chats > 0 && last.refused > 0 && last.hops > 0, JSON.stringify(last));
    assert.ok(existsSync(join(dir, 'soak.svg')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad soak length stops with a sentence', () => {
  const soak = spawnSync(process.execPath, ['bench/run.ts', '--soak', 'soon'], { encoding: 'utf8' });
  assert.equal(soak.status, 1);
  assert.match(soak.stderr, /--soak takes minutes, from 0\.05 to 1440 \(got "soon"\)/);
});
