import React from 'react';
import {render} from 'ink-testing-library';
import type {CorpusLoad} from '../../source/corpus/index.js';
import type {Article, Block, CorpusWarning} from '../../source/corpus/types.js';
import {App} from '../../source/ui/components/App.js';
import type {Size} from '../../source/ui/hooks/useTerminalSize.js';
import {BackgroundIndexer} from '../../source/ui/background.js';
import type {SearchHistory} from '../../source/search/history.js';

/** An article whose paragraphs are its lines of text (blank lines between). */
export function makeArticle(id: string, title: string, paragraphs: string[], date?: string): Article {
	let text = title + '\n\n';
	const blocks: Block[] = [{kind: 'title', spans: [{start: 0, end: title.length}]}];
	for (const p of paragraphs) {
		blocks.push({kind: 'para', spans: [{start: text.length, end: text.length + p.length}]});
		text += p + '\n\n';
	}
	const [year, month, day] = (date ?? '').split('-').map(Number);
	return {
		id,
		path: id,
		format: 'txt',
		title,
		text,
		blocks,
		...(date ? {date: {year: year!, month: month!, day: day!, iso: date, text: date}} : {}),
	};
}

export function staticLoad(articles: Article[], warnings: CorpusWarning[] = []): CorpusLoad {
	return {
		articles,
		warnings,
		done: true,
		ready: Promise.resolve(),
		finished: Promise.resolve(),
		onUpdate: () => () => {},
	} as CorpusLoad;
}

export const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The background indexes of `load`, built to the end (no cache). */
export async function builtIndexer(load: CorpusLoad): Promise<BackgroundIndexer> {
	const indexer = new BackgroundIndexer(load, {search: {cacheDir: null}});
	await indexer.start();
	return indexer;
}

export async function renderApp(load: CorpusLoad, size: Size = {columns: 100, rows: 20}, noColor = true, indexer?: BackgroundIndexer, history?: SearchHistory) {
	const instance = render(<App load={load} size={size} noColor={noColor} indexer={indexer} history={history} />);
	// Ink subscribes to stdin in an effect: keys written before that would be lost.
	for (let i = 0; i < 200 && instance.stdin.listenerCount('readable') === 0; i++) await tick();
	await tick();
	const press = async (...keys: string[]) => {
		for (const k of keys) {
			const before = instance.frames.length;
			instance.stdin.write(k);
			// Wait for the frame this key causes (on a loaded machine it can take more than a tick);
			// a key that changes nothing gives up after a short while.
			const deadline = Date.now() + 300;
			while (instance.frames.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
			await tick();
		}
	};
	const frame = () => instance.lastFrame() ?? '';
	const rerender = async (s: Size) => {
		instance.rerender(<App load={load} size={s} noColor={noColor} indexer={indexer} />);
		await tick();
	};
	/** Waits until the frame matches (work scheduled after a key, such as a search, takes a while). */
	const waitFor = async (pattern: RegExp, ms = 3000) => {
		const deadline = Date.now() + ms;
		while (!pattern.test(frame()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
		return frame();
	};
	return {...instance, press, frame, rerender, waitFor};
}

export const KEYS = {
	up: '\u001B[A',
	down: '\u001B[B',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	tab: '\t',
	shiftTab: '\u001B[Z',
	enter: '\r',
	escape: '\u001B',
	ctrlC: '\u0003',
} as const;
