import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nearestName } from '../../src/shared/nearest-name.ts';

const EVENTS = ['increment', 'decrement', 'thanks', 'emit:all', 'emit:others', 'emit:self', 'emit:to'];

test('a typo of an event finds the event it most likely meant', () => {
  assert.equal(nearestName('decrment', EVENTS), 'decrement');
  assert.equal(nearestName('incremnet', EVENTS), 'increment'); // two letters swapped
  assert.equal(nearestName('Increment', EVENTS), 'increment');
  assert.equal(nearestName('emit:al', EVENTS), 'emit:all');
});

test('a name that is no typo of any finds none', () => {
  assert.equal(nearestName('reset', EVENTS), undefined);
  assert.equal(nearestName('x', ['y']), undefined);
  assert.equal(nearestName('a'.repeat(1000), EVENTS), undefined);
});
