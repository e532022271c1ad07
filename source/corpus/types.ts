// The contract every part of khao builds on. Offsets are UTF-16 indices into `Article.text`,
// which is the decoded text as read, less its BOM and less what can never be displayed (escape
// sequences with their payloads, C0/C1 controls but tab and line breaks, format characters); for
// a .jsonl record it is the body string, cleaned the same way. So what is searched and what
// entities are found in is what is shown. Display cleaning (tabs, CR, marks) happens in layout.

export type ArticleFormat = 'txt' | 'md' | 'jsonl' | 'stdin';

export interface ArticleDate {
	/** Gregorian year (Buddhist-era years converted), month 1-12, day 1-31. */
	year: number;
	month: number;
	day: number;
	/** yyyy-mm-dd, for sorting and JSON. */
	iso: string;
	/** The date as it stands in the source, cleaned for display. */
	text: string;
}

/** How a run of the article is shown: layout styles each kind. */
export type BlockKind = 'title' | 'meta' | 'heading' | 'para' | 'quote' | 'item' | 'code' | 'rule' | 'table';

/**
 * A displayed piece of an article. Its visible content is the concatenation of its spans: each
 * span either points into `Article.text` or is synthetic text (a bullet, a title from a JSON
 * field) with no offsets. Markup (Markdown `**`, `#`, link targets) is simply left out of the spans.
 */
export type Span = ({start: number; end: number} | {synthetic: string}) & SpanMarks;

/** Inline styles, as bits of `SpanMarks.style` (Markdown emphasis, code and links). */
export const STYLE = {bold: 1, italic: 2, code: 4, strike: 8, link: 16, url: 32} as const;

export interface SpanMarks {
	/** STYLE bits; absent for plain text. */
	style?: number;
	/** A link's target (as written, cleaned), on the spans of its text: for hyperlinks. */
	href?: string;
}

export interface Block {
	kind: BlockKind;
	spans: Span[];
	/** A list item's nesting (0 for a top-level item). */
	depth?: number;
	/** An ordered list item's number with its delimiter (`3.`, `3)`); a bullet when absent. */
	marker?: string;
	/** A table: its rows of cells (each cell's spans; the first row the header) and column alignment. */
	table?: {rows: Span[][][]; align: Array<'left' | 'center' | 'right'>};
}

export interface Article {
	/** Path as given or found under PATH; for .jsonl `file#id` (the record's id, else its line number). */
	id: string;
	/** The file it came from ('-' for stdin). */
	path: string;
	format: ArticleFormat;
	title: string;
	date?: ArticleDate;
	/** A source line (ที่มา:, Source:) or URL recognised as metadata. */
	source?: string;
	/** Extra fields from .jsonl (category, …), for display as metadata. */
	fields?: Record<string, string>;
	text: string;
	blocks: Block[];
}

/** 'corrections': a correction in the corrections file that matched nothing. */
export type WarningKind = 'binary' | 'empty' | 'invalid-bytes' | 'bad-line' | 'unreadable' | 'skipped' | 'corrections';

export interface CorpusWarning {
	kind: WarningKind;
	/** The file (and `:line` for bad .jsonl lines). Untrusted: clean before display. */
	path: string;
	message: string;
}
