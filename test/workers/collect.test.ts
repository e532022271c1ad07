import {test} from 'node:test';
import assert from 'node:assert/strict';
import {collectGarbage} from '../../source/workers/collect.js';

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
