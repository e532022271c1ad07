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
// Layout (sealed-file.ts): magic "KHAOLNK2", header length (u32), CRC-32 of payload and header
// (u32), the payload (8-aligned pieces: the articles' corpus ordinals, the columns, the string
// table as JSON), then the JSON header. After the CRC, every number is checked against the articles
// (validLinkedMentions) before anything reads it: a stale, truncated, corrupt, forged or foreign
// file is rebuilt, never trusted.
import crypto from 'node:crypto';
import path from 'node:path';
import {textLengthOf} from '../corpus/article-store.js';
import {reasonOf} from '../corpus/errors.js';
import type {Article, CorpusWarning} from '../corpus/types.js';
import {AlignedPieces} from '../search/cache-format.js';
import {OLD_LAYOUT, isCount, isPair, isRecord, openSealed, sealFile} from './sealed-file.js';
import {CacheProblem, readCacheBytes, writeAtomicAsync} from '../search/cache-io.js';
import {statFiles} from '../search/cache.js';
import type {EntityCorrections} from './corrections.js';
import {detectionVersion} from './detection-version.js';
import type {EntityIndexData} from './entity-index.js';
import {LINKED_COLUMNS, type LinkedColumn, type LinkedMentions, validLinkedMentions} from './linked-mentions.js';
import {ENTITY_KINDS, type Entity} from './types.js';

const MAGIC = 'KHAOLNK2';
/** The layout before the header moved to the end (sealed-file.ts): rebuilt without a warning. */
const PREVIOUS_MAGIC = 'KHAOLNK1';
const FORMAT = 'khao-linked-1';

interface Header {
	format: string;
	key: string;
	entities: Entity[];
	warnings: string[];
	ordinals: [offset: number, length: number];
	columns: Record<LinkedColumn, [offset: number, length: number]>;
	strings: [offset: number, bytes: number];
	payload: number;
}

/** The cache file of a corpus (its set of source files). `entities-` like the detection caches: one `rm` clears both. */
export function linkedCacheFile(cacheDir: string, articles: readonly Pick<Article, 'path'>[]): string {
	const paths = [...new Set(articles.map((a) => path.resolve(a.path)))].sort();
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
	}
	return hash.digest('hex');
}

/** The file's bytes for an index built from `articles` (its articles are a subsequence: repeated ids are linked once). */
export function encodeLinkedCache(key: string, data: EntityIndexData, articles: readonly Pick<Article, 'id'>[]): Uint8Array[] {
	const ordinals = new Int32Array(data.articleIds.length);
	let next = 0;
	data.articleIds.forEach((id, i) => {
		while (next < articles.length && articles[next]!.id !== id) next++;
		if (next >= articles.length) throw new Error('linked cache: an indexed article is not in the corpus');
		ordinals[i] = next++;
	});
	const pieces: Uint8Array[] = [];
	const payload = new AlignedPieces(pieces);
	const bytesOf = (a: Int32Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
	const ordinalsAt: [number, number] = [payload.push(bytesOf(ordinals)), ordinals.length];
	const columns = {} as Header['columns'];
	for (const name of LINKED_COLUMNS) columns[name] = [payload.push(bytesOf(data.mentions[name])), data.mentions[name].length];
	const stringBytes = Buffer.from(JSON.stringify(data.mentions.strings), 'utf8');
	const strings: [number, number] = [payload.push(stringBytes), stringBytes.byteLength];
	const header: Header = {format: FORMAT, key, entities: data.entities, warnings: data.warnings, ordinals: ordinalsAt, columns, strings, payload: payload.offset};
	return sealFile(MAGIC, header, pieces);
}

/** Why the cache was not used: absent, stale (or another version's) are expected; damaged and unreadable are told. */
export type LinkedMiss = {kind: 'absent' | 'stale'} | {kind: 'damaged' | 'unreadable'; reason: string};

/** The cached index data of these articles under `key` (linkedCacheKey), or why there is none. Never throws. */
export function readLinkedCache(file: string, key: string, articles: readonly Article[]): {ok: true; data: EntityIndexData} | ({ok: false} & LinkedMiss) {
	let bytes: Buffer | undefined;
	try {
		// Far more than an index of these articles can take: a few hundred bytes per mention at most.
		let chars = 0;
		for (const article of articles) chars += textLengthOf(article);
		bytes = readCacheBytes(file, 64 * 2 ** 20 + 16 * chars);
	} catch (error) {
		return {ok: false, kind: 'unreadable', reason: error instanceof CacheProblem ? error.message : reasonOf(error)};
	}
	if (bytes === undefined) return {ok: false, kind: 'absent'};
	try {
		return decode(bytes, key, articles);
	} catch (error) {
		return {ok: false, kind: 'damaged', reason: reasonOf(error)};
	}
}

function decode(bytes: Buffer, key: string, articles: readonly Article[]): {ok: true; data: EntityIndexData} | ({ok: false} & LinkedMiss) {
	const damaged = (reason: string) => ({ok: false as const, kind: 'damaged' as const, reason});
	const sealed = openSealed(bytes, MAGIC, 'linked-entities cache', PREVIOUS_MAGIC);
	if (sealed === OLD_LAYOUT) return {ok: false, kind: 'stale'};
	if (typeof sealed === 'string') return damaged(sealed);
	const header = parseHeader(sealed.header);
	if (header === undefined) return damaged('bad header');
	// Another version's file, or another corpus, or this one before a change: rebuilt without a word.
	if (header.format !== FORMAT || header.key !== key) return {ok: false, kind: 'stale'};
	const payload = sealed.payload;
	if (header.payload !== payload.byteLength) return damaged('bad layout');
	const view = ([offset, length]: [number, number]): Int32Array | undefined =>
		offset % 8 === 0 && offset + 4 * length <= payload.byteLength ? new Int32Array(payload.buffer, payload.byteOffset + offset, length) : undefined;
	const ordinals = view(header.ordinals);
	if (ordinals === undefined) return damaged('bad layout');
	const columns = {} as Record<LinkedColumn, Int32Array>;
	for (const name of LINKED_COLUMNS) {
		const column = view(header.columns[name]);
		if (column === undefined) return damaged('bad layout');
		columns[name] = column;
	}
	const [offset, length] = header.strings;
	if (offset + length > payload.byteLength) return damaged('bad layout');
	const strings: unknown = JSON.parse(Buffer.from(payload.buffer, payload.byteOffset + offset, length).toString('utf8'));
	if (!Array.isArray(strings) || !strings.every((s) => typeof s === 'string')) return damaged('bad strings');
	// The indexed articles: a subsequence of today's, in order.
	const textLengths = new Int32Array(ordinals.length);
	const articleIds: string[] = [];
	for (let i = 0; i < ordinals.length; i++) {
		const o = ordinals[i]!;
		if (o < 0 || o >= articles.length || (i > 0 && o <= ordinals[i - 1]!)) return damaged('bad articles');
		articleIds.push(articles[o]!.id);
		textLengths[i] = textLengthOf(articles[o]!);
	}
	const mentions: LinkedMentions = {...columns, strings: strings as string[]};
	if (!validEntities(header.entities, mentions.entityFirst) || !validLinkedMentions(mentions, textLengths, header.entities.length)) return damaged('bad mentions');
	return {ok: true, data: {articleIds, entities: header.entities, mentions, warnings: header.warnings}};
}

/** Entities well formed, ids unique, counts those of the columns. */
function validEntities(entities: readonly Entity[], entityFirst: Int32Array): boolean {
	if (entityFirst.length !== entities.length + 1) return false;
	const ids = new Set<string>();
	for (let e = 0; e < entities.length; e++) {
		const entity = entities[e]!;
		if (ids.has(entity.id)) return false;
		ids.add(entity.id);
		if (entity.mentionCount !== entityFirst[e + 1]! - entityFirst[e]! || entity.articleCount > entity.mentionCount) return false;
	}
	return true;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

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
		Array.isArray(json['entities']) &&
		json['entities'].every(isEntity) &&
		isStrings(json['warnings']) &&
		isPair(json['ordinals']) &&
		LINKED_COLUMNS.every((name) => isPair(columns[name])) &&
		isPair(json['strings']) &&
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
	const key = cacheDir === undefined ? undefined : linkedCacheKey(articles, corrections);
	if (cacheDir === undefined || key === undefined) return {save: async () => {}};
	const file = linkedCacheFile(cacheDir, articles);
	const warn = (what: string, why: string): void => onWarning({kind: 'skipped', path: 'entity cache', message: `${what}: ${why} (${file})`});
	const read = readLinkedCache(file, key, articles);
	if (!read.ok && (read.kind === 'damaged' || read.kind === 'unreadable')) warn(read.kind === 'damaged' ? 'rebuilt' : 'not used', read.reason);
	return {
		...(read.ok ? {data: read.data} : {}),
		save: async (data) => {
			try {
				await writeAtomicAsync(file, encodeLinkedCache(key, data, articles));
			} catch (error) {
				warn('not saved', error instanceof CacheProblem ? error.message : reasonOf(error));
			}
		},
	};
}
