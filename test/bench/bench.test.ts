import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

// A run that hangs must fail with what it printed: a test's own timeout cannot stop a spawnSync.
// (On 2 December a --cluster 2 run waited for ever after its students connected: a worker's usage
// answer was missed, see `nextMessage` in bench/servers/protocol.ts.)
const BENCH_LIMIT = { encoding: 'utf8', timeout: 150_000, killSignal: 'SIGKILL' } as const;

// The bench runs here so it cannot rot: this checks that it ran and produced
// numbers, never what the numbers are (timings belong to `npm run bench`).
test('npm run bench -- --quick --rounds 2 runs the workshop, plain Socket.IO and raw ws through every scenario twice and writes the medians', {
  timeout: 180_000,
}, () => {
  const dir = mkdtempSync(join(tmpdir(), 'workshop-bench-'));
  try {
    const out = join(dir, 'latest.json');
    // In rooms of 40 (40, 40 and 20): the cluster test below keeps one room of everyone.
    const args = ['--quick', '--rounds', '2', '--seconds', '2', '--room-size', '40', '--out', out];
    const run = spawnSync(process.execPath, ['bench/run.ts', ...args], BENCH_LIMIT);
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.match(run.stderr, /into 3 rooms of 40/); // the progress lines
    assert.match(
      run.stdout,
      /This machine (holds|is overloaded by|did not keep up with) a class of 100 chatting in rooms of 40/,
    );

    const result = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(result.node, process.version);
    // Each figure is the median of the rounds: of two, their mean.
    assert.equal(result.rounds.length, 2);
    const [first, second] = result.rounds.map(
      (round: { workshop: { connect: { allMs: number } } }) => round.workshop.connect.allMs,
    );
    assert.equal(result.workshop.connect.allMs, (first + second) / 2);
    assert.ok(result.cores >= 1);
    for (const kind of ['workshop', 'plain', 'ws']) {
      const r = result[kind];
      for (const value of [
        r.connect.allMs,
        r.connect.perClient.p99,
        r.broadcast.p50,
        r.broadcast.p99,
        r.chat.p50,
        r.chat.p99,
        r.memory.heapPerStudentKB,
      ]) {
        assert.ok(Number.isFinite(value), `${kind}: ${JSON.stringify(r)}`);
      }
      assert.ok(r.broadcast.delivered > 0 && r.chat.delivered > 0, `${kind} delivered nothing`);
      // Each line reaches its room only: 40, 40 or 20 students, never the whole class.
      assert.equal(r.chat.roomSize, 40);
      assert.ok(r.chat.expected < r.chat.sent * 100, `${kind}: ${r.chat.expected} due for ${r.chat.sent} lines`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('npm run bench -- --quick --cluster 2 runs one process, then a cluster of 2 on Redis, and writes both', {
  timeout: 180_000,
}, () => {
  const dir = mkdtempSync(join(tmpdir(), 'workshop-bench-'));
  try {
    const out = join(dir, 'cluster.json');
    const run = spawnSync(process.execPath, ['bench/run.ts', '--quick', '--cluster', '2', '--out', out], BENCH_LIMIT);
    assert.equal(run.status, 0, run.stderr + run.stdout);
    const { runs } = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(
      runs.map((r: { processes: number }) => r.processes),
      [1, 2],
    );
    for (const { label, result } of runs) {
      assert.ok(
        result.chat.delivered > 0 && result.chat.delivered === result.chat.expected,
        `${label}: ${JSON.stringify(result.chat)}`,
      );
      assert.ok(Number.isFinite(result.chat.deliveriesPerSecond), label);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad bench option stops with a sentence and the usage', () => {
  const run = spawnSync(process.execPath, ['bench/run.ts', '--students', 'many'], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /--students must be a whole number from 1 to 20000 \(got "many"\)/);
  assert.match(run.stderr, /Usage: npm run bench/);
  const cluster = spawnSync(process.execPath, ['bench/run.ts', '--cluster', '2,lots'], { encoding: 'utf8' });
  assert.equal(cluster.status, 1);
  assert.match(cluster.stderr, /--cluster takes worker counts from 1 to 16, separated by commas \(got "2,lots"\)/);
});

test('npm run bench -- --roster --quick has 100 students make progress while an instructor watches, and writes the latency', {
  timeout: 120_000,
}, () => {
  const dir = mkdtempSync(join(tmpdir(), 'workshop-bench-'));
  try {
    const out = join(dir, 'roster.json');
    const run = spawnSync(process.execPath, ['bench/run.ts', '--roster', '--quick', '--out', out], BENCH_LIMIT);
    assert.equal(run.status, 0, run.stderr + run.stdout);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(result.students, 100);
    assert.equal(result.update.received, result.update.emitted, 'every step reached the instructor');
    assert.ok(Number.isFinite(result.update.p99) && result.update.count === 500, JSON.stringify(result.update));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
