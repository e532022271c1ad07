// One .jsonl record → one Article. The body string is the article's text; the title (from a field,
// so not in the text) is a synthetic block. Bad lines are collected per file and reported in one
// warning, so a corpus with a few broken records still opens.
import type {Article, Block, CorpusWarning} from './types.js';
import {parseDate} from './date.js';
import {paragraphBlocks, fallbackTitle} from './parse-text.js';
import {OPENING_CHARS, titleFromOpening} from './title.js';
import {trimRange} from './lines.js';
import {sanitizeInline, stripUnsafe} from '../text/sanitize.js';

const TITLE_KEYS = ['title', 'headline'];
const BODY_KEYS = ['body', 'text', 'content'];
const SOURCE_KEYS = ['url', 'source'];
const KNOWN_KEYS = new Set([...TITLE_KEYS, ...BODY_KEYS, ...SOURCE_KEYS, 'date', 'id']);

export type RecordResult = {article: Article} | {bad: string};

function firstString(record: Record<string, unknown>, keys: string[]): string | undefined {
	for (const key of keys) {
		const value = record[key];
		if (typeof value === 'string' && value.trim() !== '') return value;
	}
	return undefined;
}

/** A title made from the body's first paragraph, for records without one. */
function titleFromBody(body: string, blocks: Block[]): string | undefined {
	const span = blocks[0]?.spans[0];
	if (!span || !('start' in span)) return undefined;
	const made = titleFromOpening(body.slice(span.start, Math.min(span.end, span.start + OPENING_CHARS + 1)));
	return made.replace(/…$/, '') === '' ? undefined : made;
}

/**
 * Parses one line (already decoded, without its line break). `seenIds` holds the ids given so far
 * in this file: a repeated record id gets `@line` appended, so that Article ids stay unique.
 */
export function articleFromRecord(line: string, filePath: string, lineNumber: number, seenIds?: Set<string>): RecordResult {
	let record: unknown;
	try {
		record = JSON.parse(line);
	} catch {
		return {bad: 'invalid JSON'};
	}
	if (typeof record !== 'object' || record === null || Array.isArray(record)) return {bad: 'not an object'};
	const fieldsIn = record as Record<string, unknown>;
	const rawBody = firstString(fieldsIn, BODY_KEYS);
	if (rawBody === undefined) return {bad: 'no body (body, text or content)'};
	// What is never displayed (escape sequences with their payloads, controls) leaves the text here,
	// so that it is neither searched nor taken for an entity.
	const body = stripUnsafe(rawBody);
	if (isBlankLine(body)) return {bad: 'body holds only control characters or escape sequences'};

	const id = fieldsIn['id'];
	const idText = (typeof id === 'string' && id !== '') || typeof id === 'number' ? String(id) : String(lineNumber);
	let articleId = `${filePath}#${idText}`;
	if (seenIds) {
		if (seenIds.has(articleId)) articleId = `${articleId}@${lineNumber}`;
		seenIds.add(articleId);
	}

	const bodyBlocks = paragraphBlocks(body);
	const rawTitle = firstString(fieldsIn, TITLE_KEYS);
	const title = rawTitle !== undefined ? sanitizeInline(rawTitle) : undefined;
	const blocks: Block[] = title ? [{kind: 'title', spans: [{synthetic: title}]}, ...bodyBlocks] : bodyBlocks;
	const article: Article = {
		id: articleId,
		path: filePath,
		format: 'jsonl',
		title: title || titleFromBody(body, bodyBlocks) || fallbackTitle(articleId),
		text: body,
		blocks,
	};

	const fields: Record<string, string> = {};
	const rawDate = fieldsIn['date'];
	if (typeof rawDate === 'string' && rawDate.trim() !== '') {
		const date = parseDate(rawDate);
		if (date) article.date = date;
		else fields['date'] = rawDate;
	}
	const source = firstString(fieldsIn, SOURCE_KEYS);
	if (source !== undefined) article.source = sanitizeInline(source);
	for (const [key, value] of Object.entries(fieldsIn)) {
		if (!KNOWN_KEYS.has(key) && typeof value === 'string' && value !== '') fields[key] = value;
	}
	if (Object.keys(fields).length > 0) article.fields = fields;
	// The record's metadata is not in its body: show it under the title as one synthetic line.
	const meta = [
		typeof rawDate === 'string' ? sanitizeInline(rawDate) : '',
		...Object.values(fields)
			.filter((v) => v !== rawDate)
			.map((v) => sanitizeInline(v))
			.filter((v) => v.length <= 80),
		article.source ?? '',
	]
		.filter(Boolean)
		.join(' · ');
	if (meta) blocks.splice(title ? 1 : 0, 0, {kind: 'meta', spans: [{synthetic: meta}]});
	return {article};
}

/** Whether a decoded line holds nothing (blank lines in .jsonl are allowed and ignored). */
export function isBlankLine(line: string): boolean {
	const {start, end} = trimRange(line, 0, line.length);
	return end === start;
}

/** Line numbers grouped by what was wrong, reported as one warning per file. */
export class LineProblems {
	private readonly byReason = new Map<string, number[]>();
	private count = 0;

	add(lineNumber: number, reason: string): void {
		const lines = this.byReason.get(reason);
		if (lines) lines.push(lineNumber);
		else this.byReason.set(reason, [lineNumber]);
		this.count++;
	}

	get size(): number {
		return this.count;
	}

	/** 'lines 3, 17 (+5 more): invalid JSON; line 9: no body', or undefined when all was well. */
	describe(shown = 5): string | undefined {
		if (this.count === 0) return undefined;
		return [...this.byReason]
			.map(([reason, lines]) => {
				const listed = lines.slice(0, shown).join(', ');
				const more = lines.length > shown ? ` (+${lines.length - shown} more)` : '';
				return `${lines.length === 1 ? 'line' : 'lines'} ${listed}${more}: ${reason}`;
			})
			.join('; ');
	}

	/** The file's warning: its path gets `:line` when exactly one line is concerned. */
	warning(kind: CorpusWarning['kind'], filePath: string, suffix = ''): CorpusWarning | undefined {
		const message = this.describe();
		if (!message) return undefined;
		const only = this.count === 1 ? [...this.byReason.values()][0]![0] : undefined;
		return {kind, path: only !== undefined ? `${filePath}:${only}` : filePath, message: message + suffix};
	}
}
