// Reading a small file khao depends on but did not make (a cache file, a corrections file) with the
// care corpus files get: opened without blocking (a FIFO in its place answers at once), optionally
// without following a link, read only when it is a regular file, and never past a bound (a link to
// /dev/zero, or a file that grows while it is read). Each caller words the problem its own way.
import fs from 'node:fs';
import {specialKind} from './discover.js';

export type BoundedRead =
	| {ok: true; bytes: Buffer}
	| {ok: false; problem: 'missing' | 'link' | 'open' | 'read'; error: unknown}
	| {ok: false; problem: 'special'; kind: string}
	| {ok: false; problem: 'too-large'; size: number};

const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

export function readBoundedSync(file: string, maxBytes: number, options: {followLinks?: boolean} = {}): BoundedRead {
	let fd: number;
	try {
		fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | (options.followLinks === false ? O_NOFOLLOW : 0));
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return {ok: false, problem: 'missing', error};
		if (options.followLinks === false && (code === 'ELOOP' || code === 'EMLINK')) return {ok: false, problem: 'link', error};
		return {ok: false, problem: 'open', error};
	}
	try {
		const stats = fs.fstatSync(fd);
		if (!stats.isFile()) return {ok: false, problem: 'special', kind: specialKind(stats) ?? (stats.isDirectory() ? 'folder' : 'special file')};
		if (stats.size > maxBytes) return {ok: false, problem: 'too-large', size: stats.size};
		// One byte more than allowed, so a file that grew past the bound while it was read is seen.
		const bytes = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(stats.size + 1, 4096)));
		let length = 0;
		while (length < bytes.length) {
			const n = fs.readSync(fd, bytes, length, bytes.length - length, length);
			if (n === 0) break;
			length += n;
		}
		if (length > maxBytes) return {ok: false, problem: 'too-large', size: length};
		return {ok: true, bytes: bytes.subarray(0, length)};
	} catch (error) {
		return {ok: false, problem: 'read', error};
	} finally {
		fs.closeSync(fd);
	}
}
