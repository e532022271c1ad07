// `--entities`: the linked entities of the corpus, as a table for people or as JSON for scripts.
// JSON has exactly the documented shape; `text` is the name as written (title left out) and
// `article.text.slice(start, end) === text`.

import type {Article} from '../corpus/types.js';
import type {EntityIndex} from '../entities/entity-index.js';
import type {Entity, EntityKind} from '../entities/types.js';
import {clusterEnd} from '../text/graphemes.js';
import {sanitizeInline} from '../text/sanitize.js';
import {stringWidth} from '../text/width.js';
import {safeJson} from './json.js';

export interface EntitiesJson {
	entities: Array<{
		id: string;
		name: string;
		kind: EntityKind;
		aliases: string[];
		mentions: Array<{article: string; text: string; start: number; end: number; title?: string}>;
	}>;
}

/** The entities as plain data (for `--json` and tests). Only mentions of the given articles are listed. */
export function entitiesData(index: EntityIndex, articles: readonly Article[]): EntitiesJson {
	const wanted = new Set(articles.map((a) => a.id));
	return {entities: index.all().map((e) => entityData(index, e, wanted))};
}

function entityData(index: EntityIndex, e: Entity, wanted: ReadonlySet<string>, from = 0, to = Infinity): EntitiesJson['entities'][number] {
	return {id: e.id, name: e.name, kind: e.kind, aliases: [...e.aliases], mentions: mentionsData(index, e, wanted, from, to)};
}

function mentionsData(index: EntityIndex, e: Entity, wanted: ReadonlySet<string>, from: number, to: number): EntitiesJson['entities'][number]['mentions'] {
	return index
		.mentionsOf(e.id, from, to)
		.filter((m) => wanted.has(m.articleId))
		.map((m) => {
			const out: {article: string; text: string; start: number; end: number; title?: string} = {article: m.articleId, text: m.text, start: m.start, end: m.end};
			if (m.title !== undefined) out.title = m.title;
			return out;
		});
}

/** `--entities --json`. */
export function entitiesJson(index: EntityIndex, articles: readonly Article[]): string {
	return safeJson(entitiesData(index, articles));
}

/** Mentions made into objects and JSON at once by `entitiesJsonPieces`, at most. */
export const MENTIONS_PER_PIECE = 512;

/**
 * `--entities --json` an entity at a time, with the bytes of `safeJson` on the whole (indented two
 * spaces a level), the last piece ending in a newline: a large corpus's output (hundreds of MB)
 * never has to be one string. A big entity (a province: tens of thousands of mentions at 60,000
 * articles) comes a slice of `perPiece` mentions at a time: made all at once, its objects and
 * strings outlived V8's young generation, and printing 60,000 articles took 400 MB of heap.
 */
export function* entitiesJsonPieces(index: EntityIndex, articles: readonly Article[], perPiece = MENTIONS_PER_PIECE): Generator<string> {
	const entities = index.all();
	if (entities.length === 0) {
		yield safeJson({entities: []}) + '\n';
		return;
	}
	const wanted = new Set(articles.map((a) => a.id));
	const indent = (json: string, spaces: string): string => json.replace(/^/gm, spaces);
	yield '{\n  "entities": [\n';
	for (let e = 0; e < entities.length; e++) {
		const entity = entities[e]!;
		const end = e < entities.length - 1 ? ',\n' : '\n  ]\n}\n';
		if (entity.mentionCount <= perPiece) {
			yield indent(safeJson(entityData(index, entity, wanted)), '    ') + end;
			continue;
		}
		// The entity without its mentions ends in `"mentions": []` and its closing brace: cut there.
		const head = indent(safeJson(entityData(index, entity, wanted, 0, 0)), '    ');
		yield head.slice(0, head.lastIndexOf('[]'));
		let first = true;
		for (let from = 0; from < entity.mentionCount; from += perPiece) {
			const part = mentionsData(index, entity, wanted, from, from + perPiece).map((m) => indent(safeJson(m), '        '));
			if (part.length === 0) continue;
			yield (first ? '[\n' : ',\n') + part.join(',\n');
			first = false;
		}
		// No mention of the wanted articles: the empty list as JSON.stringify writes it.
		yield (first ? '[]\n    }' : '\n      ]\n    }') + end;
	}
}

const KIND_LABEL: Record<EntityKind, string> = {person: 'person', organization: 'organization', place: 'place', other: 'other'};

/** `--entities`: one row per entity, most mentioned first, every cell cleaned and cut to the width. */
export function entitiesTable(index: EntityIndex, width: number): string {
	const w = Math.max(10, Math.floor(width));
	const kindWidth = 12;
	const countWidth = 8;
	const fixed = kindWidth + 2 * countWidth + 4 * 2;
	const rest = Math.max(8, w - fixed);
	const nameWidth = w >= 60 ? Math.max(12, Math.floor(rest * 0.4)) : rest;
	const aliasWidth = w >= 60 ? rest - nameWidth : 0;
	const row = (name: string, kind: string, mentions: string, articles: string, aliases: string): string => {
		const cells = [pad(name, nameWidth), pad(kind, kindWidth), padStart(mentions, countWidth), padStart(articles, countWidth)];
		if (aliasWidth > 0) cells.push(fit(aliases, aliasWidth));
		// A very narrow terminal cuts the row itself rather than overflowing.
		return fit(cells.join('  ').trimEnd(), w);
	};
	const lines = [row('name', 'kind', 'mentions', 'articles', 'aliases')];
	for (const e of index.all()) {
		const others = e.aliases.filter((a) => a !== e.name).map((a) => sanitizeInline(a));
		lines.push(row(sanitizeInline(e.name), KIND_LABEL[e.kind], String(e.mentionCount), String(e.articleCount), others.join(' · ')));
	}
	return lines.join('\n');
}

/** The text cut to `width` columns at a grapheme cluster, with … when cut. */
function fit(s: string, width: number): string {
	if (stringWidth(s) <= width) return s;
	let end = 0;
	let used = 0;
	while (end < s.length) {
		const next = clusterEnd(s, end);
		const w = stringWidth(s.slice(end, next));
		if (used + w > width - 1) break;
		used += w;
		end = next;
	}
	return s.slice(0, end) + '…';
}

function pad(text: string, width: number): string {
	const s = fit(text, width);
	return s + ' '.repeat(Math.max(0, width - stringWidth(s)));
}

function padStart(text: string, width: number): string {
	const s = fit(text, width);
	return ' '.repeat(Math.max(0, width - stringWidth(s))) + s;
}
