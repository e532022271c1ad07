// The command line, read strictly: every mistake is one sanitised line and exit 2, never a stack
// trace, never an echo of what was typed with its escapes. Node's own parser gives the tokens;
// which of them make sense is decided here.
import {parseArgs} from 'node:util';
import {sanitizeInline} from '../text/sanitize.js';
import type {Flags} from './run.js';

export type Parsed =
	| {kind: 'run'; input: string[]; flags: Flags}
	| {kind: 'help'}
	| {kind: 'version'}
	| {kind: 'usage'; message: string};

const OPTIONS = {
	print: {type: 'boolean', short: 'p'},
	list: {type: 'boolean', short: 'l'},
	search: {type: 'string', short: 's'},
	entities: {type: 'boolean'},
	json: {type: 'boolean'},
	width: {type: 'string', short: 'w'},
	'text-width': {type: 'string'},
	'entities-file': {type: 'string'},
	cache: {type: 'boolean'},
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean'},
} as const;

type Name = keyof typeof OPTIONS;
const isName = (name: string): name is Name => Object.hasOwn(OPTIONS, name);
/** Booleans that may be turned off with --no-NAME (the others are off unless given). */
const NEGATABLE = new Set<Name>(['cache']);

/**
 * An option as the user typed it, safe to print and short enough for one line: controls and
 * format characters are written out as \u{…} (dropping them would leave a puzzling `--`).
 */
function shown(raw: string): string {
	const visible = raw.replace(/[\p{Cc}\p{Cf}]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
	const clean = sanitizeInline(visible);
	return clean.length > 40 ? clean.slice(0, 39) + '…' : clean;
}

export function parseArguments(argv: string[]): Parsed {
	// --help and --version win over everything else on the line, as a person means them to.
	const before = argv.indexOf('--');
	const options = before === -1 ? argv : argv.slice(0, before);
	if (options.includes('--help') || options.includes('-h')) return {kind: 'help'};
	if (options.includes('--version')) return {kind: 'version'};

	const {tokens} = parseArgs({args: argv, options: OPTIONS, strict: false, allowPositionals: true, allowNegative: true, tokens: true});
	const input: string[] = [];
	const values = new Map<Name, string | boolean>();
	for (const token of tokens) {
		if (token.kind === 'positional') {
			input.push(token.value);
			continue;
		}
		if (token.kind !== 'option') continue;
		const raw = shown(token.rawName);
		if (!isName(token.name)) return {kind: 'usage', message: `unknown option ${raw}`};
		const spec = OPTIONS[token.name];
		const negated = token.rawName.startsWith('--no-');
		if (negated && (spec.type !== 'boolean' || !NEGATABLE.has(token.name))) {
			return {kind: 'usage', message: `${raw} is not an option (--${token.name} cannot be turned off)`};
		}
		if (values.has(token.name)) return {kind: 'usage', message: `--${token.name} given more than once`};
		if (spec.type === 'boolean') {
			if (token.value !== undefined) return {kind: 'usage', message: `--${token.name} takes no value`};
			values.set(token.name, !negated);
			continue;
		}
		// `--width --print`: the next word is another option, not the value that is missing.
		if (token.value === undefined || (!token.inlineValue && /^-./u.test(token.value))) {
			return {kind: 'usage', message: `--${token.name} needs a value`};
		}
		values.set(token.name, token.value);
	}

	const flags: Flags = {
		print: values.get('print') === true,
		list: values.get('list') === true,
		entities: values.get('entities') === true,
		json: values.get('json') === true,
		cache: values.get('cache') !== false,
	};
	const search = values.get('search');
	if (typeof search === 'string') flags.search = search;
	const file = values.get('entities-file');
	if (typeof file === 'string') flags.entitiesFile = file;
	const width = values.get('width');
	if (typeof width === 'string') {
		if (!/^\d{1,4}$/u.test(width.trim())) return {kind: 'usage', message: '--width takes a whole number from 8 to 1000'};
		flags.width = Number(width.trim());
	}
	const textWidth = values.get('text-width');
	if (typeof textWidth === 'string') {
		if (!/^\d{1,4}$/u.test(textWidth.trim()) || Number(textWidth) < 20 || Number(textWidth) > 1000) return {kind: 'usage', message: '--text-width takes a whole number from 20 to 1000'};
		flags.textWidth = Number(textWidth.trim());
	}
	return {kind: 'run', input, flags};
}
