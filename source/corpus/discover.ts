// Finding the files under a folder. Nothing is opened here: every entry is classified from its
// directory entry or stat, so a FIFO (which would block an open forever), a socket or a device is
// reported and left alone. Symlinks are followed, but a folder already on the way down is not
// entered again, so a loop ends; a dangling link is reported.
import fs from 'node:fs/promises';
import {constants, type Dirent, type Stats} from 'node:fs';
import path from 'node:path';
import type {CorpusWarning} from './types.js';
import {reasonOf} from './errors.js';

export type FileKind = 'txt' | 'md' | 'jsonl' | 'unknown';

export interface FoundFile {
	/** The path as text (a name that is not UTF-8 decoded as Windows-874). */
	path: string;
	kind: FileKind;
	/** The path's bytes, when `path` would not open the file (a name that is not UTF-8). */
	open?: Buffer;
}

/** The entity linker's corrections file: never read as an article. */
export const CORRECTIONS_FILE = 'khao.entities.json';
const CORRECTIONS_NAME = Buffer.from(CORRECTIONS_FILE);

const EXTENSION_KIND: Record<string, FileKind> = {
	'.txt': 'txt',
	'.text': 'txt',
	'.md': 'md',
	'.markdown': 'md',
	'.mdown': 'md',
	'.mkd': 'md',
	'.jsonl': 'jsonl',
	'.ndjson': 'jsonl',
};

// Formats that are never text; skipped (with a warning) without being opened.
const BINARY_EXTENSIONS = new Set(
	(
		'png jpg jpeg gif webp bmp ico tif tiff heic psd svgz pdf zip gz tgz bz2 xz zst 7z rar tar jar war ' +
		'exe dll so dylib o a lib class pyc wasm bin iso dmg img mp3 mp4 m4a m4v mkv avi mov webm wav flac ' +
		'ogg opus woff woff2 ttf otf eot sqlite sqlite3 db doc docx xls xlsx ppt pptx odt ods odp epub parquet npy pkl'
	)
		.split(' ')
		.map((e) => '.' + e),
);

/** How a file will be read, from its name. Undefined: a known binary format, not to be read. */
export function kindOfName(name: string): FileKind | undefined {
	const ext = path.extname(name).toLowerCase();
	if (BINARY_EXTENSIONS.has(ext)) return undefined;
	return EXTENSION_KIND[ext] ?? 'unknown';
}

/** A one-word description of a file-system entry that is not a file or a folder. */
export function specialKind(stats: Stats | Dirent<string | Buffer>): string | undefined {
	if (stats.isFIFO()) return 'FIFO (named pipe)';
	if (stats.isSocket()) return 'socket';
	if (stats.isCharacterDevice()) return 'character device';
	if (stats.isBlockDevice()) return 'block device';
	return undefined;
}

const skip = (p: string, message: string): CorpusWarning => ({kind: 'skipped', path: p, message});

const byPath = (a: FoundFile, b: FoundFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

const strictUtf8 = new TextDecoder('utf-8', {fatal: true});
const windows874 = new TextDecoder('windows-874');

/**
 * A file name's bytes as text: UTF-8 when they are UTF-8, else Windows-874 (TIS-620 names from old
 * Thai Windows archives; every byte decodes, so no name is lost). Untrusted: clean before display.
 */
export function decodeName(bytes: Uint8Array): string {
	try {
		return strictUtf8.decode(bytes);
	} catch {
		return windows874.decode(bytes);
	}
}

const SEPARATOR = Buffer.from(path.sep);
const DOT = 0x2e;
const NODE_MODULES = Buffer.from('node_modules');

/** A folder on the way: its path as bytes (to open it) and as text (to show it). */
interface Folder {
	bytes: Buffer;
	shown: string;
	ancestors: Set<string>;
}

/** The bytes path of `name` in `folder`, and the path to show (names that are not UTF-8 decoded). */
function child(folder: Folder, name: Buffer): {bytes: Buffer; shown: string} {
	const endsWithSeparator = folder.bytes.length > 0 && folder.bytes[folder.bytes.length - 1] === SEPARATOR[0];
	const bytes = Buffer.concat(endsWithSeparator ? [folder.bytes, name] : [folder.bytes, SEPARATOR, name]);
	return {bytes, shown: path.join(folder.shown, decodeName(name))};
}

/** A folder whose names can be listed (read permission) but whose entries cannot be reached (no search permission). */
async function searchable(dir: Buffer): Promise<boolean> {
	try {
		await fs.access(dir, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/**
 * Every readable file under `root`, sorted by path, plus warnings for what was left out and why.
 * Hidden entries (a name starting with '.') and `node_modules` are skipped silently, and so is the
 * corrections file (CORRECTIONS_FILE), which is read by the entity linker, not as an article. A
 * `root` that cannot be listed throws (the caller turns that into a CorpusError); a folder below it
 * that cannot be listed or entered (permissions, a path longer than the system allows) is reported
 * and the rest is read. Folders are listed with names as bytes, so a name that is not UTF-8 is
 * still opened (by its bytes) and shown decoded.
 */
export async function discoverFiles(root: string): Promise<{files: FoundFile[]; warnings: CorpusWarning[]}> {
	const files: FoundFile[] = [];
	const warnings: CorpusWarning[] = [];
	const rootStats = await fs.stat(root);
	const entered = new Set<string>([`${rootStats.dev}:${rootStats.ino}`]);

	const addFile = (shown: string, bytes: Buffer) => {
		const kind = kindOfName(shown);
		// The bytes are kept only when the name is not plain UTF-8 (the shown path would not open).
		const open = Buffer.from(shown).equals(bytes) ? undefined : bytes;
		if (kind) files.push(open ? {path: shown, kind, open} : {path: shown, kind});
		else warnings.push({kind: 'binary', path: shown, message: `${path.extname(shown).toLowerCase()} files are not text`});
	};

	// Iterative, so that a deep tree cannot exhaust the stack.
	const pending: Folder[] = [{bytes: Buffer.from(root), shown: root, ancestors: new Set(entered)}];
	for (let isRoot = true; pending.length > 0; isRoot = false) {
		const folder = pending.pop()!;
		let entries: Dirent<Buffer>[];
		try {
			entries = await fs.readdir(folder.bytes, {withFileTypes: true, encoding: 'buffer'});
		} catch (error) {
			if (isRoot) throw error;
			warnings.push({kind: 'unreadable', path: folder.shown, message: `folder not readable: ${reasonOf(error)}`});
			continue;
		}
		if (entries.length > 0 && !(await searchable(folder.bytes))) {
			if (isRoot) throw Object.assign(new Error('folder not searchable'), {code: 'EACCES'});
			warnings.push({kind: 'unreadable', path: folder.shown, message: `folder not searchable (permission denied): its ${entries.length} entries are not read`});
			continue;
		}
		for (const entry of entries) {
			const name = entry.name;
			if (name[0] === DOT || name.equals(NODE_MODULES) || name.equals(CORRECTIONS_NAME)) continue;
			const {bytes: p, shown} = child(folder, name);
			let stats: Stats | Dirent<Buffer> = entry;
			if (entry.isSymbolicLink() || !(entry.isFile() || entry.isDirectory() || specialKind(entry))) {
				// A link (or a file system that does not give types in listings): what does it point at?
				try {
					stats = await fs.stat(p);
				} catch (error) {
					const code = (error as NodeJS.ErrnoException).code;
					if (code === 'ENOENT') warnings.push(skip(shown, 'dangling symlink'));
					else if (code === 'ELOOP') warnings.push(skip(shown, 'symlink loop, not followed'));
					else warnings.push({kind: 'unreadable', path: shown, message: reasonOf(error)});
					continue;
				}
			}
			const special = specialKind(stats);
			if (special) {
				warnings.push(skip(shown, `${special}, not opened`));
			} else if (stats.isDirectory()) {
				let full: Stats;
				try {
					full = 'dev' in stats ? stats : await fs.stat(p);
				} catch (error) {
					warnings.push({kind: 'unreadable', path: shown, message: `folder not readable: ${reasonOf(error)}`});
					continue;
				}
				const key = `${full.dev}:${full.ino}`;
				if (folder.ancestors.has(key)) {
					warnings.push(skip(shown, 'symlink loop (links to a folder above it), not followed'));
				} else if (entered.has(key)) {
					warnings.push(skip(shown, 'folder already read through another path'));
				} else {
					entered.add(key);
					pending.push({bytes: p, shown, ancestors: new Set([...folder.ancestors, key])});
				}
			} else if (stats.isFile()) {
				addFile(shown, p);
			}
		}
	}
	files.sort(byPath);
	return {files, warnings};
}
