// Collects passage hits while the stages run: counts them, remembers which passages already have
// one (each passage is one result) and keeps only the best `limit` in a bounded heap, so a common
// word with tens of thousands of hits costs no sort.
import type {Segment} from './segment.js';

/** Match kinds, best first. Each has its own score band (see `score.ts`). */
export type MatchKind = 'exact' | 'tone' | 'partial' | 'fuzzy';

export interface RawHit {
	segment: Segment;
	passage: number;
	/** Local article in the segment, and its ordinal (corpus order) for ties. */
	local: number;
	ordinal: number;
	/** The match in the article's compact folded string. */
	start: number;
	end: number;
	/** Every matched range (one per term for multi-word matches), folded offsets. */
	ranges: [number, number][];
	kind: MatchKind;
	/** 0 is best. */
	score: number;
}

/** True when a ranks before b. */
function before(a: RawHit, b: RawHit): boolean {
	if (a.score !== b.score) return a.score < b.score;
	if (a.ordinal !== b.ordinal) return a.ordinal < b.ordinal;
	return a.start < b.start;
}

// Which passages already have a hit: a stamp per passage, kept with the segment and reused by
// every query (a fresh stamp per collector), so marking costs no allocation.
const stamps = new WeakMap<Segment, Uint32Array>();
let lastStamp = 0;

function stampsOf(segment: Segment): Uint32Array {
	let marks = stamps.get(segment);
	if (!marks) {
		marks = new Uint32Array(segment.passageStart.length);
		stamps.set(segment, marks);
	}
	return marks;
}

/** Which articles a search may answer from (the query's filters and excluded words); undefined: all. */
export type ArticleFilter = (segment: Segment, local: number) => boolean;

export class HitCollector {
	total = 0;
	/** Hits per kind. */
	readonly byKind: Record<MatchKind, number> = {exact: 0, tone: 0, partial: 0, fuzzy: 0};
	private readonly heap: RawHit[] = [];
	private readonly stamp: number;
	/** Articles with a hit, by segment (local numbers). */
	private readonly articles = new Map<Segment, Set<number>>();

	constructor(
		readonly limit: number,
		private readonly filter?: ArticleFilter,
	) {
		if (lastStamp === 0xffffffff) lastStamp = 0;
		this.stamp = ++lastStamp;
	}

	/** True when the article may give hits (the filters let it through). */
	allows(segment: Segment, local: number): boolean {
		return !this.filter || this.filter(segment, local);
	}

	/** True when the article already has a hit. */
	hasArticle(segment: Segment, local: number): boolean {
		return this.articles.get(segment)?.has(local) ?? false;
	}

	has(segment: Segment, passage: number): boolean {
		return stampsOf(segment)[passage] === this.stamp;
	}

	/** True when a hit with this rank would be kept (so the caller can skip building it). */
	wouldKeep(score: number, ordinal: number, start: number): boolean {
		if (this.heap.length < this.limit) return true;
		if (this.limit === 0) return false;
		const worst = this.heap[0]!;
		return score < worst.score || (score === worst.score && (ordinal < worst.ordinal || (ordinal === worst.ordinal && start < worst.start)));
	}

	/** True when the heap holds `limit` hits: a hit is kept from now on only by ranking above the worst of them. */
	get heapFull(): boolean {
		return this.limit > 0 && this.heap.length >= this.limit;
	}

	/**
	 * True when the heap is full and a hit ranked (score, ordinal, start) or worse would not be kept:
	 * a stage can then count such hits without working out how good they are.
	 */
	cannotKeep(score: number, ordinal: number, start: number): boolean {
		return this.heap.length > 0 && !this.wouldKeep(score, ordinal, start);
	}

	/**
	 * Counts a hit for a passage without keeping it (it would not be kept anyway). `kind` undefined:
	 * a hit counted without its kind because it could not be kept (cannotKeep): the kept hits are then
	 * all better, so the per-kind counts, which steer the stages only while the heap is not full,
	 * need not hold it.
	 */
	count(segment: Segment, passage: number, kind: MatchKind | undefined): boolean {
		const marks = stampsOf(segment);
		if (marks[passage] === this.stamp) return false;
		const local = segment.passageArticle[passage]!;
		if (!this.allows(segment, local)) return false;
		marks[passage] = this.stamp;
		let hit = this.articles.get(segment);
		if (!hit) this.articles.set(segment, (hit = new Set()));
		hit.add(local);
		this.total++;
		if (kind !== undefined) this.byKind[kind]++;
		return true;
	}

	add(hit: RawHit): void {
		// count() has counted the hit (total and kind): only keeping it is left.
		if (!this.count(hit.segment, hit.passage, hit.kind)) return;
		const heap = this.heap;
		if (heap.length < this.limit) {
			heap.push(hit);
			this.siftUp(heap.length - 1);
		} else if (this.limit > 0 && before(hit, heap[0]!)) {
			heap[0] = hit;
			this.siftDown(0);
		}
	}

	/** The kept hits, best first. */
	best(): RawHit[] {
		return [...this.heap].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
	}

	/** The best kind collected so far, if any. */
	bestKind(): MatchKind | undefined {
		for (const kind of ['exact', 'tone', 'partial', 'fuzzy'] as const) if (this.byKind[kind] > 0) return kind;
		return undefined;
	}

	// A max-heap on rank: the root is the worst kept hit.
	private siftUp(i: number): void {
		const heap = this.heap;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!before(heap[parent]!, heap[i]!)) break;
			[heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
			i = parent;
		}
	}

	private siftDown(i: number): void {
		const heap = this.heap;
		for (;;) {
			const left = 2 * i + 1;
			const right = left + 1;
			let worst = i;
			if (left < heap.length && before(heap[worst]!, heap[left]!)) worst = left;
			if (right < heap.length && before(heap[worst]!, heap[right]!)) worst = right;
			if (worst === i) return;
			[heap[worst], heap[i]] = [heap[i]!, heap[worst]!];
			i = worst;
		}
	}
}
