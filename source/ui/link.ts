// The article's web page: which URL it is, whether the terminal is likely to show it as a link,
// and opening it in a browser. The browser is started with an argument list, never through a
// shell, so nothing in a URL (which comes from the article) can run as a command.
import {spawn as nodeSpawn, type SpawnOptions} from 'node:child_process';
import type {Article} from '../corpus/types.js';
import {safeUrl} from '../text/osc.js';

const URL_IN_TEXT = /(?:https?:\/\/|www\.)[^\s<>"'`]+/giu;
/** Punctuation that ends a sentence around a URL more often than it ends the URL. */
const TRAILING = /[.,;:!?'"»”’)\]}>]+$/u;

/** A web address written in a text: where it is (UTF-16 offsets) and the safe URL it stands for. */
export interface UrlInText {
	start: number;
	end: number;
	text: string;
	url: string;
}

/** `found` (a run matched by URL_IN_TEXT) without the sentence's punctuation after it, and its safe URL. */
function addressOf(found: string): {text: string; url: string} | undefined {
	let text = found.replace(TRAILING, '');
	// A closing bracket that closes one opened inside the URL is the URL's (Wikipedia titles).
	while (found.length > text.length && /[)\]]/.test(found[text.length]!) && count(text, '(') + count(text, '[') > count(text, ')') + count(text, ']')) {
		text += found[text.length];
	}
	const url = safeUrl(/^www\./i.test(text) ? `https://${text}` : text);
	return url === undefined ? undefined : {text, url};
}

/** Every http(s) or `www.` address written in `text` (at most `max`), in order. */
export function urlsInText(text: string, max = 10_000): UrlInText[] {
	const found: UrlInText[] = [];
	for (const match of text.matchAll(URL_IN_TEXT)) {
		const address = addressOf(match[0]);
		if (address) found.push({start: match.index, end: match.index + address.text.length, ...address});
		if (found.length >= max) break;
	}
	return found;
}

/** The first http(s) URL of a source line (`ที่มา: https://…`, a bare `www.…`): as written there, and safe to use. */
export function linkIn(source: string | undefined): {text: string; url: string} | undefined {
	const first = source === undefined ? undefined : urlsInText(source, 1)[0];
	return first && {text: first.text, url: first.url};
}

/** The URL alone. */
export const urlIn = (source: string | undefined): string | undefined => linkIn(source)?.url;

const count = (s: string, c: string) => s.split(c).length - 1;

/** The article's URL: its `url` / `source` field or source line, when that holds one. */
export const articleUrl = (article: Article | undefined): string | undefined => urlIn(article?.source);

/**
 * Whether OSC 8 links are worth writing: a terminal (not a pipe, not `TERM=dumb`), and not turned
 * off with KHAO_HYPERLINKS=0. Terminals that do not know OSC 8 ignore it; the text shows as is.
 */
export function hyperlinksOn(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
	if (env['KHAO_HYPERLINKS'] === '0') return false;
	if (env['KHAO_HYPERLINKS'] === '1') return true;
	return isTTY && env['TERM'] !== 'dumb';
}

/**
 * The commands to try for opening `url`, first first: each entry of $BROWSER (colon-separated, as
 * the convention has it; `%s` stands for the URL, else it goes last), then the system's opener.
 */
export function browserCommands(url: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[][] {
	const commands: string[][] = [];
	for (const entry of (env['BROWSER'] ?? '').split(':')) {
		const words = entry.trim().split(/\s+/).filter(Boolean);
		if (words.length === 0) continue;
		commands.push(words.some((w) => w.includes('%s')) ? words.map((w) => w.replaceAll('%s', url)) : [...words, url]);
	}
	if (platform === 'darwin') commands.push(['open', url]);
	else if (platform === 'win32') commands.push(['explorer.exe', url]);
	else commands.push(['xdg-open', url]);
	return commands;
}

export type Spawn = (
	command: string,
	args: string[],
	options: SpawnOptions,
) => {once(event: 'error' | 'spawn', listener: (error?: Error) => void): unknown; unref(): void};

/**
 * Opens `url` (checked again: http(s) only) with the first command that starts. Resolves with one
 * line for the status bar. The browser runs detached with no stdio: it neither draws over the
 * reader nor ends with it.
 */
export async function openInBrowser(url: string, options: {env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform; spawn?: Spawn} = {}): Promise<string> {
	const safe = safeUrl(url);
	if (safe === undefined) return 'not a web address khao opens (http or https only)';
	const spawn = options.spawn ?? (nodeSpawn as unknown as Spawn);
	for (const [command, ...args] of browserCommands(safe, options.env ?? process.env, options.platform ?? process.platform)) {
		const started = await new Promise<boolean>((resolve) => {
			try {
				const child = spawn(command!, args, {detached: true, stdio: 'ignore'});
				child.once('error', () => resolve(false));
				child.once('spawn', () => {
					child.unref();
					resolve(true);
				});
			} catch {
				resolve(false);
			}
		});
		if (started) return `opened ${safe.length > 60 ? safe.slice(0, 59) + '…' : safe}`;
	}
	return 'no browser to open the link: set $BROWSER';
}
