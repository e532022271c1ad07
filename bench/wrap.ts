// Wrap throughput against a bare Intl.Segmenter word pass over the same text (the goal is a ratio
// of at least 0.5), and the time to wrap a 4 MB article that is one single line.
// Run: node --import tsx bench/wrap.ts  (prints one table; medians of RUNS runs)
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {wrapText} from '../source/layout/wrap.js';

export interface Row {
	name: string;
	/** Megabytes (UTF-8) of text per case. */
	mb: number;
	/** Median milliseconds to wrap it at 80 columns. */
	wrapMs: number;
	/** Median milliseconds of the bare segmenter pass. */
	segmenterMs: number;
	wrapMBps: number;
	segmenterMBps: number;
	/** Wrap throughput divided by the segmenter's (goal: >= 0.5). */
	ratio: number;
}

const RUNS = 5;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEEDS = path.join(root, 'corpus'); // the five seed articles
const THAIGOV = path.resolve(root, '..', 'shared', 'data', 'thaigov-2k.jsonl');

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[s.length >> 1]!;
}

function time(f: () => void): number {
	const t0 = performance.now();
	f();
	return performance.now() - t0;
}

/**
 * The baseline: what any Thai wrapper must at least do, one Intl.Segmenter word pass over every
 * paragraph (line) of the text, touching each segment.
 */
function bareSegmenterPass(texts: string[]): number {
	const segmenter = new Intl.Segmenter('th', {granularity: 'word'});
	let count = 0;
	for (const text of texts) {
		for (const paragraph of text.split('\n')) for (const s of segmenter.segment(paragraph)) count += s.index;
	}
	return count;
}

/** A bare pass over a single long line must itself be bounded, or it takes minutes: 4 KB pieces. */
function bareSegmenterPassInPieces(texts: string[]): number {
	const segmenter = new Intl.Segmenter('th', {granularity: 'word'});
	let count = 0;
	for (const text of texts) {
		for (let i = 0; i < text.length; i += 4096) for (const s of segmenter.segment(text.slice(i, i + 4096))) count += s.index;
	}
	return count;
}

function wrapAll(texts: string[]): number {
	let lines = 0;
	for (const text of texts) lines += wrapText(text, 0, text.length, 80).length;
	return lines;
}

function measure(name: string, texts: string[], bare: (texts: string[]) => number, runs = RUNS): Row {
	const mb = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0) / 1e6;
	bare(texts.slice(0, 3)); // warm up both
	wrapAll(texts.slice(0, 3));
	const wrapTimes: number[] = [];
	const segTimes: number[] = [];
	for (let r = 0; r < runs; r++) {
		segTimes.push(time(() => bare(texts)));
		wrapTimes.push(time(() => wrapAll(texts)));
	}
	const wrapMs = median(wrapTimes);
	const segmenterMs = median(segTimes);
	return {
		name,
		mb,
		wrapMs,
		segmenterMs,
		wrapMBps: mb / (wrapMs / 1000),
		segmenterMBps: mb / (segmenterMs / 1000),
		ratio: segmenterMs / wrapMs,
	};
}

function seeds(): string[] {
	return fs
		.readdirSync(SEEDS)
		.filter((f) => f.endsWith('.txt'))
		.sort()
		.map((f) => fs.readFileSync(path.join(SEEDS, f), 'utf8'));
}

function thaigovBodies(count: number): string[] {
	if (!fs.existsSync(THAIGOV)) return [];
	const out: string[] = [];
	for (const line of fs.readFileSync(THAIGOV, 'utf8').split('\n')) {
		if (out.length >= count) break;
		if (line.trim()) out.push(String((JSON.parse(line) as {body?: unknown}).body ?? ''));
	}
	return out;
}

/** About `bytes` of seed text as one line (line breaks made spaces), optionally without spaces at all. */
function singleLine(bytes: number, spaces: boolean): string {
	let unit = seeds()
		.join(' ')
		.replace(/\s+/g, spaces ? ' ' : '');
	const unitBytes = Buffer.byteLength(unit);
	unit = unit.repeat(Math.ceil(bytes / unitBytes));
	return unit.slice(0, Math.round((unit.length * bytes) / Buffer.byteLength(unit)));
}

export async function benchWrap(): Promise<Row[]> {
	const rows: Row[] = [];
	rows.push(measure('seeds (5 articles)', seeds(), bareSegmenterPass));
	const bodies = thaigovBodies(500);
	if (bodies.length > 0) rows.push(measure('thaigov (500 bodies)', bodies, bareSegmenterPass));
	rows.push(measure('4 MB single line', [singleLine(4e6, true)], bareSegmenterPassInPieces));
	rows.push(measure('4 MB, no spaces at all', [singleLine(4e6, false)], bareSegmenterPassInPieces));
	return rows;
}

/** Prints the rows as an aligned Markdown table. */
export function printWrapTable(rows: Row[]): void {
	const header = ['case', 'MB', 'wrap ms', 'segmenter ms', 'wrap MB/s', 'segmenter MB/s', 'ratio (goal >= 0.5)'];
	const body = rows.map((r) => [
		r.name,
		r.mb.toFixed(2),
		r.wrapMs.toFixed(0),
		r.segmenterMs.toFixed(0),
		r.wrapMBps.toFixed(2),
		r.segmenterMBps.toFixed(2),
		r.ratio.toFixed(2),
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
	const line = (cells: string[]) => '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') + ' |';
	console.log(line(header));
	console.log('|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 1) + '-' : '-'.repeat(w + 1) + ':')).join('|') + '|');
	for (const row of body) console.log(line(row));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	printWrapTable(await benchWrap());
	console.log('Baseline: one Intl.Segmenter word pass per paragraph; for the single lines, per 4 KB piece');
	console.log('(one pass over the whole 4 MB line would take minutes). Medians of 5 runs; MB of UTF-8.');
}
