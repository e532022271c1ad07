// What the reader remembers between runs: the last article, where each article was left (read /
// unread follows from that) and bookmarks. One JSON file in the state folder (the search history's
// folder rule), written whole and renamed into place. On read the file is untrusted: read with a
// bound, every field checked, anything unsound skipped and said in one line. A file that is not
// ours (or a newer khao's, or too large to be ours) is left as it is: nothing is saved over it.
// Two khao at once: each save merges what the other wrote since (under a short lock), so neither
// forgets the other's articles.
import fs from 'node:fs';
import path from 'node:path';
import {reasonOf} from '../corpus/errors.js';
import {readBoundedSync} from '../corpus/read-bounded.js';
import {formatSize} from '../corpus/size.js';
import {ensureDir, writeAtomic, writeAtomicAsync} from '../search/cache-io.js';
import {stateDir} from '../search/history.js';
import {sanitizeInline} from '../text/sanitize.js';

export const STATE_FILE = 'reading-state.json';
const MARK = 'khao reading state';
export const STATE_VERSION = 1;
/** Articles whose place is kept; the ones seen longest ago are forgotten first. */
export const MAX_ARTICLES = 2_000;
export const MAX_BOOKMARKS = 200;
/** Longest bookmark title kept (shown in the panel; the article may be gone by then). */
export const MAX_TITLE = 200;
/** Far above what MAX_ARTICLES and MAX_BOOKMARKS can fill: a larger file is not ours. */
export const MAX_STATE_BYTES = 1024 * 1024;
/** Longest article id remembered for the last article (only compared, never shown). */
const MAX_ID = 4_096;
const KEY = /^[A-Za-z0-9_-]{8,64}$/;

/** Where the reader stood in an article, in terms that survive a re-wrap (layout's Anchor). */
export interface Place {
	offset: number;
	/** -1 for a line showing text; else which of the lines without text at `offset`. */
	rank: number;
}

export interface ArticleMemory extends Place {
	/** The article's content key (articleKey). */
	key: string;
	/** When it was last read (ms since 1970): the oldest are forgotten first. */
	seen: number;
}

export interface Bookmark extends Place {
	key: string;
	/** The article's title when the bookmark was made, cleaned. */
	title: string;
	added: number;
}

export interface LastArticle {
	key: string;
	/** The article's id then (a hint to find it without hashing every article). */
	id: string;
	at: number;
	/**
	 * Its text's length (UTF-16 units), known without reading a body: when the id no longer finds it,
	 * only articles of this length are hashed, not every body of an archive (absent in older files).
	 */
	length?: number;
}

export interface SessionData {
	last?: LastArticle;
	articles: ArticleMemory[];
	bookmarks: Bookmark[];
}

export interface ReadResult {
	data: SessionData;
	/** One line for the status bar when the file was not (wholly) used. */
	problem?: string;
	/** False when the file is not ours to replace. */
	writable: boolean;
}

const empty = (): SessionData => ({articles: [], bookmarks: []});

/** The state file, or undefined when state is off (KHAO_STATE_DIR=off). */
export function sessionFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
	const dir = stateDir(env);
	return dir === undefined ? undefined : path.join(dir, STATE_FILE);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isOffset = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) < 2 ** 31;
const isRank = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= -1 && (v as number) < 1_000;
const isKey = (v: unknown): v is string => typeof v === 'string' && KEY.test(v);

function placeOf(v: Record<string, unknown>): Place | undefined {
	return isOffset(v['offset']) && isRank(v['rank']) ? {offset: v['offset'], rank: v['rank']} : undefined;
}

function articleOf(v: unknown): ArticleMemory | undefined {
	if (!isRecord(v) || !isKey(v['key']) || !isTime(v['seen'])) return undefined;
	const place = placeOf(v);
	return place && {key: v['key'], ...place, seen: v['seen']};
}

function bookmarkOf(v: unknown): Bookmark | undefined {
	if (!isRecord(v) || !isKey(v['key']) || !isTime(v['added']) || typeof v['title'] !== 'string') return undefined;
	const place = placeOf(v);
	return place && {key: v['key'], ...place, title: cleanTitle(v['title']), added: v['added']};
}

function lastOf(v: unknown): LastArticle | undefined {
	if (!isRecord(v) || !isKey(v['key']) || !isTime(v['at']) || typeof v['id'] !== 'string' || v['id'].length > MAX_ID) return undefined;
	return {key: v['key'], id: v['id'], at: v['at'], ...(isTime(v['length']) ? {length: v['length']} : {})};
}

/** A title as kept: one safe line, at most MAX_TITLE characters. */
export function cleanTitle(title: string): string {
	const line = sanitizeInline(title.slice(0, MAX_TITLE * 2))
		.replace(/\s+/g, ' ')
		.trim();
	return line.length > MAX_TITLE ? line.slice(0, MAX_TITLE - 1) + '…' : line;
}

/** Reads the text of a state file: what is sound in it, and what was not. */
export function parseState(text: string): ReadResult {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return {data: empty(), problem: 'reading state damaged: ignored (it will be replaced)', writable: true};
	}
	if (!isRecord(json) || json['khao'] !== MARK) return {data: empty(), problem: 'reading state: not a khao file, ignored and left as is', writable: false};
	const version = json['version'];
	if (version !== STATE_VERSION) {
		const newer = typeof version === 'number' && version > STATE_VERSION;
		return {data: empty(), problem: `reading state ${newer ? 'from a newer khao' : 'of an unknown version'}: ignored and left as is`, writable: false};
	}
	let bad = 0;
	const pick = <T>(list: unknown, of: (v: unknown) => T | undefined, max: number): T[] => {
		if (list === undefined) return [];
		if (!Array.isArray(list)) {
			bad++;
			return [];
		}
		const out: T[] = [];
		for (const item of list.slice(0, max * 2)) {
			const value = of(item);
			if (value === undefined) bad++;
			else out.push(value);
		}
		bad += Math.max(0, list.length - max * 2);
		return out;
	};
	const data: SessionData = {
		articles: trimArticles(
			dedupeBy(
				pick(json['articles'], articleOf, MAX_ARTICLES),
				(a) => a.key,
				(a) => a.seen,
			),
		),
		bookmarks: trimBookmarks(dedupeBy(pick(json['bookmarks'], bookmarkOf, MAX_BOOKMARKS), bookmarkId, (b) => b.added)),
	};
	if (json['last'] !== undefined) {
		const last = lastOf(json['last']);
		if (last) data.last = last;
		else bad++;
	}
	return bad > 0 ? {data, problem: `reading state: ${bad} bad ${bad === 1 ? 'entry' : 'entries'} skipped`, writable: true} : {data, writable: true};
}

/** Reads the state file (absent: nothing remembered yet). Never throws. */
export function readState(file: string): ReadResult {
	const read = readBoundedSync(file, MAX_STATE_BYTES, {followLinks: false});
	if (!read.ok) {
		switch (read.problem) {
			case 'missing':
				return {data: empty(), writable: true};
			case 'too-large':
				return {data: empty(), problem: `reading state over ${formatSize(MAX_STATE_BYTES)}: ignored and left as is`, writable: false};
			case 'link':
			case 'special':
				return {data: empty(), problem: 'reading state is not a regular file: not used', writable: false};
			default:
				return {data: empty(), problem: `reading state unreadable (${reasonOf(read.error)}): not used`, writable: false};
		}
	}
	return parseState(read.bytes.toString('utf8'));
}

export function serializeState(data: SessionData): string {
	const {last, articles, bookmarks} = data;
	return JSON.stringify({khao: MARK, version: STATE_VERSION, ...(last ? {last} : {}), articles, bookmarks}) + '\n';
}

const bookmarkId = (b: Bookmark) => `${b.key}@${b.offset}@${b.rank}`;

/** One item per id, the one with the latest time. */
function dedupeBy<T>(list: readonly T[], id: (t: T) => string, time: (t: T) => number): T[] {
	const best = new Map<string, T>();
	for (const item of list) {
		const had = best.get(id(item));
		if (!had || time(item) > time(had)) best.set(id(item), item);
	}
	return [...best.values()];
}

/** Latest first, at most MAX_ARTICLES. */
function trimArticles(list: ArticleMemory[]): ArticleMemory[] {
	return list.sort((a, b) => b.seen - a.seen).slice(0, MAX_ARTICLES);
}

/** Oldest first (the order the panel lists them in), at most MAX_BOOKMARKS of the newest. */
function trimBookmarks(list: Bookmark[]): Bookmark[] {
	return list.sort((a, b) => a.added - b.added).slice(-MAX_BOOKMARKS);
}

/**
 * `ours` merged over `theirs` (the file as another khao left it): each article's latest place, the
 * latest last article, every bookmark but those removed here.
 */
export function mergeState(ours: SessionData, theirs: SessionData, removed: ReadonlySet<string> = new Set()): SessionData {
	const last = !theirs.last || (ours.last && ours.last.at >= theirs.last.at) ? ours.last : theirs.last;
	const merged: SessionData = {
		articles: trimArticles(
			dedupeBy(
				[...theirs.articles, ...ours.articles],
				(a) => a.key,
				(a) => a.seen,
			),
		),
		bookmarks: trimBookmarks(dedupeBy([...theirs.bookmarks, ...ours.bookmarks], bookmarkId, (b) => b.added).filter((b) => !removed.has(bookmarkId(b)))),
	};
	if (last) merged.last = last;
	return merged;
}

// ---- the lock around read-merge-write -------------------------------------------------------

const LOCK_TRIES = 200;
const LOCK_WAIT_MS = 10;
/** A lock older than this is a leftover (a save takes milliseconds). */
const LOCK_STALE_MS = 10_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** One try at `file`.lock (O_EXCL): taken, or held by another (a leftover is cleared for the next try), or not possible. */
function tryLock(file: string): 'taken' | 'busy' | 'failed' {
	const lockFile = file + '.lock';
	try {
		fs.writeFileSync(lockFile, String(process.pid), {flag: 'wx', mode: 0o600});
		return 'taken';
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return 'failed';
	}
	if (lockIsStale(lockFile)) {
		try {
			fs.unlinkSync(lockFile);
		} catch {
			// Another khao took it away first.
		}
	}
	return 'busy';
}

/** Takes `file`.lock; false when it stays taken. Synchronous (it waits blocking): it runs on quit too. */
function lock(file: string): boolean {
	for (let i = 0; i < LOCK_TRIES; i++) {
		const tried = tryLock(file);
		if (tried !== 'busy') return tried === 'taken';
		Atomics.wait(sleeper, 0, 0, LOCK_WAIT_MS);
	}
	return false;
}

/** The same, waiting without blocking the keys. */
async function lockAsync(file: string): Promise<boolean> {
	for (let i = 0; i < LOCK_TRIES; i++) {
		const tried = tryLock(file);
		if (tried !== 'busy') return tried === 'taken';
		await new Promise((resolve) => setTimeout(resolve, LOCK_WAIT_MS));
	}
	return false;
}

function lockIsStale(lockFile: string): boolean {
	try {
		const stat = fs.lstatSync(lockFile);
		if (!stat.isFile() || Date.now() - stat.mtimeMs > LOCK_STALE_MS) return true;
		const pid = Number(fs.readFileSync(lockFile, 'utf8').slice(0, 12));
		if (!Number.isSafeInteger(pid) || pid <= 0) return false; // being written right now
		process.kill(pid, 0);
		return false;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ESRCH';
	}
}

function unlock(file: string): void {
	try {
		fs.unlinkSync(file + '.lock');
	} catch {
		// Gone already: nothing to give back.
	}
}

/** The state file as this khao last wrote or read it: while it is still so, nobody else has saved since. */
export interface FileSeen {
	mtimeMs: number;
	size: number;
	ino: number;
}

function seenOf(file: string): FileSeen | undefined {
	try {
		const stat = fs.statSync(file);
		return {mtimeMs: stat.mtimeMs, size: stat.size, ino: stat.ino};
	} catch {
		return undefined;
	}
}

const unchangedSince = (file: string, seen: FileSeen | undefined): boolean => {
	const now = seen && seenOf(file);
	return now !== undefined && now.mtimeMs === seen!.mtimeMs && now.size === seen!.size && now.ino === seen!.ino;
};

const notSaved = (error: unknown) => `reading state not saved (${error instanceof Error ? sanitizeInline(error.message) : reasonOf(error)})`;

/**
 * `data` merged with what the file holds now, ready to write; a message when it must not be
 * written. The file is read (and parsed, the costly part) only when it changed since `seen`.
 */
function mergeWithFile(file: string, data: SessionData, removed: ReadonlySet<string> | undefined, seen: FileSeen | undefined): {merged: SessionData} | {problem: string} {
	if (unchangedSince(file, seen)) return {merged: mergeState(data, empty(), removed)};
	const now = readState(file);
	if (!now.writable) return {problem: 'reading state not saved: the file there is not khao’s'};
	return {merged: mergeState(data, now.data, removed)};
}

export interface SaveResult {
	data: SessionData;
	problem?: string;
	/** The file as written. */
	seen?: FileSeen;
}

/**
 * Saves `data` merged with what the file holds now; returns the merged data, or a message when it
 * could not be saved. A file that is not ours is not replaced. `held`: the caller holds the lock
 * already (it is given back all the same).
 */
export function saveState(file: string, data: SessionData, removed?: ReadonlySet<string>, options: {seen?: FileSeen; held?: boolean} = {}): SaveResult {
	let locked = Boolean(options.held);
	try {
		ensureDir(path.dirname(file));
		locked ||= lock(file);
		const ready = mergeWithFile(file, data, removed, options.seen);
		if ('problem' in ready) return {data, problem: ready.problem};
		writeAtomic(file, [Buffer.from(serializeState(ready.merged))]);
		return {data: ready.merged, seen: seenOf(file)};
	} catch (error) {
		return {data, problem: notSaved(error)};
	} finally {
		if (locked) unlock(file);
	}
}

// ---- the reader's view of it ------------------------------------------------------------------

/** The reading state of one run: read once at the start, changed in memory, saved when asked. */
export class ReadingState {
	private data: SessionData;
	private places = new Map<string, ArticleMemory>();
	private removed = new Set<string>();
	private changed = false;
	/** Counts changes: a save that ends knows whether something changed while it was writing. */
	private generation = 0;
	/** The state file as last written or read here (undefined: read it before merging). */
	private seen: FileSeen | undefined;
	/** The background save under way, which holds the lock (a save on quit takes it over). */
	private writing: {owner: object} | undefined;
	/** Something changed while a background save was writing: save again when it ends. */
	private again = false;

	private constructor(
		private readonly file: string | undefined,
		read: ReadResult,
		/** What went wrong reading the file, for the status bar (once). */
		readonly problem: string | undefined,
	) {
		this.data = read.data;
		this.index();
	}

	/** The state in `file`; undefined: nothing is read or saved (--no-state). */
	static open(file: string | undefined): ReadingState {
		if (file === undefined) return new ReadingState(undefined, {data: empty(), writable: false}, undefined);
		const seen = seenOf(file);
		const read = readState(file);
		const state = new ReadingState(read.writable ? file : undefined, read, read.problem);
		// What was read is in memory: until the file changes, a save need not read it again.
		if (seen && unchangedSince(file, seen)) state.seen = seen;
		return state;
	}

	private index(): void {
		this.places = new Map(this.data.articles.map((a) => [a.key, a]));
	}

	get last(): LastArticle | undefined {
		return this.data.last;
	}

	placeOf(key: string): Place | undefined {
		const memory = this.places.get(key);
		return memory && {offset: memory.offset, rank: memory.rank};
	}

	isRead(key: string): boolean {
		return this.places.has(key);
	}

	/** How many articles are read (it grows when one is opened for the first time). */
	get readCount(): number {
		return this.places.size;
	}

	/** Whether something changed since the last save. */
	get dirty(): boolean {
		return this.changed;
	}

	/** The reader shows article `key` (id `id`, text of `length` UTF-16 units) at `place`. */
	visit(key: string, id: string, place: Place, now = Date.now(), length?: number): void {
		const had = this.places.get(key);
		const last = this.data.last;
		if (had && had.offset === place.offset && had.rank === place.rank && last?.key === key && last.id === id && last.length === length) return;
		const memory: ArticleMemory = {key, offset: place.offset, rank: place.rank, seen: now};
		this.places.set(key, memory);
		const newLast: LastArticle = {key, id: id.length > MAX_ID ? '' : id, at: now, ...(length === undefined ? {} : {length})};
		this.data = {...this.data, last: newLast, articles: [...this.places.values()]};
		this.touch();
	}

	get bookmarks(): readonly Bookmark[] {
		return this.data.bookmarks;
	}

	/** Adds a bookmark at `place`, or removes the one already there; says which. */
	toggleBookmark(key: string, place: Place, title: string, now = Date.now()): 'added' | 'removed' {
		const bookmark: Bookmark = {key, offset: place.offset, rank: place.rank, title: cleanTitle(title), added: now};
		const id = bookmarkId(bookmark);
		this.touch();
		if (this.data.bookmarks.some((b) => bookmarkId(b) === id)) {
			this.removed.add(id);
			this.data = {...this.data, bookmarks: this.data.bookmarks.filter((b) => bookmarkId(b) !== id)};
			return 'removed';
		}
		this.removed.delete(id);
		this.data = {...this.data, bookmarks: trimBookmarks([...this.data.bookmarks, bookmark])};
		return 'added';
	}

	removeBookmark(bookmark: Bookmark): void {
		const id = bookmarkId(bookmark);
		this.removed.add(id);
		this.data = {...this.data, bookmarks: this.data.bookmarks.filter((b) => bookmarkId(b) !== id)};
		this.touch();
	}

	private touch(): void {
		this.changed = true;
		this.generation++;
	}

	/**
	 * Writes the state (merged with what another khao saved meanwhile) now, blocking: on quit. A
	 * background save under way is taken over (its lock with it; its file is never put in place).
	 */
	save(): string | undefined {
		if (!this.changed || this.file === undefined) return undefined;
		const held = this.writing !== undefined;
		this.writing = undefined;
		const generation = this.generation;
		return this.saved(saveState(this.file, this.data, this.removed, {seen: this.seen, held}), generation);
	}

	/**
	 * Writes the state without holding up the keys: the file is read again only when another khao
	 * changed it, and the writing and syncing happen off the event loop. Resolves with a message
	 * when it failed. Changes made meanwhile are kept, and saved by another save after this one.
	 */
	async saveInBackground(): Promise<string | undefined> {
		const file = this.file;
		if (!this.changed || file === undefined) return undefined;
		if (this.writing) {
			this.again = true;
			return undefined;
		}
		const writing = {owner: {}};
		this.writing = writing;
		const ours = () => this.writing === writing;
		let locked = false;
		try {
			ensureDir(path.dirname(file));
			locked = await lockAsync(file);
			if (!ours()) return undefined;
			const generation = this.generation;
			const ready = mergeWithFile(file, this.data, this.removed, this.seen);
			if ('problem' in ready) return ready.problem;
			let put = false;
			await writeAtomicAsync(file, [Buffer.from(serializeState(ready.merged))], () => (put = ours()));
			if (!put) return undefined;
			return this.saved({data: ready.merged, seen: seenOf(file)}, generation);
		} catch (error) {
			return ours() ? notSaved(error) : undefined;
		} finally {
			if (ours()) {
				this.writing = undefined;
				if (locked) unlock(file);
				if (this.again) {
					this.again = false;
					void this.saveInBackground();
				}
			}
		}
	}

	/** After a save of the state as it was at `generation`: what is on disk now, and what changed since. */
	private saved(result: SaveResult, generation: number): string | undefined {
		if (result.problem) return result.problem;
		this.seen = result.seen;
		// Changes made while writing stay on top of what was written, and still need a save.
		this.data = generation === this.generation ? result.data : mergeState(this.data, result.data, this.removed);
		this.changed = generation !== this.generation;
		this.index();
		return undefined;
	}
}
