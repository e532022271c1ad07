// User corrections to entity linking, from an optional `khao.entities.json`:
//
//   {
//     "merge":   [["Emmanuel Macron", "เอมมานูเอล มาครง"]],             // these are one entity
//     "split":   [{"from": "สมชาย", "names": ["สมชาย ใจดี"], "name": "สมชาย ใจดี"}],
//     "rename":  {"person:เอมมานูเอล-มาครง": "เอมมานูเอล มาครง"},        // canonical name shown
//     "aliases": {"เอมมานูเอล มาครง": ["เอมมานูเอล มาคร็อง"]},            // more spellings of one entity
//     "kind":    {"APEC": "organization"},
//     "hide":    ["Cookie Settings"]
//   }
//
// Every key is optional. An entity is referred to by its id or by any name it is seen under
// (compared without case, spaces, hyphens or dots). A malformed file throws
// EntityCorrectionsError naming the file and the place of the problem.

import {decodeBytes} from '../corpus/decode.js';
import {CORRECTIONS_FILE} from '../corpus/discover.js';
import {readBoundedSync} from '../corpus/read-bounded.js';
import {formatSize} from '../corpus/size.js';
import type {CorpusWarning} from '../corpus/types.js';
import {reasonOf} from '../corpus/errors.js';
import {sanitizeInline} from '../text/sanitize.js';
import {ENTITY_KINDS, type EntityKind} from './types.js';

export interface EntityCorrections {
	merge: string[][];
	split: Array<{from: string; names: string[]; name?: string}>;
	rename: Record<string, string>;
	aliases: Record<string, string[]>;
	kind: Record<string, EntityKind>;
	hide: string[];
	/** The file the corrections came from (named in warnings about them). */
	source?: string;
}

export class EntityCorrectionsError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'EntityCorrectionsError';
	}
}

const KEYS = ['merge', 'split', 'rename', 'aliases', 'kind', 'hide'] as const;

export function emptyCorrections(): EntityCorrections {
	return {merge: [], split: [], rename: {}, aliases: {}, kind: {}, hide: []};
}

/** Corrections that matched nothing (EntityIndex.warnings), as warnings about the file they came from. */
export function correctionsWarnings(corrections: EntityCorrections | undefined, messages: readonly string[]): CorpusWarning[] {
	return messages.map((message) => ({kind: 'corrections', path: corrections?.source ?? CORRECTIONS_FILE, message}));
}

/** A corrections file is a few kilobytes; past this it is not one (and is not read into memory). */
export const MAX_CORRECTIONS_BYTES = 16 * 1024 * 1024;

/**
 * Reads and validates a corrections file, with the care given to corpus files: only a regular file
 * is read (a FIFO would block, /dev/zero would never end), its size is bounded, and it is decoded
 * like an article (UTF-8, UTF-16 with BOM, TIS-620). Every problem is an EntityCorrectionsError
 * with one display-safe line.
 */
export function loadEntityCorrections(path: string): EntityCorrections {
	const label = sanitizeInline(path) || '(empty path)';
	const bytes = readCorrectionsBytes(path, label);
	const decoded = decodeBytes(bytes);
	if (decoded.kind !== 'text') throw new EntityCorrectionsError(`${label}: ${decoded.reason}, expected a JSON object`);
	if (decoded.invalidBytes)
		throw new EntityCorrectionsError(`${label}: holds bytes that are not ${decoded.encoding.startsWith('utf-16') ? 'UTF-16' : 'UTF-8 or Thai (TIS-620)'}`);
	return {...parseEntityCorrections(decoded.text, label), source: path};
}

function readCorrectionsBytes(path: string, label: string): Buffer {
	const read = readBoundedSync(path, MAX_CORRECTIONS_BYTES);
	if (read.ok) return read.bytes;
	if (read.problem === 'special') throw new EntityCorrectionsError(`${label}: is a ${read.kind}, not a file: not read`);
	if (read.problem === 'too-large')
		throw new EntityCorrectionsError(`${label}: larger than ${formatSize(MAX_CORRECTIONS_BYTES)}, not read (a corrections file is a few kilobytes)`);
	throw new EntityCorrectionsError(`${label}: cannot be read (${reasonOf(read.error)})`);
}

/** Validates corrections given as JSON text; `label` names the source in error messages. */
export function parseEntityCorrections(source: string, label = 'khao.entities.json'): EntityCorrections {
	let data: unknown;
	try {
		data = JSON.parse(source.replace(/^\uFEFF/, ''));
	} catch (error) {
		throw new EntityCorrectionsError(`${label}: not valid JSON (${sanitizeInline((error as Error).message)})`);
	}
	const fail = (where: string, what: string): never => {
		// Keys and names come from the file: cleaned, so the message is safe to print.
		throw new EntityCorrectionsError(sanitizeInline(`${label}: ${where}: ${what}`));
	};
	if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('top level', 'expected an object with any of the keys ' + KEYS.join(', '));
	const object = data as Record<string, unknown>;
	for (const key of Object.keys(object)) {
		if (!(KEYS as readonly string[]).includes(key)) fail(`"${key}"`, `unknown key (expected ${KEYS.join(', ')})`);
	}
	const out = emptyCorrections();
	const text = (value: unknown, where: string): string => {
		if (typeof value !== 'string' || value.trim() === '') fail(where, 'expected a non-empty string (an entity id or name)');
		return (value as string).trim();
	};
	const list = (value: unknown, where: string, min: number): string[] => {
		if (!Array.isArray(value) || value.length < min)
			fail(where, min === 0 ? 'expected a list of names' : `expected a list of at least ${min} name${min === 1 ? '' : 's'}`);
		return (value as unknown[]).map((v, i) => text(v, `${where}[${i}]`));
	};
	const record = (value: unknown, where: string): Record<string, unknown> => {
		if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'expected an object mapping an entity to a value');
		return value as Record<string, unknown>;
	};
	if (object.merge !== undefined) {
		if (!Array.isArray(object.merge)) fail('"merge"', 'expected a list of lists of names');
		out.merge = (object.merge as unknown[]).map((group, i) => list(group, `"merge"[${i}]`, 2));
	}
	if (object.split !== undefined) {
		if (!Array.isArray(object.split)) fail('"split"', 'expected a list of {"from", "names", "name"?} objects');
		out.split = (object.split as unknown[]).map((item, i) => {
			const where = `"split"[${i}]`;
			const o = record(item, where);
			for (const k of Object.keys(o)) if (!['from', 'names', 'name'].includes(k)) fail(`${where}."${k}"`, 'unknown key (expected from, names, name)');
			const entry: {from: string; names: string[]; name?: string} = {from: text(o.from, `${where}.from`), names: list(o.names, `${where}.names`, 1)};
			if (o.name !== undefined) entry.name = text(o.name, `${where}.name`);
			return entry;
		});
	}
	if (object.rename !== undefined) {
		for (const [ref, name] of Object.entries(record(object.rename, '"rename"'))) out.rename[text(ref, '"rename" key')] = text(name, `"rename"."${ref}"`);
	}
	if (object.aliases !== undefined) {
		for (const [ref, names] of Object.entries(record(object.aliases, '"aliases"'))) out.aliases[text(ref, '"aliases" key')] = list(names, `"aliases"."${ref}"`, 1);
	}
	if (object.kind !== undefined) {
		for (const [ref, kind] of Object.entries(record(object.kind, '"kind"'))) {
			if (typeof kind !== 'string' || !(ENTITY_KINDS as readonly string[]).includes(kind)) fail(`"kind"."${ref}"`, `expected one of ${ENTITY_KINDS.join(', ')}`);
			out.kind[text(ref, '"kind" key')] = kind as EntityKind;
		}
	}
	if (object.hide !== undefined) out.hide = list(object.hide, '"hide"', 0);
	return out;
}
