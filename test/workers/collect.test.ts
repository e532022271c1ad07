import {test} from 'node:test';
import assert from 'node:assert/strict';
import {collectGarbage, GarbageBound} from '../../source/workers/collect.js';

test('collectGarbage reaches V8’s collector without --expose-gc: an object nothing holds is gone after it', async () => {
	assert.equal(typeof (globalThis as {gc?: unknown}).gc, 'undefined', 'this test runs without --expose-gc');
	let held: object | undefined = {payload: new Array(1000).fill('x')};
	const ref = new WeakRef(held);
	held = undefined;
	// A WeakRef's target stays alive until the end of the current job: let it end first.
	await new Promise((resolve) => setImmediate(resolve));
	assert.equal(collectGarbage(), true);
	assert.equal(ref.deref(), undefined);
	// Again, with the collector already found.
	assert.equal(collectGarbage(), true);
});

/** A bound over a count the test sets (`at.held`); a collection leaves `left`, or fails when it is undefined. */
function fakeBound(boundBytes: number, left: number | undefined): {bound: GarbageBound; at: {held: number; tries: number}} {
	const at = {held: 0, tries: 0};
	const collect = (): boolean => {
		at.tries++;
		if (left === undefined) return false;
		at.held = left;
		return true;
	};
	return {bound: new GarbageBound(boundBytes, () => at.held, collect), at};
}

test('GarbageBound collects once what is held passes the bound over the least held since the last collection, not before', () => {
	const {bound, at} = fakeBound(50, 110);
	at.held = 49;
	assert.equal(bound.check(), false);
	at.held = 50;
	assert.equal(bound.check(), true);
	assert.equal(at.tries, 1);
	// From what the collection left (110): 159 is under the bound, 160 is not.
	at.held = 159;
	assert.equal(bound.check(), false);
	// Let go without a collection: the bound counts from 60 now.
	at.held = 60;
	assert.equal(bound.check(), false);
	at.held = 109;
	assert.equal(bound.check(), false);
	at.held = 110;
	assert.equal(bound.check(), true);
	assert.equal(bound.collections, 2);
});

test('GarbageBound where the collector cannot be reached: false, and not tried again until the bound is passed again', () => {
	const {bound, at} = fakeBound(10, undefined);
	at.held = 10;
	assert.equal(bound.check(), false);
	assert.equal(at.tries, 1);
	at.held = 19;
	assert.equal(bound.check(), false);
	assert.equal(at.tries, 1);
	at.held = 20;
	assert.equal(bound.check(), false);
	assert.equal(at.tries, 2);
	assert.equal(bound.collections, 0);
});

test('GarbageBound on this thread: passing the bound runs a real collection (an object nothing holds is gone)', async () => {
	const bound = new GarbageBound(8 * 2 ** 20);
	let held: object | undefined = {payload: new Array(1000).fill('x')};
	const ref = new WeakRef(held);
	held = undefined;
	await new Promise((resolve) => setImmediate(resolve));
	// Garbage of more than the bound, still referenced while the check runs.
	const garbage = new Uint8Array(16 * 2 ** 20);
	assert.equal(bound.check(), true);
	assert.equal(garbage.length, 16 * 2 ** 20);
	assert.equal(ref.deref(), undefined);
	assert.equal(bound.collections, 1);
});
