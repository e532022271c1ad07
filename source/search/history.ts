// Previous search queries, kept between runs in a small file in the XDG state folder
// ($XDG_STATE_HOME/khao/search-history, else ~/.local/state/khao; KHAO_STATE_DIR overrides, `off`
// turns it off). The file is untrusted on read: over MAX_BYTES it is not read, each line must be a
// JSON string of at most MAX_QUERY characters (others are skipped), control characters are dropped,
// and any problem is one line for the status bar. Written whole to a temporary file and renamed
// over the old one, so a crash never leaves half a file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {reasonOf} from '../corpus/errors.js';
import {writeAtomic} from './cache-io.js';

/** Queries kept (the oldest go first). */
export const MAX_ENTRIES = 100;
/** Longest query kept (a pasted page is not worth recalling). */
export const MAX_QUERY = 500;
/** A history file larger than this is not read. */
export const MAX_BYTES = 128 * 1024;

/**
 * The folder for what khao keeps between runs (search history, reading state), or undefined when
 * KHAO_STATE_DIR is `off`.
 */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
	const dir = env['KHAO_STATE_DIR'];
	if (dir === 'off') return undefined;
	if (dir) return dir;
	const base = env['XDG_STATE_HOME'] || path.join(os.homedir(), '.local', 'state');
	return path.join(base, 'khao');
}

/** The history file, or undefined when history is off. */
export function historyFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
	const dir = stateDir(env);
	return dir === undefined ? undefined : path.join(dir, 'search-history');
}

const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** A query as kept: controls dropped, trimmed; undefined when nothing is left or it is too long. */
function clean(query: unknown): string | undefined {
	if (typeof query !== 'string') return undefined;
	const text = query.replace(CONTROLS, ' ').trim();
	return text === '' || text.length > MAX_QUERY ? undefined : text;
}

export class SearchHistory {
	private constructor(
		private readonly file: string | undefined,
		private list: string[],
		/** What went wrong reading the file, for the status bar (once). */
		readonly problem: string | undefined,
	) {}

	/** Reads the history (an absent file is an empty history). */
	static open(file: string | undefined): SearchHistory {
		if (file === undefined) return new SearchHistory(undefined, [], undefined);
		let text: string;
		try {
			const stat = fs.statSync(file);
			if (!stat.isFile()) return new SearchHistory(file, [], 'search history is not a file: not used');
			if (stat.size > MAX_BYTES) return new SearchHistory(file, [], `search history over ${MAX_BYTES / 1024} KB: not read`);
			text = fs.readFileSync(file, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new SearchHistory(file, [], undefined);
			return new SearchHistory(file, [], `search history unreadable (${reasonOf(error)}): not used`);
		}
		const list: string[] = [];
		let skipped = 0;
		for (const line of text.split('\n')) {
			if (line.trim() === '') continue;
			let query: string | undefined;
			try {
				query = clean(JSON.parse(line));
			} catch {
				query = undefined;
			}
			if (query === undefined) skipped++;
			else list.push(query);
		}
		const history = new SearchHistory(file, dedupe(list), skipped > 0 ? `search history: ${skipped} bad ${skipped === 1 ? 'line' : 'lines'} skipped` : undefined);
		return history;
	}

	/** The queries, oldest first. */
	get entries(): readonly string[] {
		return this.list;
	}

	/** Remembers a query (moved to the end when already there) and saves; returns a message when saving failed. */
	add(query: string): string | undefined {
		const text = clean(query);
		if (text === undefined) return undefined;
		this.list = dedupe([...this.list, text]);
		return this.save();
	}

	private save(): string | undefined {
		if (this.file === undefined) return undefined;
		try {
			writeAtomic(this.file, [Buffer.from(this.list.map((q) => JSON.stringify(q)).join('\n') + '\n')]);
			return undefined;
		} catch (error) {
			return `search history not saved (${reasonOf(error)})`;
		}
	}
}

/** The last MAX_ENTRIES distinct queries, each at its latest place. */
function dedupe(list: readonly string[]): string[] {
	const out: string[] = [];
	for (let i = list.length - 1; i >= 0 && out.length < MAX_ENTRIES; i--) if (!out.includes(list[i]!)) out.push(list[i]!);
	return out.reverse();
}
