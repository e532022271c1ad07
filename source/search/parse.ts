// The query language, as people know it from search engines: words separated by spaces must all
// be there (in any order); "…" is an exact phrase; -word excludes articles holding the word;
// date:FROM..TO and cat:NAME limit the articles searched. Anything else is a word. The query is
// untrusted: nothing here throws, a filter it cannot read is reported, and the work it asks for is
// capped (a pasted page of text is searched by its first MAX_TERMS words).

/** Words (and phrases) searched for: more say little and cost much (a pasted page has thousands). */
export const MAX_TERMS = 12;
/** Excluded words kept. */
export const MAX_EXCLUDES = 8;
/** Longest term kept, in UTF-16 units (a pasted paragraph without spaces is one huge "word"). */
export const MAX_TERM_LENGTH = 200;

export interface QueryTerm {
	/** The word or phrase as typed (without its quotes). */
	text: string;
	/** Typed in quotes: matched as written (tone marks aside), never approximately. */
	quoted: boolean;
}

export interface QueryFilters {
	/** ISO dates (yyyy-mm-dd), inclusive. */
	since?: string;
	until?: string;
	/** A category (a .jsonl `category` field) to search only in; matched folded, as a part. */
	category?: string;
}

export interface ParsedQuery {
	terms: QueryTerm[];
	excludes: string[];
	filters: QueryFilters;
	/** One-line messages about what could not be read (a filter, a cap reached). */
	notes: string[];
}

const QUOTES = /["\u201c\u201d]/;

/** Splits the query into tokens: quoted runs stay whole (an unclosed quote runs to the end). */
function tokens(query: string): {text: string; quoted: boolean}[] {
	const out: {text: string; quoted: boolean}[] = [];
	let i = 0;
	const n = query.length;
	while (i < n) {
		while (i < n && /\s/.test(query[i]!)) i++;
		if (i >= n) break;
		let prefix = '';
		let j = i;
		// -"…" and cat:"…": a quoted run after a prefix.
		const head = /^(-|[a-z]+:)/i.exec(query.slice(i, i + 12));
		if (head && QUOTES.test(query[i + head[0].length] ?? '')) {
			prefix = head[0];
			j = i + prefix.length;
		}
		if (QUOTES.test(query[j] ?? '')) {
			let k = j + 1;
			while (k < n && !QUOTES.test(query[k]!)) k++;
			out.push({text: prefix + query.slice(j + 1, k), quoted: true});
			i = k + 1;
			continue;
		}
		let k = i;
		while (k < n && !/\s/.test(query[k]!)) k++;
		out.push({text: query.slice(i, k), quoted: false});
		i = k;
	}
	return out;
}

/** yyyy, yyyy-mm or yyyy-mm-dd (Buddhist-era years above 2400 converted) to its first or last day. */
export function parseDateBound(text: string, end: boolean): string | undefined {
	const m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(text.trim());
	if (!m) return undefined;
	let year = Number(m[1]);
	if (year > 2400) year -= 543;
	const month = m[2] === undefined ? (end ? 12 : 1) : Number(m[2]);
	if (month < 1 || month > 12) return undefined;
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const day = m[3] === undefined ? (end ? last : 1) : Number(m[3]);
	if (day < 1 || day > last) return undefined;
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function shown(text: string): string {
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The query's terms, excluded words and filters. */
export function parseQuery(query: string): ParsedQuery {
	const parsed: ParsedQuery = {terms: [], excludes: [], filters: {}, notes: []};
	let dropped = 0;
	for (const token of tokens(query)) {
		const {text, quoted} = token;
		const filter = /^(date|cat|category):(.*)$/is.exec(text);
		if (filter) {
			const name = filter[1]!.toLowerCase();
			const value = filter[2]!;
			if (name === 'date') {
				const [from = '', to = from, ...rest] = value.split('..');
				const since = from === '' ? undefined : parseDateBound(from, false);
				const until = to === '' ? undefined : parseDateBound(to, true);
				if (rest.length > 0 || (from !== '' && !since) || (to !== '' && !until) || (from === '' && to === '')) {
					parsed.notes.push(`date filter not understood: ${shown(value)} (use date:2566-01..2566-06)`);
				} else {
					parsed.filters.since = since;
					parsed.filters.until = until;
				}
			} else if (value.trim() !== '') parsed.filters.category = value.trim();
			continue;
		}
		if (text.startsWith('-') && text.length > 1 && !/^-\d/.test(text)) {
			if (parsed.excludes.length < MAX_EXCLUDES) parsed.excludes.push(text.slice(1).slice(0, MAX_TERM_LENGTH));
			continue;
		}
		if (text.trim() === '') continue;
		// PM 2.5: a code written with a space is one word, as the fold makes it.
		const last = parsed.terms[parsed.terms.length - 1];
		if (!quoted && last && !last.quoted && /[A-Za-z]$/.test(last.text) && /^[0-9\u0e50-\u0e59]/.test(text)) {
			last.text = `${last.text} ${text}`.slice(0, MAX_TERM_LENGTH);
			continue;
		}
		if (parsed.terms.length >= MAX_TERMS) {
			dropped++;
			continue;
		}
		parsed.terms.push({text: text.slice(0, MAX_TERM_LENGTH), quoted});
	}
	if (dropped > 0) parsed.notes.push(`searched for the first ${MAX_TERMS} words only`);
	return parsed;
}
