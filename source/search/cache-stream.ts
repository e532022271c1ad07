// The reader's search caches written as the worker pool's segments arrive (in corpus order), one
// SearchCacheWriter per source file, instead of encoded whole once the index is built: no step of
// the UI thread grows with the corpus, and no second copy of the index is ever made. With `spill`,
// the segments the index keeps read their folded text back from the scratch files (most of an
// index's memory); once the files are written the caller opens them on disk and lets these go.
import type {Article} from '../corpus/types.js';
import {asProblem, cacheFileFor, warnProblem, type CacheWarn} from './cache.js';
import {SearchCacheWriter} from './cache-writer.js';
import {DiskSegment} from './disk-segment.js';
import type {SearchIndex} from './search-index.js';
import type {Segment} from './segment.js';

export interface CacheStreamOptions {
	cacheDir: string;
	articles: readonly Article[];
	/** The index the segments join: a dirty file's segments reused from its cache are written first. */
	index: SearchIndex;
	/** Source files whose cache is (re)written; the others' segments pass through untouched. */
	dirty: ReadonlySet<string>;
	/** Hand back segments whose folded text is read from the scratch files. */
	spill: boolean;
	warn: CacheWarn;
	/** Text scanned and encoded between pauses (SearchCacheWriter's default unless given: tests). */
	stepUnits?: number;
}

export class CacheStream {
	/** Per source file: its writer, or 'off' when its cache is not written this time. */
	private readonly writers = new Map<string, SearchCacheWriter | 'off'>();
	/** Every writer opened: their scratch files are read by spilled segments until `close`. */
	private readonly opened: SearchCacheWriter[] = [];

	constructor(private readonly options: CacheStreamOptions) {}

	/** The cache files this stream writes (or tried to): a caller's other saving skips them. */
	handles(cacheFile: string): boolean {
		for (const source of this.writers.keys()) if (cacheFileFor(this.options.cacheDir, source) === cacheFile) return true;
		return false;
	}

	/**
	 * Writes `segment` to its file's cache and returns the segment as the index should hold it;
	 * `pause` is awaited between its steps (SearchCacheWriter.spill or addSteps). One segment at a time.
	 */
	async add(segment: Segment, pause: () => Promise<void>): Promise<Segment> {
		const source = segment.files.length === 1 ? segment.files[0]!.path : undefined;
		if (source === undefined || !this.options.dirty.has(source)) return segment;
		const writer = this.writerFor(source);
		if (writer === 'off') return segment;
		try {
			const {articles, stepUnits} = this.options;
			if (this.options.spill) return (await writer.spill(segment, articles, pause, stepUnits)) ?? segment;
			await writer.addSteps(segment, articles, pause, stepUnits);
		} catch (error) {
			this.fail(source, writer, error);
		}
		return segment;
	}

	/**
	 * Puts every file together and in place, `pause` awaited between chunks; true when all were
	 * written. A file that fails is one warning; the others go on.
	 */
	async finish(pause: () => Promise<void>): Promise<boolean> {
		let all = true;
		for (const [source, writer] of this.writers) {
			if (writer === 'off') {
				all = false;
				continue;
			}
			try {
				await writer.finishAsync(pause);
			} catch (error) {
				this.fail(source, writer, error);
				all = false;
			}
		}
		return all;
	}

	/** Lets every scratch file go: only once no segment from `spill` is searched any more. */
	close(): void {
		for (const writer of this.opened) writer.abort();
		this.opened.length = 0;
	}

	private writerFor(source: string): SearchCacheWriter | 'off' {
		let writer = this.writers.get(source);
		if (writer !== undefined) return writer;
		const file = cacheFileFor(this.options.cacheDir, source);
		try {
			writer = new SearchCacheWriter(file);
		} catch (error) {
			warnProblem(this.options.warn, 'not saved', asProblem(file, error));
			this.writers.set(source, 'off');
			return 'off';
		}
		this.opened.push(writer);
		this.writers.set(source, writer);
		// What the file's cache still held comes first, as when the index is encoded whole. A segment
		// searched on disk holds only what was looked up of it: that file is left for the next launch.
		for (const reused of this.options.index.segments) {
			if (reused.files[0]?.path !== source) continue;
			if (reused instanceof DiskSegment) {
				this.writers.set(source, 'off');
				return 'off';
			}
			try {
				writer.add(reused, this.options.articles);
			} catch (error) {
				this.fail(source, writer, error);
				return 'off';
			}
		}
		return writer;
	}

	/** One warning; the file's cache is not written (its scratch files stay readable until `close`). */
	private fail(source: string, writer: SearchCacheWriter, error: unknown): void {
		warnProblem(this.options.warn, 'not saved', asProblem(writer.file, error));
		this.writers.set(source, 'off');
	}
}
