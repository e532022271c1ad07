// What a cache's contents depend on besides its input: the code that made them. Hashing the code
// itself (the bundle, or the sources under tsx) rather than trusting a hand-bumped number means
// nobody has to remember to bump a version when a rule changes; a new khao simply starts afresh.
import type crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/**
 * Feeds `hash` with the code of the module at `moduleUrl`: the bundle when it runs from one (every
 * module is in it), else every .ts file under `folders` (relative to that module's folder).
 */
export function hashCode(hash: crypto.Hash, moduleUrl: string, folders: readonly string[]): void {
	const self = fileURLToPath(moduleUrl);
	const code = self.endsWith('.js') ? [self] : sourceFiles(folders.map((folder) => path.join(path.dirname(self), folder)));
	for (const file of code) hash.update(file.endsWith('.js') ? '' : path.basename(file)).update(readOrEmpty(file));
}

/** The file's bytes, or none when it cannot be read (the hash then says so by differing). */
export function readOrEmpty(file: string): Buffer {
	try {
		return fs.readFileSync(file);
	} catch {
		return Buffer.alloc(0);
	}
}

function sourceFiles(dirs: readonly string[]): string[] {
	const out: string[] = [];
	const walk = (dir: string): void => {
		let entries: fs.Dirent[];
		try {
			entries = fs.readdirSync(dir, {withFileTypes: true});
		} catch {
			return;
		}
		for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
			const full = path.join(dir, e.name);
			if (e.isDirectory()) walk(full);
			else if (e.name.endsWith('.ts')) out.push(full);
		}
	};
	for (const dir of dirs) walk(dir);
	return out;
}
