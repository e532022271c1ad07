// Markdown, shown cleanly: front matter read and hidden, headings without their #s, list items
// without their markers, quotes, fenced code, rules, and inline markup left out of the spans.
// Blocks never hold a line break: a paragraph's lines are joined by a synthetic space, and fenced
// code becomes one 'code' block per line (consecutive, so layout can keep them together). List
// items keep their depth and (ordered) their number; a pipe table becomes one 'table' block with
// its cells. Front-matter date and source, which the text does not show, become a 'meta' line.
import type {Article, Block, Span} from './types.js';
import {lineRanges} from './lines.js';
import {inlineSpans, normalizeLabel} from './markdown-inline.js';
import {recogniseMetadata, type Metadata} from './metadata.js';
import {parseDate} from './date.js';
import {chooseTitle, visibleText} from './parse-text.js';
import {sanitizeInline} from '../text/sanitize.js';

interface FrontMatter {
	/** Where the body begins (after the closing `---`). */
	bodyStart: number;
	values: Map<string, string>;
}

/** `---` … `---` (or `...`) at the very start: simple `key: value` lines, quotes removed. */
export function readFrontMatter(text: string): FrontMatter | undefined {
	const open = /^---[ \t]*(?:\r\n|\r|\n)/.exec(text);
	if (!open) return undefined;
	const values = new Map<string, string>();
	for (const line of lineRanges(text, open[0].length)) {
		const raw = text.slice(line.start, line.end);
		if (/^(?:---|\.\.\.)[ \t]*$/.test(raw)) {
			const after = /^(?:\r\n|\r|\n)/.exec(text.slice(line.end, line.end + 2));
			return {bodyStart: line.end + (after?.[0].length ?? 0), values};
		}
		// Only the key is matched by a regex; the value is trimmed by hand, because `(.*?)[ \t]*$`
		// backtracks quadratically over a long run of spaces and tabs inside the value.
		const key = FRONT_MATTER_KEY.exec(raw);
		if (key && !values.has(key[1]!.toLowerCase())) {
			const valueEnd = trimSpacesAndTabs(raw, key[0].length, raw.length);
			values.set(key[1]!.toLowerCase(), unquote(raw.slice(skipIndent(raw, key[0].length, valueEnd), valueEnd)));
		}
	}
	return undefined; // never closed: not front matter after all
}

const FRONT_MATTER_KEY = /^([A-Za-z_][\w-]*)[ \t]*:/;

/** End of `text[start, end)` without trailing spaces and tabs. */
function trimSpacesAndTabs(text: string, start: number, end: number): number {
	while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
	return end;
}

function unquote(value: string): string {
	const quoted = /^(["'])(.*)\1$/.exec(value);
	return quoted ? quoted[2]! : value;
}

const FENCE = /^( {0,3})(`{3,}|~{3,})([^`]*)$/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^([ \t]*)([-+*]|\d{1,9}[.)])(?:[ \t]+|$)/;
const QUOTE_MARKERS = /^(?: {0,3}>[ \t]?)+/;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*\S+/;
const REFERENCE_PARTS = /^ {0,3}\[([^\]]{1,999})\]:[ \t]*<?([^\s<>]{1,2048})/;
/** Definitions kept at most: a file of a million of them is no reason to hold them all. */
const MAX_REFERENCES = 10_000;

/** `[label]: url` lines (the first definition of a label wins), for reference links. */
function referenceDefinitions(text: string, from: number): Map<string, string> {
	const references = new Map<string, string>();
	if (!text.includes(']:', from)) return references;
	for (const {start, end} of lineRanges(text, from)) {
		if (text.charCodeAt(skipIndent(text, start, end)) !== 0x5b) continue;
		const match = REFERENCE_PARTS.exec(text.slice(start, Math.min(end, start + 4096)));
		if (!match) continue;
		const label = normalizeLabel(match[1]!);
		if (!references.has(label)) references.set(label, sanitizeInline(match[2]!));
		if (references.size >= MAX_REFERENCES) break;
	}
	return references;
}
const TABLE_DELIMITER_CELL = /^:?-{2,}:?$/;
const QUOTED_MARKER = /^(?:#{1,6}[ \t]+|[-+*][ \t]+|\d{1,9}[.)][ \t]+)/;

/**
 * A table's delimiter row (`| --- | :-: |`): at least two cells of dashes (with optional colons)
 * between pipes. Checked cell by cell: the one-regex form backtracked quadratically over runs of
 * spaces and tabs.
 */
function isTableDelimiterRow(line: string): boolean {
	if (!line.includes('|') || !line.includes('--')) return false;
	let start = skipIndent(line, 0, line.length);
	let end = trimSpacesAndTabs(line, start, line.length);
	if (line[start] === '|') start++;
	if (end > start && line[end - 1] === '|') end--;
	const cells = line.slice(start, end).split('|');
	return cells.length >= 2 && cells.every((cell) => TABLE_DELIMITER_CELL.test(cell.trim()));
}

/**
 * Where a heading's content ends without its closing run of #s (`## Title ##`): the run must be
 * preceded by a space or tab. A scan from the end, since `/[ \t]+#+$/` is quadratic over spaces.
 */
function withoutClosingHashes(text: string, start: number, end: number): number {
	let at = end;
	while (at > start && text[at - 1] === '#') at--;
	if (at === end || at === start || (text[at - 1] !== ' ' && text[at - 1] !== '\t')) return end;
	return trimSpacesAndTabs(text, start, at);
}

/** Start of `text[start, end)` after leading spaces and tabs. */
function skipIndent(text: string, start: number, end: number): number {
	while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
	return start;
}

function trimEnd(text: string, start: number, end: number): number {
	while (end > start && /\s/.test(text[end - 1]!)) end--;
	return end;
}

/**
 * More columns than this and pipe rows stay paragraphs: no screen shows them as a table, and every
 * row is padded to the header's width (a 100,000-column header would make rows of that many cells).
 */
const MAX_COLUMNS = 64;

/** Columns of a run of spaces and tabs (a tab to the next multiple of 4, as CommonMark counts). */
function indentColumns(indent: string): number {
	let column = 0;
	for (const c of indent) column = c === '\t' ? column + 4 - (column % 4) : column + 1;
	return column;
}

/** A level of the lists open at a line: where its items' content starts, and the next number. */
interface ListLevel {
	content: number;
	ordered: boolean;
	next: number;
}

/** Where the cells of a table row lie: split at pipes that are not escaped, outer pipes dropped. */
function tableCells(text: string, start: number, end: number): Array<[number, number]> {
	let from = skipIndent(text, start, end);
	let to = trimSpacesAndTabs(text, from, end);
	if (text[from] === '|') from++;
	if (to > from && text[to - 1] === '|' && text[to - 2] !== '\\') to--;
	const cells: Array<[number, number]> = [];
	let cell = from;
	for (let i = from; i < to; i++) {
		if (text[i] === '\\') i++;
		else if (text[i] === '|') {
			cells.push([cell, i]);
			cell = i + 1;
		}
	}
	cells.push([cell, to]);
	return cells.map(([a, b]) => [skipIndent(text, a, b), trimSpacesAndTabs(text, a, b)]);
}

/** Column alignment from a delimiter row (`:--`, `:-:`, `--:`). */
function alignments(text: string, start: number, end: number): Array<'left' | 'center' | 'right'> {
	return tableCells(text, start, end).map(([a, b]) => {
		const left = text[a] === ':';
		const right = text[b - 1] === ':';
		return left && right ? 'center' : right ? 'right' : 'left';
	});
}

/** Markdown body → blocks. */
export function markdownBlocks(text: string, from = 0): Block[] {
	const blocks: Block[] = [];
	// The block that a following plain line continues (paragraph, item or quote), if any.
	let open: Block | undefined;
	// The line a paragraph was started from, while it is one line (a table's header row).
	let openLine: {start: number; end: number} | undefined;
	// The table whose rows the next lines with a pipe add to.
	let table: Block | undefined;
	// The lists open at this line, outermost first.
	let lists: ListLevel[] = [];
	let fence: {char: string; length: number} | undefined;
	let inComment = false;

	const append = (block: Block, spans: Span[]) => {
		if (spans.length === 0) return;
		if (block.spans.length > 0) block.spans.push({synthetic: ' '});
		block.spans.push(...spans);
	};
	const startBlock = (kind: Block['kind'], spans: Span[]): Block | undefined => {
		if (spans.length === 0 && kind !== 'rule' && kind !== 'code') return undefined;
		const block: Block = {kind, spans};
		blocks.push(block);
		return block;
	};
	const references = referenceDefinitions(text, from);
	const inline = (start: number, end: number, urls = true) => inlineSpans(text, start, trimEnd(text, start, end), {urls, references});
	const row = (start: number, end: number, columns: number): Span[][] => {
		const cells = tableCells(text, start, end).map(([a, b]) => inline(a, b));
		while (cells.length < columns) cells.push([]);
		return cells.slice(0, columns);
	};

	for (const {start, end} of lineRanges(text, from)) {
		const line = text.slice(start, end);
		if (fence) {
			const close = FENCE.exec(line);
			if (close && close[2]![0] === fence.char && close[2]!.length >= fence.length && close[3]!.trim() === '') {
				fence = undefined;
			} else {
				// A line of only spaces is an empty code line: no empty span.
				const codeEnd = trimEnd(text, start, end);
				startBlock('code', codeEnd > start ? [{start, end: codeEnd}] : []);
			}
			continue;
		}
		if (inComment) {
			if (line.includes('-->')) inComment = false;
			continue;
		}
		if (table) {
			if (line.trim() !== '' && line.includes('|')) {
				const cells = row(start, end, table.table!.align.length);
				table.table!.rows.push(cells);
				for (const cell of cells) if (cell.length > 0) table.spans.push({synthetic: ' '}, ...cell);
				continue;
			}
			table = undefined;
		}
		if (line.trim() === '') {
			open = undefined;
			continue;
		}
		const fenceOpen = FENCE.exec(line);
		if (fenceOpen) {
			fence = {char: fenceOpen[2]![0]!, length: fenceOpen[2]!.length};
			open = undefined;
			continue;
		}
		if (/^ {0,3}<!--/.test(line) && !line.includes('-->')) {
			inComment = true;
			open = undefined;
			continue;
		}
		const heading = ATX_HEADING.exec(line);
		if (heading) {
			// A closing run of #s (`## Title ##`) is markup too.
			const contentStart = start + heading[0].length;
			const contentEnd = withoutClosingHashes(text, contentStart, trimEnd(text, start, end));
			startBlock('heading', inline(contentStart, contentEnd, false));
			open = undefined;
			lists = [];
			continue;
		}
		if (open?.kind === 'para' && SETEXT_UNDERLINE.test(line)) {
			open.kind = 'heading';
			open = undefined;
			continue;
		}
		if (RULE.test(line)) {
			startBlock('rule', []);
			open = undefined;
			lists = [];
			continue;
		}
		if (isTableDelimiterRow(line) && open?.kind === 'para' && openLine && text.slice(openLine.start, openLine.end).includes('|')) {
			// The paragraph's one line was the header row.
			const align = alignments(text, start, end);
			const header = row(openLine.start, openLine.end, align.length);
			if (tableCells(text, openLine.start, openLine.end).length === align.length && align.length <= MAX_COLUMNS) {
				open.kind = 'table';
				open.table = {rows: [header], align};
				open.spans = header.flatMap((cell, i) => (i > 0 && cell.length > 0 ? [{synthetic: ' '}, ...cell] : cell));
				table = open;
				open = openLine = undefined;
				lists = [];
				continue;
			}
		}
		if (REFERENCE_DEFINITION.test(line) || isTableDelimiterRow(line)) {
			open = undefined;
			continue;
		}
		const quote = QUOTE_MARKERS.exec(line);
		if (quote) {
			let contentStart = start + quote[0].length;
			const marker = QUOTED_MARKER.exec(text.slice(contentStart, end));
			if (marker) contentStart += marker[0].length;
			const spans = inline(skipIndent(text, contentStart, end), end);
			if (contentStart >= trimEnd(text, start, end)) open = undefined;
			else if (open?.kind === 'quote' && !marker) append(open, spans);
			else open = startBlock('quote', spans);
			continue;
		}
		const item = LIST_ITEM.exec(line);
		if (item) {
			// Nested when indented to the content of the item above; numbered on from the item
			// before at the same level (`1.` `1.` `1.` reads 1, 2, 3, as Markdown renders it).
			const indent = indentColumns(item[1]!);
			let previous: ListLevel | undefined;
			while (lists.length > 0 && indent < lists[lists.length - 1]!.content) previous = lists.pop();
			const ordered = /\d/.test(item[2]!);
			const number = ordered ? (previous?.ordered ? previous.next : Number(item[2]!.slice(0, -1))) : 0;
			lists.push({content: indent + item[2]!.length + 1, ordered, next: number + 1});
			open = startBlock('item', inline(start + item[0].length, end));
			if (open) {
				open.depth = lists.length - 1;
				if (ordered) open.marker = `${number}${item[2]!.slice(-1)}`;
			}
			continue;
		}
		const spans = inline(skipIndent(text, start, end), end);
		if (open) {
			append(open, spans);
			openLine = undefined;
		} else {
			// A paragraph indented into a list item stays in the list (for the numbering after it).
			if (lists.length === 0 || indentColumns(line.slice(0, skipIndent(line, 0, line.length))) < lists[0]!.content) lists = [];
			open = startBlock('para', spans);
			openLine = {start, end};
		}
	}
	return blocks;
}

export function parseMarkdown(text: string, filePath: string): Article {
	const front = readFrontMatter(text);
	const blocks = markdownBlocks(text, front?.bodyStart ?? 0);
	const values = front?.values ?? new Map<string, string>();

	const known: Metadata = {};
	const rawDate = values.get('date');
	const date = rawDate ? parseDate(rawDate) : undefined;
	if (date) known.date = date;
	const rawSource = values.get('source') ?? values.get('url') ?? values.get('link');
	if (rawSource) known.source = sanitizeInline(rawSource);
	const metadata = recogniseMetadata(text, blocks, known);

	let title: string;
	const frontTitle = sanitizeInline(values.get('title') ?? '');
	const first = blocks[0];
	if (frontTitle !== '') {
		title = frontTitle;
		if (first?.kind === 'heading' && sanitizeInline(visibleText(text, first)) === frontTitle) first.kind = 'title';
		else blocks.unshift({kind: 'title', spans: [{synthetic: frontTitle}]});
	} else if (first?.kind === 'heading' && sanitizeInline(visibleText(text, first)) !== '') {
		// (A heading that shows nothing, such as a lone escape sequence underlined, is no title.)
		first.kind = 'title';
		title = sanitizeInline(visibleText(text, first));
	} else {
		title = chooseTitle(text, blocks, filePath);
	}

	const article: Article = {id: filePath, path: filePath, format: 'md', title, text, blocks};
	if (metadata.date) article.date = metadata.date;
	if (metadata.source) article.source = metadata.source;
	const fields: Record<string, string> = {};
	for (const [key, value] of values) {
		if (!['title', 'date', 'source', 'url', 'link'].includes(key) && value !== '') fields[key] = value;
	}
	if (rawDate && !date) fields['date'] = rawDate;
	if (Object.keys(fields).length > 0) article.fields = fields;
	// The front matter is not shown: its date and source go under the title as one synthetic line.
	const meta = [date?.text ?? '', known.source ?? ''].filter(Boolean).join(' · ');
	if (meta !== '') {
		const at = blocks.findIndex((block) => block.kind === 'title') + 1;
		blocks.splice(at, 0, {kind: 'meta', spans: [{synthetic: meta}]});
	}
	return article;
}
