// The search index: the corpus's articles in order (their position is the "ordinal" that breaks
// ties in ranking) and the sealed segments that cover them so far. It is usable while it grows: a
// query answers from the segments sealed up to then.
import type {Article} from '../corpus/types.js';
import {releaseBuildMemory, SegmentBuilder, type Segment, type SegmentFile} from './segment.js';

export interface FileStat {
	size: number;
	/** Which file and which version of it (device, inode, mtime and ctime; see statFiles in cache.ts). */
	stamp: string;
}

export class SearchIndex {
	/** Every article the index knows, by ordinal (indexed or not yet). */
	readonly articles: Article[];
	readonly segments: Segment[] = [];
	/** Ordinal → segment number and local article, -1 while not indexed. */
	private segmentOf = new Int32Array(64).fill(-1);
	private localOf = new Int32Array(64);
	private indexed = 0;
	private byId: Map<string, number> | undefined;

	/** Over `articles` as they are (not copied: a lazily listed file's are made only when read). */
	constructor(articles: Article[] = []) {
		this.articles = articles;
		this.ensureCapacity(articles.length);
	}

	/** How many articles are searchable now. */
	get indexedArticles(): number {
		return this.indexed;
	}

	/** True when every known article is searchable. */
	get complete(): boolean {
		return this.indexed === this.articles.length;
	}

	/** Registers articles (not yet searchable); returns the ordinal of the first. */
	register(articles: readonly Article[]): number {
		const first = this.articles.length;
		for (const article of articles) this.articles.push(article);
		this.ensureCapacity(this.articles.length);
		this.byId = undefined;
		return first;
	}

	/** Ordinal of the (first) article with this id, or -1. */
	ordinalOf(id: string): number {
		if (!this.byId) {
			this.byId = new Map();
			for (let i = this.articles.length - 1; i >= 0; i--) this.byId.set(this.articles[i]!.id, i);
		}
		return this.byId.get(id) ?? -1;
	}

	addSegment(segment: Segment): void {
		const number = this.segments.length;
		this.segments.push(segment);
		this.ensureCapacity(this.articles.length);
		for (let local = 0; local < segment.ordinals.length; local++) {
			const ordinal = segment.ordinals[local]!;
			if (this.segmentOf[ordinal] === -1) this.indexed++;
			this.segmentOf[ordinal] = number;
			this.localOf[ordinal] = local;
		}
	}

	/** Where an article's folded text and passages live, if it is indexed. */
	locate(ordinal: number): {segment: Segment; local: number} | undefined {
		const s = ordinal < this.articles.length ? this.segmentOf[ordinal]! : -1;
		if (s < 0) return undefined;
		return {segment: this.segments[s]!, local: this.localOf[ordinal]!};
	}

	private ensureCapacity(n: number): void {
		if (this.segmentOf.length >= n) return;
		let size = this.segmentOf.length;
		while (size < n) size *= 2;
		const segmentOf = new Int32Array(size).fill(-1);
		segmentOf.set(this.segmentOf);
		const localOf = new Int32Array(size);
		localOf.set(this.localOf);
		this.segmentOf = segmentOf;
		this.localOf = localOf;
	}
}

export interface BuilderOptions {
	/** Size and stamp of each source file, to key cached segments; files without one are not cached. */
	fileStats?: ReadonlyMap<string, FileStat>;
	/** Articles per segment (default MAX_SEGMENT_ARTICLES); small values are for tests. */
	segmentArticles?: number;
}

/**
 * Builds an index incrementally: `add` takes articles in corpus order and indexes them, sealing a
 * segment whenever one is full, so a caller can add a chunk, yield to the event loop, and add the
 * next while the index already answers from the sealed segments. `flush` makes everything added
 * searchable; `finish` also frees the builder's temporary memory.
 */
export class SearchIndexBuilder {
	readonly index: SearchIndex;
	private open: SegmentBuilder | undefined;
	/** The file whose articles the open segment holds: a segment never spans files, so each file's cache stands alone. */
	private openPath: string | undefined;
	private readonly fileStats: ReadonlyMap<string, FileStat> | undefined;
	private readonly segmentArticles: number | undefined;

	constructor(options: BuilderOptions = {}, index = new SearchIndex()) {
		this.index = index;
		this.fileStats = options.fileStats;
		this.segmentArticles = options.segmentArticles;
	}

	/** Registers and indexes `articles` (appended to the corpus order). */
	add(articles: readonly Article[]): void {
		const first = this.index.register(articles);
		for (let i = 0; i < articles.length; i++) this.indexOrdinal(first + i);
	}

	/** Indexes an article already registered with the index. */
	indexOrdinal(ordinal: number): void {
		const article = this.index.articles[ordinal]!;
		if (this.openPath !== article.path) this.flush();
		this.open ??= new SegmentBuilder(this.segmentArticles);
		this.open.add(article, ordinal);
		this.openPath = article.path;
		if (this.open.full) this.flush();
	}

	/** Seals the open segment, if any, so that everything added is searchable. */
	flush(): void {
		if (!this.open || this.open.articleCount === 0) return;
		const path = this.openPath!;
		const stat = path === '-' ? undefined : this.fileStats?.get(path);
		const files: SegmentFile[] = stat ? [{path, size: stat.size, stamp: stat.stamp}] : [];
		this.index.addSegment(this.open.seal(files));
		this.open = undefined;
		this.openPath = undefined;
	}

	finish(): SearchIndex {
		this.flush();
		releaseBuildMemory();
		return this.index;
	}
}
