// Indexing progress is not redrawn while the user types: each background frame (20-30 ms of CPU)
// that lands just before a key makes that key wait for it and for Ink's frame throttle. A change
// waits for a pause in the typing, or at most LONGEST_WAIT_MS. Driven by mocked timers and clock.
import {afterEach, beforeEach, mock, test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {useThrottledSnapshot} from '../../source/ui/hooks/useThrottledSnapshot.js';
import {LONGEST_WAIT_MS, QUIET_MS, redrawDelay} from '../../source/ui/hooks/redraw-delay.js';

/** Something changing in the background, as the indexer is: a value and its listeners. */
class Source {
	value = 0;
	private readonly listeners = new Set<() => void>();
	subscribe = (listener: () => void) => {
		this.listeners.add(listener);
		return () => void this.listeners.delete(listener);
	};
	change(): void {
		this.value++;
		for (const listener of this.listeners) listener();
	}
}

function Probe({source, lastKey}: {source: Source; lastKey?: () => number}) {
	const value = useThrottledSnapshot(
		source.subscribe,
		() => source.value,
		() => false,
		250,
		lastKey,
	);
	return <Text>value {value}</Text>;
}

beforeEach(() => mock.timers.enable({apis: ['setTimeout', 'Date'], now: 1_000_000}));
afterEach(() => mock.timers.reset());

/** `ms` of mocked time, a tick of `step` ms at a time, a key at each tick when `typing`; then React renders. */
async function pass(ms: number, step: number, keys?: {at: number}): Promise<void> {
	for (let t = 0; t < ms; t += step) {
		mock.timers.tick(step);
		if (keys) keys.at = Date.now();
		await new Promise((resolve) => setImmediate(resolve));
	}
	await new Promise((resolve) => setImmediate(resolve));
}

test('the delay: none after a pause, until the pause while keys come, never past the longest wait', () => {
	assert.equal(redrawDelay(10_000, 10_000 - QUIET_MS, 9_000), 0);
	assert.equal(redrawDelay(10_000, 9_900, 9_800), QUIET_MS - 100);
	assert.equal(redrawDelay(10_000, 9_990, 10_000 - LONGEST_WAIT_MS + 50), 50);
	assert.equal(redrawDelay(10_000, 10_000, 10_000 - LONGEST_WAIT_MS), 0);
});

test('a background change is not drawn while keys come every 150 ms, and is drawn once they pause', async () => {
	const source = new Source();
	const keys = {at: Number.NEGATIVE_INFINITY};
	const {lastFrame, unmount} = render(<Probe source={source} lastKey={() => keys.at} />);
	assert.equal(lastFrame(), 'value 0');
	keys.at = Date.now();
	source.change();
	await pass(1_200, 150, keys);
	assert.equal(lastFrame(), 'value 0', 'redrawn while the user types');
	await pass(QUIET_MS, 50);
	assert.equal(lastFrame(), 'value 1');
	unmount();
});

test('a change waits at most the longest wait for a pause, and without a key clock after the throttle alone', async () => {
	const source = new Source();
	const keys = {at: Date.now()};
	const typed = render(<Probe source={source} lastKey={() => keys.at} />);
	source.change();
	await pass(LONGEST_WAIT_MS - 100, 100, keys);
	assert.equal(typed.lastFrame(), 'value 0');
	await pass(200, 100, keys);
	assert.equal(typed.lastFrame(), 'value 1', 'kept from the screen past the longest wait');
	typed.unmount();
	const plain = render(<Probe source={source} />);
	source.change();
	await pass(300, 50);
	assert.equal(plain.lastFrame(), 'value 2');
	plain.unmount();
});
