// `khao --index PATH`: build every cache ahead of time (the search index and the entity detections
// of each file, then the entities linked across the corpus), so that the reader and the one-shot
// modes find them ready. On a terminal a progress
// line is redrawn in place (and cleared on Ctrl+C); otherwise a plain line says each tenth done.
// Then what was built, how big it is on disk and how long it took.
import fs from 'node:fs';
import process from 'node:process';
import type {Article, CorpusWarning} from '../corpus/types.js';
import {loadCorpus} from '../corpus/index.js';
import {buildSearchCaches} from '../search/build-cache.js';
import {cacheFileFor, defaultCacheDir} from '../search/cache.js';
import {detectCorpusColumns} from '../entities/detect-corpus.js';
import {articleCount} from '../entities/mention-codec.js';
import {detectionCacheFile} from '../entities/detection-cache.js';
import {EntityCorrectionsError} from '../entities/corrections.js';
import {linkCorpus} from '../entities/link-corpus.js';
import {linkedCacheFile} from '../entities/linked-cache.js';
import {namesCacheFile} from '../entities/names-cache.js';
import {findCorrections} from './plain-entities.js';
import {sanitizeInline} from '../text/sanitize.js';
import {formatSize} from '../corpus/size.js';
import {EXIT} from './exit.js';
import {warn} from './output.js';
import {collectGarbage, GarbageBound} from '../workers/collect.js';
import {phase, tickPhases} from '../workers/phase-log.js';

/** One job's progress: articles done of all. */
type Progress = (done: number, total: number) => void;

/**
 * Garbage this thread may hold while the search index is built and the detections come in, and
 * while it links (GarbageBound): the main thread's heap, which V8 lets grow to four times what
 * survived, held 100–250 MB of it at the peaks of a 60,000-article run (README, issue 10, stop 25).
 */
const GARBAGE_BOUND = 64 * 2 ** 20;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The search index of every file, written to the cache a segment at a time (none of it kept here). */
async function cacheSearch(articles: readonly Article[], cacheDir: string, onProgress: Progress, onWarning: (w: CorpusWarning) => void): Promise<void> {
	for (const step of buildSearchCaches(articles, {cacheDir, onCacheWarning: onWarning})) {
		onProgress(step.processed, step.total);
		// The entity workers' batches are handed out between steps.
		await nextTurn();
	}
	phase('index: search done');
}

/** The entity detections of every file, written to the cache (edisk: the entity index goes here). */
async function cacheEntities(articles: readonly Article[], cacheDir: string, onProgress: Progress, onWarning: (w: CorpusWarning) => void): Promise<void> {
	let done = 0;
	// Only counted here (linking reads the cache afterwards): the batches are never decoded.
	for await (const batch of detectCorpusColumns(articles, {cacheDir, onWarning, awaitWrites: true})) {
		done += articleCount(batch);
		onProgress(done, articles.length);
	}
	phase('index: detection done');
}

interface Job {
	name: string;
	done: number;
	total: number;
	ms: number;
	/** Its cache files, for the size said at the end. */
	files: () => string[];
}

const BAR = 16;

function bar(job: Job): string {
	const fraction = job.total === 0 ? 1 : Math.min(1, job.done / job.total);
	const filled = Math.round(fraction * BAR);
	return `${job.name} ${'█'.repeat(filled)}${'░'.repeat(BAR - filled)} ${String(Math.floor(fraction * 100)).padStart(3)}%`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function bytesOf(files: string[]): number {
	let total = 0;
	for (const file of files) {
		try {
			total += fs.statSync(file).size;
		} catch {
			// not written (a cache problem was reported as a warning)
		}
	}
	return total;
}

/**
 * The entities linked across the corpus, from the detections just cached, written to the linked
 * cache. Linking begins once the search index is built and let go: the two at once held both.
 */
async function cacheLinks(
	articles: readonly Article[],
	cacheDir: string,
	correctionsFile: string | undefined,
	root: string,
	onProgress: Progress,
	onWarning: (w: CorpusWarning) => void,
): Promise<void> {
	let corrections;
	try {
		corrections = findCorrections(correctionsFile, root);
	} catch (error) {
		if (!(error instanceof EntityCorrectionsError)) throw error;
		// The linked result depends on the corrections: without a readable file there is nothing to cache.
		onWarning({kind: 'skipped', path: 'entity links', message: `not cached: ${error.message}`});
		return;
	}
	// The search index's build left its garbage on this thread: collected before the linker's heap grows beside it.
	collectGarbage();
	await linkCorpus(articles, {cacheDir, ...(corrections ? {corrections} : {}), onWarning, onProgress});
}

export async function runIndex(target: string | undefined, defaultDir: string, correctionsFile?: string): Promise<number> {
	const where = target ?? defaultDir;
	const cacheDir = defaultCacheDir();
	if (cacheDir === undefined) {
		process.stderr.write('khao: --index has nowhere to write: KHAO_CACHE_DIR turns the cache off\n');
		return EXIT.usage;
	}
	const tty = Boolean(process.stderr.isTTY);
	const started = performance.now();
	let line = '';
	// The progress line is cleared before anything else is said, and on Ctrl+C.
	const clear = () => {
		if (tty && line !== '') process.stderr.write('\r\u001b[K');
		line = '';
	};
	const say = (w: CorpusWarning) => {
		clear();
		warn(w);
	};
	const onInterrupt = () => {
		clear();
		process.stderr.write('khao: --index stopped; the files finished so far stay cached\n');
		process.exit(130);
	};
	process.on('SIGINT', onInterrupt);
	try {
		if (tty) process.stderr.write(`reading ${sanitizeInline(where)}…`);
		line = 'reading';
		const {articles, warnings} = await loadCorpus(target, {defaultDir, listingCache: {dir: cacheDir}});
		clear();
		for (const w of warnings) warn(w);
		if (articles.length === 0) {
			process.stderr.write(`khao: no article to index in ${sanitizeInline(where)}\n`);
			return EXIT.unreadable;
		}
		const readMs = performance.now() - started;
		const sources = [...new Set(articles.map((a) => a.path))];
		const jobs: Job[] = [
			{name: 'search', done: 0, total: articles.length, ms: 0, files: () => sources.map((s) => cacheFileFor(cacheDir, s))},
			{name: 'entities', done: 0, total: articles.length, ms: 0, files: () => sources.map((s) => detectionCacheFile(cacheDir, s))},
			{name: 'links', done: 0, total: articles.length, ms: 0, files: () => [linkedCacheFile(cacheDir, articles), namesCacheFile(cacheDir, articles)]},
		];
		const shownTenths = jobs.map(() => -1);
		let drawn = 0;
		const draw = () => {
			const now = performance.now();
			if (tty) {
				if (now - drawn < 100 && jobs.some((j) => j.done < j.total)) return;
				drawn = now;
				const columns = process.stderr.columns || 80;
				const text = `indexing  ${jobs.map(bar).join('  ')}  ${seconds(now - started)}`;
				line = [...text].slice(0, columns - 1).join('');
				process.stderr.write(`\r\u001b[K${line}`);
				return;
			}
			jobs.forEach((job, i) => {
				const tenth = Math.floor((job.done / Math.max(1, job.total)) * 10);
				if (tenth === shownTenths[i]) return;
				shownTenths[i] = tenth;
				process.stderr.write(`khao: ${job.name}: ${job.done.toLocaleString('en')} / ${job.total.toLocaleString('en')} articles\n`);
			});
		};
		// Progress is said between steps of each job (a search step, a detected batch, a linked one):
		// where this thread's garbage is checked too.
		const bound = new GarbageBound(GARBAGE_BOUND);
		const track = (job: Job) => (done: number, total: number) => {
			job.done = done;
			job.total = total;
			job.ms = performance.now() - started;
			draw();
			if (bound.check()) phase('index: collected');
		};
		const untick = tickPhases();
		phase('index: detection and search');
		// Both at once: entity detection runs in worker threads while the search index is built here.
		await Promise.all([cacheSearch(articles, cacheDir, track(jobs[0]!), say), cacheEntities(articles, cacheDir, track(jobs[1]!), say)]);
		phase('index: links');
		await cacheLinks(articles, cacheDir, correctionsFile, where, track(jobs[2]!), say);
		untick();
		clear();
		const rows = jobs.map((job) => {
			const size = bytesOf(job.files());
			return `  ${job.name.padEnd(9)} ${formatSize(size).padStart(9)}  ${seconds(job.ms)}`;
		});
		const files = `${sources.length.toLocaleString('en')} ${sources.length === 1 ? 'file' : 'files'}`;
		process.stdout.write(
			[
				`indexed ${articles.length.toLocaleString('en')} articles (${files}) of ${sanitizeInline(where)} in ${seconds(performance.now() - started)} (reading ${seconds(readMs)})`,
				...rows,
				`  cache in ${sanitizeInline(cacheDir)}`,
			].join('\n') + '\n',
		);
		return EXIT.ok;
	} finally {
		process.off('SIGINT', onInterrupt);
	}
}
