// From the command line to a mode: plain output for scripts and pipes, or the full-screen reader.
// Both load the corpus through the same core; only the last step differs.
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {keyLines} from '../ui/key-lines.js';
import {optionLines, type Flags} from './flags.js';
import {sanitizeInline} from '../text/sanitize.js';
import {CorpusError, loadCorpus, openCorpus, type CorpusLoad} from '../corpus/index.js';
import {EntityCorrectionsError} from '../entities/corrections.js';
import type {Article} from '../corpus/types.js';
import {listJsonStream, listTextStream} from '../plain/list.js';
import {printJsonStream, printTextStream} from '../plain/print.js';
import {streamArticles} from '../plain/stream.js';
import {warn, writeOut} from './output.js';
import {EXIT} from './exit.js';
import {listingCacheOf} from './listing-options.js';

export type {Flags};

export {EXIT} from './exit.js';

export function helpText(): string {
	const options = optionLines()
		.map((line) => `    ${line.replace(/\n/g, '\n    ')}`)
		.join('\n');
	const keys = keyLines()
		.map((line) => (line ? `    ${line}` : ''))
		.join('\n');
	return `
  Read Thai articles in the terminal: wrapped at Thai word boundaries, searchable, with the
  people, organisations and places they mention linked across spellings and scripts.

  Usage
    $ khao [PATH] [options]

  PATH is a file (.txt, .md, .jsonl, or any text), a folder (read recursively), or - for stdin.
  Without PATH, khao opens the articles that ship with it.

  Options
${options}

  When standard output is not a terminal, khao prints (as --print) instead of opening the reader.
  Standard input is read up to 1 GiB; KHAO_MAX_INPUT_SIZE (e.g. 2G) moves the bound.

  Keys in the reader
${keys}

  Exit codes: 0 done, 1 a path could not be read or held no article (or a bad corrections file,
  or the output could not be written), 2 bad usage, 70 internal error, 128+N ended by signal N.
`;
}

/** The bundled corpus: next to the package root, whether running from dist/ or from source. */
export function defaultCorpusDir(moduleUrl: string): string {
	let dir = path.dirname(fileURLToPath(moduleUrl));
	for (let i = 0; i < 3; i++) {
		const candidate = path.join(dir, 'corpus');
		if (fs.existsSync(candidate)) return candidate;
		dir = path.dirname(dir);
	}
	return path.join(path.dirname(fileURLToPath(moduleUrl)), 'corpus');
}

/** One line saying what is wrong with the command line, and where to look; the exit code for it. */
export function usageError(message: string): number {
	process.stderr.write(`khao: ${message}\nRun khao --help for the options.\n`);
	return EXIT.usage;
}

function plainWidth(flags: Flags): number {
	if (flags.width !== undefined) return flags.width;
	return process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 80;
}

export async function runCli(input: string[], flags: Flags, moduleUrl: string): Promise<number> {
	if (input.length > 1) return usageError(`one PATH at a time (got ${input.length})`);
	if (flags.width !== undefined && (!Number.isInteger(flags.width) || flags.width < 8 || flags.width > 1000)) {
		return usageError('--width takes a whole number from 8 to 1000');
	}
	if (flags.search !== undefined && flags.search.trim() === '') return usageError('--search needs a query');
	const modes = [flags.print, flags.list, flags.search !== undefined, flags.entities, flags.index].filter(Boolean).length;
	if (modes > 1) return usageError('choose one of --print, --list, --search, --entities, --index');
	if (flags.index && (input[0] === '-' || !flags.cache || flags.json)) return usageError('--index caches files and folders: not with -, --no-cache or --json');
	const target = input[0];
	// Reading a terminal to its end would wait for Ctrl+D that nobody knows to type.
	if (target === '-' && process.stdin.isTTY) return usageError('- reads articles from standard input, but nothing is piped in');
	const defaultDir = defaultCorpusDir(moduleUrl);
	const interactive = modes === 0 && !flags.json && Boolean(process.stdout.isTTY);
	try {
		if (flags.index) {
			const {runIndex} = await import('./index-command.js');
			return await runIndex(target, defaultDir, flags.entitiesFile);
		}
		if (interactive) {
			const {runReader} = await import('./reader.js');
			return await runReader(target, flags, defaultDir);
		}
		return await runPlain(target, flags, defaultDir);
	} catch (error) {
		if (error instanceof CorpusError || error instanceof EntityCorrectionsError) {
			process.stderr.write(`khao: ${sanitizeInline(error.message)}\n`);
			return EXIT.unreadable;
		}
		throw error;
	}
}

async function runPlain(target: string | undefined, flags: Flags, defaultDir: string): Promise<number> {
	const options = {defaultDir, stdin: target === '-' ? process.stdin : undefined, ...listingCacheOf(flags)};
	if (flags.search === undefined && !flags.entities) return streamPlain(openCorpus(target, options), flags, target ?? defaultDir);
	if (flags.search !== undefined && target !== undefined && target !== '-') {
		// One big .jsonl file with current caches: searched without loading its articles.
		const {plainSearchListed} = await import('./plain-search.js');
		const listed = await plainSearchListed(target, flags.search, {json: flags.json, width: plainWidth(flags), cache: flags.cache});
		if (listed) {
			for (const w of listed.warnings) warn(w);
			return print(listed.out.endsWith('\n') ? listed.out : listed.out + '\n');
		}
	}
	// Search and entities need every article before their first line (ranking, linking).
	const {articles, warnings} = await loadCorpus(target, options);
	for (const w of warnings) warn(w);
	if (articles.length === 0) return noArticle(target ?? defaultDir);
	const out = await plainOutput(articles, flags, target, defaultDir);
	return typeof out === 'string' ? print(out.endsWith('\n') ? out : out + '\n') : print(out);
}

function noArticle(where: string): number {
	process.stderr.write(`khao: no article to show in ${sanitizeInline(where)}\n`);
	return EXIT.unreadable;
}

/** --print and --list: written while the corpus is read; a closed pipe stops the reading too. */
async function streamPlain(load: CorpusLoad, flags: Flags, where: string): Promise<number> {
	const width = plainWidth(flags);
	const format = flags.list ? (flags.json ? listJsonStream : listTextStream) : flags.json ? printJsonStream(width) : printTextStream(width);
	let failure: string | undefined;
	const write = async (text: string) => {
		const written = await writeOut(text);
		if (!written.ok && !written.closed) failure = written.message;
		return written.ok;
	};
	const result = await streamArticles(load, format, write, warn);
	if (failure !== undefined) {
		process.stderr.write(`khao: ${failure}\n`);
		return EXIT.unreadable;
	}
	if (result.written === 0 && !result.stopped) return noArticle(where);
	return EXIT.ok;
}

/**
 * Prints `text` on stdout (pieces in turn, each sent once the pipe took the last: output larger
 * than memory never waits whole); the exit code says whether it all got there (a closed pipe is fine).
 */
export async function print(text: string | Iterable<string>): Promise<number> {
	for (const piece of typeof text === 'string' ? [text] : text) {
		const written = await writeOut(piece);
		if (written.ok) continue;
		if (written.closed) return EXIT.ok;
		process.stderr.write(`khao: ${written.message}\n`);
		return EXIT.unreadable;
	}
	return EXIT.ok;
}

async function plainOutput(articles: Article[], flags: Flags, target: string | undefined, defaultDir: string): Promise<string | Iterable<string>> {
	const width = plainWidth(flags);
	if (flags.search !== undefined) {
		const {plainSearch} = await import('./plain-search.js');
		return plainSearch(articles, flags.search, {json: flags.json, width, cache: flags.cache});
	}
	const {plainEntities} = await import('./plain-entities.js');
	return plainEntities(articles, {json: flags.json, width, correctionsFile: flags.entitiesFile, root: target ?? defaultDir, cache: flags.cache});
}
