// `--entities`: the linked entities of the corpus, as a table for people or as JSON for scripts.
// JSON has exactly the documented shape; `text` is the name as written (title left out) and
// `article.text.slice(start, end) === text`.

import type {Article} from '../corpus/types.js';
import type {EntityIndex} from '../entities/entity-index.js';
import type {Entity, EntityKind} from '../entities/types.js';
import {clusterEnd} from '../text/graphemes.js';
import {sanitizeInline} from '../text/sanitize.js';
import {stringWidth} from '../text/width.js';
import {NONE} from '../entities/linked-mentions.js';
import {jsonString, safeJson} from './json.js';

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

function entityData(index: EntityIndex, e: Entity, wanted: ReadonlySet<string>): EntitiesJson['entities'][number] {
	return {
		id: e.id,
		name: e.name,
		kind: e.kind,
		aliases: [...e.aliases],
		mentions: index
			.mentionsOf(e.id)
			.filter((m) => wanted.has(m.articleId))
			.map((m) => {
				const out: {article: string; text: string; start: number; end: number; title?: string} = {article: m.articleId, text: m.text, start: m.start, end: m.end};
				if (m.title !== undefined) out.title = m.title;
				return out;
			}),
	};
}

/** `--entities --json`. */
export function entitiesJson(index: EntityIndex, articles: readonly Article[]): string {
	return safeJson(entitiesData(index, articles));
}

/** Output is handed over in pieces of about this many characters: few writes, none of them huge. */
const PIECE_CHARS = 1 << 20;

/**
 * `--entities --json` in pieces of about `pieceChars` (a megabyte), with the bytes of `safeJson` on the whole
 * (indented two spaces a level), the last piece ending in a newline: a large corpus's output
 * (hundreds of MB) never has to be one string. Written by hand from the index's mention columns:
 * no object per mention, and each article id and mention string escaped once, not once per use
 * (two million mentions of 60,000 articles share a few hundred thousand strings).
 */
export function* entitiesJsonPieces(index: EntityIndex, articles: readonly Article[], pieceChars = PIECE_CHARS): Generator<string> {
	const entities = index.all();
	if (entities.length === 0) {
		yield safeJson({entities: []}) + '\n';
		return;
	}
	const wanted = new Set(articles.map((a) => a.id));
	const m = index.data.mentions;
	// An article's id as JSON, or undefined for an article not asked for (its mentions are left out).
	const articleJson = index.data.articleIds.map((id) => (wanted.has(id) ? jsonString(id) : undefined));
	const stringJson: Array<string | undefined> = [];
	const str = (i: number): string => (stringJson[i] ??= jsonString(m.strings[i]!));
	// Which mentions are an entity's: as `mentionsOf` finds them (by id; the last of a repeated id).
	const order = new Map<string, number>();
	entities.forEach((e, i) => order.set(e.id, i));
	let out = '{\n  "entities": [\n';
	for (let e = 0; e < entities.length; e++) {
		const entity = entities[e]!;
		out += `    {\n      "id": ${jsonString(entity.id)},\n      "name": ${jsonString(entity.name)},\n      "kind": ${jsonString(entity.kind)},\n      "aliases": `;
		out += entity.aliases.length === 0 ? '[]' : `[\n${entity.aliases.map((a) => `        ${jsonString(a)}`).join(',\n')}\n      ]`;
		out += ',\n      "mentions": ';
		const i = order.get(entity.id)!;
		let listed = 0;
		for (let k = m.entityFirst[i]!; k < m.entityFirst[i + 1]!; k++) {
			const g = m.byEntity[k]!;
			const article = articleJson[m.article[g]!];
			if (article === undefined) continue;
			out += listed++ === 0 ? '[\n' : ',\n';
			out += `        {\n          "article": ${article},\n          "text": ${str(m.text[g]!)},\n          "start": ${m.start[g]!},\n          "end": ${m.end[g]!}`;
			const title = m.title[g]!;
			if (title !== NONE) out += `,\n          "title": ${str(title)}`;
			out += '\n        }';
			if (out.length >= pieceChars) {
				yield out;
				out = '';
			}
		}
		out += listed === 0 ? '[]' : '\n      ]';
		out += e < entities.length - 1 ? '\n    },\n' : '\n    }\n  ]\n}\n';
		if (out.length >= pieceChars) {
			yield out;
			out = '';
		}
	}
	if (out !== '') yield out;
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
