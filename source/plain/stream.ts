// The plain listings (--print, --list) written while the corpus is still being read: each article
// is formatted as soon as it is in, so the first line is out long before a big corpus is read, and
// output that nobody reads any more (`| head`) stops the reading at once. The bytes are exactly
// those of formatting the whole corpus at the end.
import type {Article, CorpusWarning} from '../corpus/types.js';
import type {CorpusLoad} from '../corpus/load.js';
import {safeJson} from './json.js';

/** How a listing is written: what comes first, then each article (with its separator). */
export interface ArticleStream {
	/** Written before the first article (never when there is none). */
	head: string;
	item(article: Article, index: number): string;
	/** Written after the last article (before the final line break). */
	tail?: string;
}

/**
 * Articles as the elements of a JSON array, formatted as `safeJson` formats the whole array:
 * the array stands alone, or (with `before`) as the last member of an object, after `before`.
 */
export function jsonArrayStream(before: string, record: (article: Article) => unknown): ArticleStream {
	const nested = before !== '';
	const indent = nested ? '    ' : '  ';
	return {
		head: nested ? `{\n${before}[\n` : '[\n',
		item: (article, index) => (index > 0 ? ',\n' : '') + indent + safeJson(record(article)).replaceAll('\n', '\n' + indent),
		tail: nested ? '\n  ]\n}' : '\n]',
	};
}

/** A listing of articles already in memory, whole (without the final line break the CLI adds). */
export function formatArticles(format: ArticleStream, articles: readonly Article[]): string {
	if (articles.length === 0) return '';
	return format.head + articles.map((article, index) => format.item(article, index)).join('') + (format.tail ?? '');
}

/** Writes a piece of output; false when nobody takes more (the reader left, or writing failed). */
export type Write = (text: string) => Promise<boolean>;

/** Output is handed over in pieces of about this many characters (the first article goes alone). */
const FLUSH_CHARS = 32 * 1024;

export interface StreamResult {
	/** Articles written. */
	written: number;
	/** The output was closed before the end: the corpus was not read to its end. */
	stopped: boolean;
}

/**
 * Writes `format` of every article of `load` as they arrive, and the warnings to `onWarning` as
 * they are found. Stops the load when `write` says nobody takes more. Rejects as `load.finished` does.
 */
export async function streamArticles(load: CorpusLoad, format: ArticleStream, write: Write, onWarning: (w: CorpusWarning) => void): Promise<StreamResult> {
	let written = 0;
	let warned = 0;
	let pending = '';
	let endsWithBreak = false;
	const flush = async (): Promise<boolean> => {
		if (pending === '') return true;
		const text = pending;
		pending = '';
		endsWithBreak = text.endsWith('\n');
		return write(text);
	};
	const stop = (): StreamResult => {
		load.stop?.();
		return {written, stopped: true};
	};
	for (;;) {
		while (warned < load.warnings.length) onWarning(load.warnings[warned++]!);
		if (written < load.articles.length) {
			if (written === 0) pending += format.head;
			pending += format.item(load.articles[written]!, written);
			written++;
			if ((written === 1 || pending.length >= FLUSH_CHARS || written === load.articles.length) && !(await flush())) return stop();
			continue;
		}
		if (load.done) break;
		await new Promise<void>((resolve) => {
			const off = load.onUpdate(() => {
				off();
				resolve();
			});
		});
	}
	await load.finished;
	if (written === 0) return {written, stopped: false};
	pending += format.tail ?? '';
	if (!(pending === '' ? endsWithBreak : pending.endsWith('\n'))) pending += '\n';
	if (!(await flush())) return stop();
	return {written, stopped: false};
}
