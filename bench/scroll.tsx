// The cost of one scroll step in the reader against Ink redrawing a static frame of the same size
// and content, both measured in this process through ink-testing-library (every frame rendered).
import React, {useState} from 'react';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {Box, Text, useInput} from 'ink';
import {render} from 'ink-testing-library';
import {loadCorpus} from '../source/corpus/index.js';
import {App, paneSizes} from '../source/ui/components/App.js';
import {wrapArticle} from '../source/layout/wrap.js';
import {median} from './pty.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const size = {columns: 100, rows: 40};

function StaticFrame({lines}: {lines: string[]}) {
	const [, setTick] = useState(0);
	useInput(() => setTick((t) => t + 1));
	return (
		<Box flexDirection="column" width={size.columns} height={size.rows - 1}>
			{lines.map((l, i) => (
				<Text key={i} wrap="truncate">
					{l}
				</Text>
			))}
		</Box>
	);
}

async function timeSteps(element: React.ReactElement, key: string, steps: number): Promise<number[]> {
	const instance = render(element);
	await new Promise((r) => setTimeout(r, 20));
	const times: number[] = [];
	for (let i = 0; i < steps; i++) {
		const before = instance.frames.length;
		const t = performance.now();
		instance.stdin.write(key);
		while (instance.frames.length === before) await new Promise((r) => setImmediate(r));
		times.push(performance.now() - t);
	}
	instance.unmount();
	return times;
}

export async function benchScroll(steps = 60, rounds = 5) {
	const {articles} = await loadCorpus(path.join(root, 'corpus'));
	// The longest seed, so that every step has somewhere to go.
	const article = [...articles].sort((a, b) => b.text.length - a.text.length)[0]!;
	const load = {articles: [article], warnings: [], done: true, ready: Promise.resolve(), finished: Promise.resolve(), onUpdate: () => () => {}};
	const panes = paneSizes(size, null);
	const lines = wrapArticle(article, panes.textWidth)
		.slice(0, size.rows - 2)
		.map((l) => l.text);
	const ours: number[] = [];
	const base: number[] = [];
	for (let r = 0; r < rounds; r++) {
		base.push(median(await timeSteps(<StaticFrame lines={lines} />, 'j', steps)));
		ours.push(median(await timeSteps(<App load={load} size={size} noColor={false} />, 'j', steps)));
	}
	const step = median(ours);
	const baseline = median(base);
	return [
		{
			measure: `one scroll step (j), ${size.columns}×${size.rows} frame`,
			value: `${step.toFixed(2)} ms`,
			baseline: `${baseline.toFixed(2)} ms static frame`,
			ratio: (step / baseline).toFixed(2) + '×',
			goal: '≤ 1.2×',
		},
	];
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const {printTable} = await import('./table.js');
	printTable(await benchScroll());
}
