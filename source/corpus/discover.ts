// Finding the files under a folder. Nothing is opened here: every entry is classified from its
// directory entry or stat, so a FIFO (which would block an open forever), a socket or a device is
// reported and left alone. Symlinks are followed, but a folder already on the way down is not
// entered again, so a loop ends; a dangling link is reported.
import fs from 'node:fs/promises';
import type {Dirent, Stats} from 'node:fs';
import path from 'node:path';
import type {CorpusWarning} from './types.js';
import {reasonOf} from './errors.js';

export type FileKind = 'txt' | 'md' | 'jsonl' | 'unknown';

export interface FoundFile {
	path: string;
	kind: FileKind;
}

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
export function specialKind(stats: Stats | Dirent): string | undefined {
	if (stats.isFIFO()) return 'FIFO (named pipe)';
	if (stats.isSocket()) return 'socket';
	if (stats.isCharacterDevice()) return 'character device';
	if (stats.isBlockDevice()) return 'block device';
	return undefined;
}

const skip = (p: string, message: string): CorpusWarning => ({kind: 'skipped', path: p, message});

const byPath = (a: FoundFile, b: FoundFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Every readable file under `root`, sorted by path, plus warnings for what was left out and why.
 * Hidden entries (a name starting with '.') and `node_modules` are skipped silently. A `root` that
 * cannot be listed throws (the caller turns that into a CorpusError).
 */
export async function discoverFiles(root: string): Promise<{files: FoundFile[]; warnings: CorpusWarning[]}> {
	const files: FoundFile[] = [];
	const warnings: CorpusWarning[] = [];
	const rootStats = await fs.stat(root);
	const entered = new Set<string>([`${rootStats.dev}:${rootStats.ino}`]);

	const addFile = (p: string) => {
		const kind = kindOfName(p);
		if (kind) files.push({path: p, kind});
		else warnings.push({kind: 'binary', path: p, message: `${path.extname(p).toLowerCase()} files are not text`});
	};

	// Iterative, so that a deep tree cannot exhaust the stack.
	const pending: Array<{dir: string; ancestors: Set<string>}> = [{dir: root, ancestors: new Set(entered)}];
	while (pending.length > 0) {
		const {dir, ancestors} = pending.pop()!;
		let entries: Dirent[];
		try {
			entries = await fs.readdir(dir, {withFileTypes: true});
		} catch (error) {
			if (dir === root) throw error;
			warnings.push({kind: 'unreadable', path: dir, message: `folder not readable: ${reasonOf(error)}`});
			continue;
		}
		for (const entry of entries) {
			if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
			const p = path.join(dir, entry.name);
			let stats: Stats | Dirent = entry;
			if (entry.isSymbolicLink() || !(entry.isFile() || entry.isDirectory() || specialKind(entry))) {
				// A link (or a file system that does not give types in listings): what does it point at?
				try {
					stats = await fs.stat(p);
				} catch (error) {
					const code = (error as NodeJS.ErrnoException).code;
					if (code === 'ENOENT') warnings.push(skip(p, 'dangling symlink'));
					else if (code === 'ELOOP') warnings.push(skip(p, 'symlink loop, not followed'));
					else warnings.push({kind: 'unreadable', path: p, message: reasonOf(error)});
					continue;
				}
			}
			const special = specialKind(stats);
			if (special) {
				warnings.push(skip(p, `${special}, not opened`));
			} else if (stats.isDirectory()) {
				const full = 'dev' in stats ? stats : await fs.stat(p);
				const key = `${full.dev}:${full.ino}`;
				if (ancestors.has(key)) {
					warnings.push(skip(p, 'symlink loop (links to a folder above it), not followed'));
				} else if (entered.has(key)) {
					warnings.push(skip(p, 'folder already read through another path'));
				} else {
					entered.add(key);
					pending.push({dir: p, ancestors: new Set([...ancestors, key])});
				}
			} else if (stats.isFile()) {
				addFile(p);
			}
		}
	}
	files.sort(byPath);
	return {files, warnings};
}
