// A long list handed to a worker in chunks (chunked-input.ts): a bounded number of items serialised
// per step, and the list that comes back is the one sent, whatever postMessage could send.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {deserializeChunks, serializeInChunks} from '../../source/workers/chunked-input.js';

test('a list is serialised at most a chunk of items per step and comes back the same, in order', () => {
	const items = Array.from({length: 5003}, (_, i) => ({
		id: `ข่าว-${i}`,
		title: i % 7 === 0 ? 'หัวข้อ\ud800 ครึ่งคู่' : `เรื่องที่ ${i}`,
		locator: {kind: 'line', start: i * 100, end: i * 100 + 99, stamp: {size: 1e6, mtimeMs: 1.5, ino: 7}, ...(i === 3 ? {open: Uint8Array.of(0xff, 0x41)} : {})},
	}));
	let mapped = 0;
	let mappedAtStep = 0;
	const steps = serializeInChunks(
		items,
		(item) => {
			mapped++;
			return item;
		},
		1000,
	);
	let yields = 0;
	let step = steps.next();
	for (; !step.done; step = steps.next()) {
		yields++;
		// Each step maps (and serialises) no more than one chunk's items.
		assert.ok(mapped - mappedAtStep <= 1000, `${mapped - mappedAtStep} items in one step`);
		mappedAtStep = mapped;
	}
	assert.equal(yields, 6);
	assert.equal(step.value.length, 6);
	// Each chunk owns its buffer whole: it can be moved to a worker.
	for (const chunk of step.value) assert.equal(chunk.byteLength, chunk.buffer.byteLength);
	assert.deepEqual(deserializeChunks(step.value), items);
});

test('an empty list is no chunk and comes back empty', () => {
	const steps = serializeInChunks([]);
	const step = steps.next();
	assert.ok(step.done);
	assert.deepEqual(deserializeChunks(step.value), []);
});
