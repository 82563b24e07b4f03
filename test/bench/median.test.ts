import assert from 'node:assert/strict';
import { test } from 'node:test';
import { medianOf, rotated } from '../../bench/median.ts';

test('the bench reports each figure as its median over the rounds, so one disturbed round moves nothing', () => {
  const runs = [
    { connect: { allMs: 900, perClient: { p50: 40 } }, label: 'a', samples: [1] },
    { connect: { allMs: 2400, perClient: { p50: 38 } }, label: 'b', samples: [2] },
    { connect: { allMs: 1000, perClient: { p50: 90 } }, label: 'c', samples: [3] },
  ];
  assert.deepEqual(medianOf(runs), { connect: { allMs: 1000, perClient: { p50: 40 } }, label: 'a', samples: [1] });
  assert.equal(medianOf([1, 4]), 2.5);
  assert.equal(medianOf([7]), 7);
  // A round that measured nothing (NaN) is left out, not sorted in at random.
  assert.equal(medianOf([Number.NaN, 3, 5, Number.NaN, 4]), 4);
  assert.ok(Number.isNaN(medianOf([Number.NaN])));
});

test('each round of the bench starts with another server', () => {
  const kinds = ['workshop', 'plain', 'ws'];
  assert.deepEqual(
    [0, 1, 2, 3].map((round) => rotated(kinds, round)[0]),
    ['workshop', 'plain', 'ws', 'workshop'],
  );
});
