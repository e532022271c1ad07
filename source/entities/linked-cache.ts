// The linked result on disk: the EntityIndex of a whole corpus (entities, and their mentions as the
// columns of linked-mentions.ts), after the corrections, so that opening a corpus again reads one
// file instead of detecting, linking and assembling two million mentions.
//
// It is keyed on everything the result depends on (`linkedCacheKey`): the detection and linking
// code and weights (detection-version.ts hashes the whole entities folder, linking included), the
// corrections as parsed, and each article's file (size and stamp), id and text length, in corpus
// order. Any change means "build it again" (a file that changed is detected again alone, from the
// per-file detection caches, then everything is linked again): linking depends on the whole
// corpus, so no part of an old result is reused.
//
// Layout (sealed-file.ts): magic "KHAOLNK3", header length (u32), CRC-32 of payload and header
// (u32), the payload (8-aligned pieces: the articles' corpus ordinals, the columns, then the
// entities and the string table as JSON arrays of a few thousand each), then the JSON header. After
// the CRC, every number is checked against the articles (validLinkedMentions) before anything reads
// it: a stale, truncated, corrupt, forged or foreign file is rebuilt, never trusted.
//
// The reader opens it on its UI thread between keys (60,000 articles: about 100 MB, 300,000
// entities), so reading, checking, parsing and validating all go in steps of a few milliseconds
// (`openLinkedCacheSteps`): the file is read a slice at a time, and the entities and strings are
// several small JSON pieces rather than one large one that JSON.parse would take whole. Saving
// goes in steps too, a piece written (off the event loop) as it is encoded.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {textLengthOf} from '../corpus/article-store.js';
import {reasonOf} from '../corpus/errors.js';
import type {Article, CorpusWarning} from '../corpus/types.js';
import {AlignedPieces} from '../search/cache-format.js';
import {isCount, isPair, isRecord, sealFile, SealedFileWriter} from './sealed-file.js';
import {CACHE_BYTES_LIMIT, CacheProblem} from '../search/cache-io.js';
import {statFiles} from '../search/cache.js';
import type {EntityCorrections} from './corrections.js';
import {detectionVersion} from './detection-version.js';
import type {EntityIndexData} from './entity-index.js';
import {LINKED_COLUMNS, type LinkedColumn, type LinkedMentions, validLinkedMentionsSteps} from './linked-mentions.js';
import {ENTITY_KINDS, type Entity} from './types.js';
import {NO_PAUSE, runSteps, StepClock, type Steps} from './steps.js';

const MAGIC = 'KHAOLNK3';
/** The layout before the entities left the header: a whole file of it is rebuilt without a warning. */
const PREVIOUS_MAGIC = 'KHAOLNK2';
const FORMAT = 'khao-linked-2';
/** How the header of a PREVIOUS_MAGIC file begins (its format was the first field written). */
const PREVIOUS_HEADER = '{"format":"khao-linked-1",';
/** Magic (8 bytes), header length (u32), CRC-32 of payload and header (u32): sealed-file.ts's lead. */
const LEAD = 16;
/** Entities, and strings, per JSON piece: each piece is parsed and checked in one step of a few ms. */
const ENTITIES_PER_PIECE = 1024;
const STRINGS_PER_PIECE = 4096;
/** Bytes read and checksummed, or written, per step (a few milliseconds). */
const SLICE_BYTES = 2 ** 20;

type Span = [offset: number, length: number];

interface Header {
	format: string;
	key: string;
	/** JSON arrays of entities, in order: [offset, bytes] each. */
	entities: Span[];
	warnings: string[];
	ordinals: Span;
	columns: Record<LinkedColumn, Span>;
	/** JSON arrays of the mentions' strings, in order: [offset, bytes] each. */
	strings: Span[];
	payload: number;
}

/** The cache file of a corpus (its set of source files). `entities-` like the detection caches: one `rm` clears both. */
export function linkedCacheFile(cacheDir: string, articles: readonly Pick<Article, 'path'>[]): string {
	// Each distinct path resolved once (an archive is 60,000 articles of a few files).
	const paths = [...new Set([...new Set(articles.map((a) => a.path))].map((p) => path.resolve(p)))].sort();
	const hash = crypto
		.createHash('sha256')
		.update(`linked\0${paths.join('\0')}`)
		.digest('hex')
		.slice(0, 24);
	return path.join(cacheDir, `entities-linked-${hash}.lnk`);
}

/**
 * What the linked result of these articles with these corrections depends on, hashed; undefined
 * when an article has no file to stamp (stdin, a file gone): such a corpus is not cached.
 */
export function linkedCacheKey(articles: readonly Article[], corrections: EntityCorrections | undefined): string | undefined {
	return runSteps(linkedCacheKeySteps(articles, corrections, NO_PAUSE));
}

function* linkedCacheKeySteps(articles: readonly Article[], corrections: EntityCorrections | undefined, clock: StepClock): Steps<string | undefined> {
	const stats = statFiles(articles);
	const hash = crypto.createHash('sha256');
	hash.update(`${FORMAT}\0${detectionVersion()}\0${JSON.stringify(corrections ?? null)}\0`);
	let lastPath: string | undefined;
	for (const article of articles) {
		const stat = stats.get(article.path);
		if (stat === undefined) return undefined;
		// A file's stamp once, where its articles begin; then each article's id and length.
		if (article.path !== lastPath) hash.update(`\u0001${path.resolve(article.path)}\0${stat.size}\0${stat.stamp}\0`);
		lastPath = article.path;
		hash.update(`${article.id}\0${textLengthOf(article)}\0`);
		if (clock.tick()) yield* clock.pause();
	}
	return hash.digest('hex');
}

/**
 * The payload of an index built from `articles` (its articles are a subsequence: repeated ids are
 * linked once), given piece by piece to `push` (which returns where a piece starts); the header.
 */
function* encodeSteps(
	key: string,
	data: EntityIndexData,
	articles: readonly Pick<Article, 'id'>[],
	push: (bytes: Uint8Array) => number,
	clock: StepClock,
): Steps<Header> {
	const ordinals = new Int32Array(data.articleIds.length);
	let next = 0;
	for (let i = 0; i < ordinals.length; i++) {
		const id = data.articleIds[i];
		while (next < articles.length && articles[next]!.id !== id) next++;
		if (next >= articles.length) throw new Error('linked cache: an indexed article is not in the corpus');
		ordinals[i] = next++;
		if (clock.tick()) yield* clock.pause();
	}
	// A column goes in slices (each a multiple of 8 bytes but the last, so they stay contiguous).
	const column = function* (a: Int32Array): Steps<Span> {
		const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
		let at = push(bytes.subarray(0, SLICE_BYTES));
		for (let from = SLICE_BYTES; from < bytes.byteLength; from += SLICE_BYTES) {
			if (clock.due()) yield* clock.pause();
			push(bytes.subarray(from, from + SLICE_BYTES));
		}
		if (bytes.byteLength === 0) at = push(bytes);
		return [at, a.length];
	};
	const json = function* (items: readonly unknown[], per: number): Steps<Span[]> {
		const spans: Span[] = [];
		for (let from = 0; from < items.length; from += per) {
			const bytes = Buffer.from(JSON.stringify(items.slice(from, from + per)), 'utf8');
			spans.push([push(bytes), bytes.byteLength]);
			if (clock.due()) yield* clock.pause();
		}
		return spans;
	};
	const ordinalsAt = yield* column(ordinals);
	const columns = {} as Header['columns'];
	for (const name of LINKED_COLUMNS) columns[name] = yield* column(data.mentions[name]);
	const entities = yield* json(data.entities, ENTITIES_PER_PIECE);
	const strings = yield* json(data.mentions.strings, STRINGS_PER_PIECE);
	return {format: FORMAT, key, entities, warnings: data.warnings, ordinals: ordinalsAt, columns, strings, payload: 0};
}

/** The file's bytes for an index built from `articles` (its articles are a subsequence: repeated ids are linked once). */
export function encodeLinkedCache(key: string, data: EntityIndexData, articles: readonly Pick<Article, 'id'>[]): Uint8Array[] {
	const pieces: Uint8Array[] = [];
	const payload = new AlignedPieces(pieces);
	const header = runSteps(encodeSteps(key, data, articles, (bytes) => payload.push(bytes), NO_PAUSE));
	return sealFile(MAGIC, {...header, payload: payload.offset}, pieces);
}

/** Why the cache was not used: absent, stale (or another version's) are expected; damaged and unreadable are told. */
export type LinkedMiss = {kind: 'absent' | 'stale'} | {kind: 'damaged' | 'unreadable'; reason: string};

export type LinkedRead = {ok: true; data: EntityIndexData} | ({ok: false} & LinkedMiss);

/** The cached index data of these articles under `key` (linkedCacheKey), or why there is none. Never throws. */
export function readLinkedCache(file: string, key: string, articles: readonly Article[]): LinkedRead {
	return runSteps(readLinkedCacheSteps(file, key, articles, NO_PAUSE));
}

/** Thrown inside the reading steps: the file is damaged (the reason), or cannot be read. */
class Damaged extends Error {}

/** `readLinkedCache` in steps of `clock`'s length: the file is read a slice per step. */
export function* readLinkedCacheSteps(file: string, key: string, articles: readonly Article[], clock: StepClock): Steps<LinkedRead> {
	let fd: number | undefined;
	try {
		// Far more than an index of these articles can take: a few hundred bytes per mention at most.
		let chars = 0;
		for (const article of articles) chars += textLengthOf(article);
		const opened = openFile(file, Math.min(CACHE_BYTES_LIMIT, 64 * 2 ** 20 + 16 * chars));
		if (opened.kind !== 'open') return opened.kind === 'absent' ? {ok: false, kind: 'absent'} : {ok: false, kind: 'unreadable', reason: opened.reason};
		fd = opened.fd;
		const sealed = yield* readSealed(fd, opened.size, key, clock);
		if (sealed === 'stale') return {ok: false, kind: 'stale'};
		return yield* decodeSteps(sealed.header, sealed.payload, key, articles, clock);
	} catch (error) {
		return {ok: false, kind: 'damaged', reason: error instanceof Damaged ? error.message : reasonOf(error)};
	} finally {
		if (fd !== undefined) fs.closeSync(fd);
	}
}

type Opened = {kind: 'open'; fd: number; size: number} | {kind: 'absent'} | {kind: 'unreadable'; reason: string};

/**
 * The cache file opened for reading, as cache-io.ts's readCacheBytes opens one: without blocking
 * (a FIFO), without following a link (a link to /dev/zero would read for ever), a regular file of
 * at most `maxBytes`.
 */
function openFile(file: string, maxBytes: number): Opened {
	let fd: number;
	try {
		fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return {kind: 'absent'};
		const reason = code === 'ELOOP' || code === 'EMLINK' ? 'a symbolic link, not followed' : `cannot open it: ${reasonOf(error)}`;
		return {kind: 'unreadable', reason: new CacheProblem(file, reason).message};
	}
	const stats = fs.fstatSync(fd);
	const problem = !stats.isFile() ? 'not a regular file' : stats.size > maxBytes ? 'too large for this corpus' : undefined;
	if (problem === undefined) return {kind: 'open', fd, size: stats.size};
	fs.closeSync(fd);
	return {kind: 'unreadable', reason: new CacheProblem(file, problem).message};
}

/** `length` bytes at `position` into `into` at `at`; a file that ends early is damaged. */
function readInto(fd: number, into: Uint8Array, at: number, length: number, position: number): void {
	for (let done = 0; done < length;) {
		const n = fs.readSync(fd, into, at + done, length - done, position + done);
		if (n === 0) throw new Damaged('truncated');
		done += n;
	}
}

/** The lead checked, the payload read and checksummed a slice per step, the header parsed (its shape unchecked). */
function* readSealed(fd: number, size: number, key: string, clock: StepClock): Steps<{header: unknown; payload: Uint8Array} | 'stale'> {
	if (size === 0) throw new Damaged('empty');
	const lead = Buffer.alloc(LEAD);
	readInto(fd, lead, 0, Math.min(LEAD, size), 0);
	const magic = lead.toString('latin1', 0, 8);
	if (magic !== MAGIC && magic !== PREVIOUS_MAGIC) throw new Damaged('not a khao linked-entities cache');
	if (size < LEAD) throw new Damaged('truncated');
	const headerLength = lead.readUInt32LE(8);
	const end = size - headerLength;
	if (end < LEAD) throw new Damaged('truncated');
	const headerBytes = Buffer.alloc(headerLength);
	readInto(fd, headerBytes, 0, headerLength, end);
	// Another khao's file, or another corpus's (an upgrade, a changed file), or one of the earlier
	// layout, is told by its header: its payload (71 MB at 60,000 articles) is summed a slice at a
	// time, to tell such a file from a damaged one, but never held whole to be thrown away.
	const wanted = magic === MAGIC && !staleHeader(headerBytes, key);
	// Its own buffer, so that the columns are aligned views of it.
	const payload = new Uint8Array(wanted ? end - LEAD : Math.min(SLICE_BYTES, end - LEAD));
	let crc = 0;
	for (let at = 0; at < end - LEAD; at += SLICE_BYTES) {
		const length = Math.min(SLICE_BYTES, end - LEAD - at);
		const into = wanted ? at : 0;
		readInto(fd, payload, into, length, LEAD + at);
		crc = zlib.crc32(payload.subarray(into, into + length), crc);
		if (clock.due()) yield* clock.pause();
	}
	if (zlib.crc32(headerBytes, crc) !== lead.readUInt32LE(12)) throw new Damaged('bad checksum');
	// The checksum does not cover the magic: an earlier file is told by its header's own format too.
	if (magic === PREVIOUS_MAGIC) {
		if (headerBytes.toString('utf8', 0, PREVIOUS_HEADER.length) === PREVIOUS_HEADER) return 'stale';
		throw new Damaged('not a khao linked-entities cache');
	}
	if (!wanted) return 'stale';
	try {
		return {header: JSON.parse(headerBytes.toString('utf8')) as unknown, payload};
	} catch {
		throw new Damaged('bad header');
	}
}

/** True when a header (not yet checksummed) parses and names another format or key: the file is not this corpus's, whatever else is in it. */
function staleHeader(headerBytes: Buffer, key: string): boolean {
	try {
		const json: unknown = JSON.parse(headerBytes.toString('utf8'));
		return isRecord(json) && (json['format'] !== FORMAT || json['key'] !== key);
	} catch {
		return false;
	}
}

function* decodeSteps(json: unknown, payload: Uint8Array, key: string, articles: readonly Article[], clock: StepClock): Steps<LinkedRead> {
	// Another version's file, or another corpus, or this one before a change: rebuilt without a word.
	if (isRecord(json) && (json['format'] !== FORMAT || json['key'] !== key)) return {ok: false, kind: 'stale'};
	const header = parseHeader(json);
	if (header === undefined) throw new Damaged('bad header');
	if (header.payload !== payload.byteLength) throw new Damaged('bad layout');
	const view = ([offset, length]: Span): Int32Array => {
		if (offset % 8 !== 0 || offset + 4 * length > payload.byteLength) throw new Damaged('bad layout');
		return new Int32Array(payload.buffer, payload.byteOffset + offset, length);
	};
	const ordinals = view(header.ordinals);
	const columns = {} as Record<LinkedColumn, Int32Array>;
	for (const name of LINKED_COLUMNS) columns[name] = view(header.columns[name]);
	const entities: Entity[] = [];
	for (const piece of yield* jsonPieces(payload, header.entities, clock)) {
		if (!piece.every(isEntity)) throw new Damaged('bad entities');
		for (const entity of piece) entities.push(entity);
	}
	const strings: string[] = [];
	for (const piece of yield* jsonPieces(payload, header.strings, clock)) {
		if (!piece.every(isString)) throw new Damaged('bad strings');
		for (const s of piece) strings.push(s);
	}
	// The indexed articles: a subsequence of today's, in order.
	const textLengths = new Int32Array(ordinals.length);
	const articleIds: string[] = [];
	for (let i = 0; i < ordinals.length; i++) {
		const o = ordinals[i]!;
		if (o < 0 || o >= articles.length || (i > 0 && o <= ordinals[i - 1]!)) throw new Damaged('bad articles');
		articleIds.push(articles[o]!.id);
		textLengths[i] = textLengthOf(articles[o]!);
		if (clock.tick()) yield* clock.pause();
	}
	const mentions: LinkedMentions = {...columns, strings};
	if (!(yield* validEntitiesSteps(entities, mentions.entityFirst, clock))) throw new Damaged('bad mentions');
	if (!(yield* validLinkedMentionsSteps(mentions, textLengths, entities.length, clock))) throw new Damaged('bad mentions');
	return {ok: true, data: {articleIds, entities, mentions, warnings: header.warnings}};
}

/** Each JSON piece parsed in a step of its own; a piece that is not an array is damage. */
function* jsonPieces(payload: Uint8Array, spans: readonly Span[], clock: StepClock): Steps<unknown[][]> {
	const pieces: unknown[][] = [];
	for (const [offset, length] of spans) {
		if (offset + length > payload.byteLength) throw new Damaged('bad layout');
		let piece: unknown;
		try {
			piece = JSON.parse(Buffer.from(payload.buffer, payload.byteOffset + offset, length).toString('utf8'));
		} catch {
			throw new Damaged('bad layout');
		}
		if (!Array.isArray(piece)) throw new Damaged('bad layout');
		pieces.push(piece);
		if (clock.due()) yield* clock.pause();
	}
	return pieces;
}

/** Entities well formed, ids unique, counts those of the columns. */
function* validEntitiesSteps(entities: readonly Entity[], entityFirst: Int32Array, clock: StepClock): Steps<boolean> {
	if (entityFirst.length !== entities.length + 1) return false;
	const ids = new Set<string>();
	for (let e = 0; e < entities.length; e++) {
		const entity = entities[e]!;
		if (ids.has(entity.id)) return false;
		ids.add(entity.id);
		if (entity.mentionCount !== entityFirst[e + 1]! - entityFirst[e]! || entity.articleCount > entity.mentionCount) return false;
		if (clock.tick()) yield* clock.pause();
	}
	return true;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isSpans = (v: unknown): v is Span[] => Array.isArray(v) && v.every(isPair);

function isEntity(v: unknown): v is Entity {
	return (
		isRecord(v) &&
		isString(v['id']) &&
		isString(v['name']) &&
		ENTITY_KINDS.includes(v['kind'] as Entity['kind']) &&
		isStrings(v['aliases']) &&
		isCount(v['mentionCount']) &&
		isCount(v['articleCount']) &&
		Object.keys(v).length === 6
	);
}

function parseHeader(json: unknown): Header | undefined {
	if (!isRecord(json) || !isRecord(json['columns'])) return undefined;
	const columns = json['columns'];
	const ok =
		isString(json['format']) &&
		isString(json['key']) &&
		isSpans(json['entities']) &&
		isStrings(json['warnings']) &&
		isPair(json['ordinals']) &&
		LINKED_COLUMNS.every((name) => isPair(columns[name])) &&
		isSpans(json['strings']) &&
		isCount(json['payload']);
	return ok ? (json as unknown as Header) : undefined;
}

/** The linked cache of one corpus: what it held, if it was valid, and how to save a new result. */
export interface LinkedCache {
	/** The cached index data, when the file was there and valid for these articles and corrections. */
	data?: EntityIndexData;
	/** Writes the index built from these articles (a corpus that cannot be cached writes nothing); never throws. */
	save(data: EntityIndexData): Promise<void>;
}

/**
 * Looks up the linked result of `articles` in `cacheDir` (undefined: caching off). A damaged or
 * unreadable file, or one that cannot be written, is said once through `onWarning`.
 */
export function openLinkedCache(
	cacheDir: string | undefined,
	articles: readonly Article[],
	corrections: EntityCorrections | undefined,
	onWarning: (warning: CorpusWarning) => void,
): LinkedCache {
	return runSteps(openLinkedCacheSteps(cacheDir, articles, corrections, onWarning, NO_PAUSE));
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** `openLinkedCache` in steps of `clock`'s length (the reader's UI thread); its `save` encodes and writes in steps too. */
export function* openLinkedCacheSteps(
	cacheDir: string | undefined,
	articles: readonly Article[],
	corrections: EntityCorrections | undefined,
	onWarning: (warning: CorpusWarning) => void,
	clock: StepClock = new StepClock(),
): Steps<LinkedCache> {
	const key = cacheDir === undefined ? undefined : yield* linkedCacheKeySteps(articles, corrections, clock);
	if (cacheDir === undefined || key === undefined) return {save: async () => {}};
	const file = linkedCacheFile(cacheDir, articles);
	const warn = (what: string, why: string): void => onWarning({kind: 'skipped', path: 'entity cache', message: `${what}: ${why} (${file})`});
	const read = yield* readLinkedCacheSteps(file, key, articles, clock);
	if (!read.ok && (read.kind === 'damaged' || read.kind === 'unreadable')) warn(read.kind === 'damaged' ? 'rebuilt' : 'not used', read.reason);
	const stepped = clock !== NO_PAUSE;
	return {
		...(read.ok ? {data: read.data} : {}),
		save: async (data) => {
			let writer: SealedFileWriter | undefined;
			try {
				writer = new SealedFileWriter(MAGIC, file);
				const out = writer;
				const encoding = encodeSteps(key, data, articles, (bytes) => out.push(bytes), stepped ? new StepClock() : NO_PAUSE);
				let step = encoding.next();
				for (; !step.done; step = encoding.next()) await nextTurn();
				await writer.finish({...step.value, payload: writer.payloadBytes});
			} catch (error) {
				await writer?.abort();
				warn('not saved', error instanceof CacheProblem ? error.message : reasonOf(error));
			}
		},
	};
}
