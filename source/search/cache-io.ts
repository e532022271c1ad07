// The cache's file-system side, written for a cache folder or file that is anything but what we
// expect: a path under a regular file or under /proc, a FIFO, a device or a link to one in place of
// the cache file, a file of any size. Every failure becomes a CacheProblem with a short reason;
// nothing here can block on a FIFO, read without bound or loop.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {constants as bufferConstants} from 'node:buffer';
import {reasonOf} from '../corpus/errors.js';
import {readBoundedSync} from '../corpus/read-bounded.js';
import {formatSize} from '../corpus/size.js';

/** Something is wrong with the cache: it is not used (or not written) and the user is told once. */
export class CacheProblem extends Error {
	override readonly name = 'CacheProblem';
	constructor(
		/** The cache file or folder concerned (untrusted: clean before display). */
		readonly path: string,
		message: string,
	) {
		super(message);
	}
}

/**
 * The cache file of one source file: `<prefix>-<hash>.<ext>`, the hash of the cache's kind (`tag`)
 * and the file's resolved path, so each kind of cache keeps one file per source file.
 */
export function perFileCacheName(cacheDir: string, sourcePath: string, kind: {tag: string; prefix: string; ext: string}): string {
	const hash = crypto
		.createHash('sha256')
		.update(`${kind.tag}\0${path.resolve(sourcePath)}`)
		.digest('hex')
		.slice(0, 24);
	return path.join(cacheDir, `${kind.prefix}-${hash}.${kind.ext}`);
}

/**
 * Creates `dir` and its missing parents, one level at a time (Node's recursive mkdir loops for ever
 * where mkdir fails with ENOENT, as under /proc). Throws a CacheProblem naming the level that failed.
 */
export function ensureDir(dir: string): void {
	const missing: string[] = [];
	for (let at = path.resolve(dir); ; at = path.dirname(at)) {
		let stat: fs.Stats | undefined;
		try {
			stat = fs.statSync(at);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code !== 'ENOENT' || path.dirname(at) === at) throw new CacheProblem(at, `its folder is unusable: ${reasonOf(error)}`);
		}
		if (stat) {
			if (!stat.isDirectory()) throw new CacheProblem(at, 'its folder is unusable: a file is in the way');
			break;
		}
		missing.push(at);
	}
	for (const level of missing.reverse()) {
		try {
			fs.mkdirSync(level, {mode: 0o700});
		} catch (error) {
			// Another khao may have made it meanwhile.
			if ((error as NodeJS.ErrnoException).code === 'EEXIST' && fs.statSync(level, {throwIfNoEntry: false})?.isDirectory()) continue;
			throw new CacheProblem(level, `cannot create its folder: ${reasonOf(error)}`);
		}
	}
}

/** The largest cache file khao will read into memory (Node's own limit for one buffer). */
export const CACHE_BYTES_LIMIT = Math.min(bufferConstants.MAX_LENGTH, 2 ** 32 - 1);

/**
 * The bytes of the cache file, or undefined when there is none. Like corpus files it is opened
 * without blocking (a FIFO) and without following a symbolic link (khao never makes one; a link to
 * /dev/zero would read for ever), and read only if it is a regular file of at most `maxBytes`.
 */
export function readCacheBytes(file: string, maxBytes: number): Buffer | undefined {
	const read = readBoundedSync(file, Math.min(maxBytes, CACHE_BYTES_LIMIT), {followLinks: false});
	if (read.ok) return read.bytes;
	switch (read.problem) {
		case 'missing':
			return undefined;
		case 'link':
			throw new CacheProblem(file, 'a symbolic link, not followed');
		case 'open':
			throw new CacheProblem(file, `cannot open it: ${reasonOf(read.error)}`);
		case 'special':
			throw new CacheProblem(file, 'not a regular file');
		case 'too-large':
			throw new CacheProblem(file, `too large for this corpus (${formatSize(read.size)})`);
		case 'read':
			throw new CacheProblem(file, `cannot read it: ${reasonOf(read.error)}`);
	}
}

const tempFileFor = (file: string) => `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;

/** Removes temporary files left by writers that died halfway (their pid is gone); best effort. */
function removeStaleTemps(file: string): void {
	const dir = path.dirname(file);
	const prefix = path.basename(file) + '.';
	let names: string[];
	try {
		names = fs.readdirSync(dir);
	} catch {
		return;
	}
	for (const name of names) {
		if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
		const pid = Number(name.slice(prefix.length).split('.')[0]);
		if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) continue;
		try {
			process.kill(pid, 0);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ESRCH') continue;
			try {
				fs.unlinkSync(path.join(dir, name));
			} catch {
				// Someone else's, or already gone: not ours to worry about.
			}
		}
	}
}

/** Best-effort removal of our own temporary file after a failed write. */
function discard(tmp: string): void {
	try {
		fs.unlinkSync(tmp);
	} catch {
		// Never created, or its folder is unusable: nothing left to clean.
	}
}

/** Bytes a write took; a write that takes none would loop for ever, so it is an error. */
function progressed(written: number): number {
	if (written <= 0) throw new Error('the disk accepted no more bytes');
	return written;
}

/**
 * Writes `chunks` to `file` atomically: a new temporary file (O_EXCL: never through a planted
 * link), synced, then renamed over the old one, so a crash halfway leaves the old cache or none.
 * Each chunk is written before the next is asked for: a generator may hand out one buffer reused.
 */
export function writeAtomic(file: string, chunks: Iterable<Uint8Array>): void {
	ensureDir(path.dirname(file));
	removeStaleTemps(file);
	const tmp = tempFileFor(file);
	try {
		const fd = fs.openSync(tmp, 'wx', 0o600);
		try {
			for (const chunk of chunks) {
				for (let at = 0; at < chunk.byteLength;) at += progressed(fs.writeSync(fd, chunk, at));
			}
			fs.fsyncSync(fd);
		} finally {
			fs.closeSync(fd);
		}
		fs.renameSync(tmp, file);
	} catch (error) {
		discard(tmp);
		throw new CacheProblem(file, `cannot write it: ${reasonOf(error)}`);
	}
}

/**
 * The same, with the writing (about 90 MB for 10,000 articles) off the event loop. `keep` is asked
 * just before the rename: false drops the written file (a newer write took over meanwhile).
 */
export async function writeAtomicAsync(file: string, chunks: readonly Uint8Array[], keep: () => boolean = () => true): Promise<void> {
	const out = new AtomicFileWriter(file);
	for (const chunk of chunks) out.append(chunk);
	await out.commit(keep);
}

/**
 * `writeAtomicAsync` a piece at a time, as the data comes: a cache of hundreds of MB (the
 * detections of 60,000 articles) never has to be whole in memory. Writes run in order off the
 * event loop; a chunk is let go once written. The first failure is kept and thrown by `commit`
 * (a CacheProblem), which also removes the temporary file. Throws a CacheProblem at once when the
 * folder is unusable.
 */
export class AtomicFileWriter {
	private readonly tmp: string;
	private readonly handle: Promise<fs.promises.FileHandle>;
	private queue: Promise<void>;
	private failure: unknown;
	private length = 0;

	constructor(readonly file: string) {
		ensureDir(path.dirname(file));
		removeStaleTemps(file);
		this.tmp = tempFileFor(file);
		this.handle = fs.promises.open(this.tmp, 'wx', 0o600);
		this.queue = this.handle.then(
			() => {},
			(error: unknown) => {
				this.failure ??= error;
			},
		);
	}

	/** Bytes appended so far. */
	get size(): number {
		return this.length;
	}

	/** Appends `chunk` (not to be changed until written). */
	append(chunk: Uint8Array): void {
		this.writeAt(this.length, chunk);
		this.length += chunk.byteLength;
	}

	/** Writes `chunk` at `position` (inside what was appended: a header filled in at the end). */
	writeAt(position: number, chunk: Uint8Array): void {
		this.queue = this.queue.then(async () => {
			if (this.failure !== undefined) return;
			try {
				const handle = await this.handle;
				for (let at = 0; at < chunk.byteLength;) at += progressed((await handle.write(chunk, at, chunk.byteLength - at, position + at)).bytesWritten);
			} catch (error) {
				this.failure ??= error;
			}
		});
	}

	/** Settles once every chunk appended so far is written (or has failed): a caller appending much waits on it, so chunks do not pile up in memory. */
	async flushed(): Promise<void> {
		await this.queue;
	}

	/** Syncs and renames the file into place (unless `keep` says no); throws a CacheProblem. */
	async commit(keep: () => boolean = () => true): Promise<void> {
		await this.queue;
		try {
			if (this.failure !== undefined) throw this.failure;
			const handle = await this.handle;
			try {
				await handle.sync();
			} finally {
				await handle.close();
			}
			if (!keep()) {
				discard(this.tmp);
				return;
			}
			// Renamed at once after the question, with nothing in between that could let a newer write in.
			fs.renameSync(this.tmp, this.file);
		} catch (error) {
			discard(this.tmp);
			throw new CacheProblem(this.file, `cannot write it: ${reasonOf(error)}`);
		}
	}

	/** Gives up: nothing is renamed and the temporary file is removed. Never throws. */
	async abort(): Promise<void> {
		this.failure ??= new Error('abandoned');
		await this.queue;
		try {
			await (await this.handle).close();
		} catch {
			// Never opened, or closed already.
		}
		discard(this.tmp);
	}
}

/**
 * A private scratch file beside `file` for bytes on their way into it (a cache written a piece at a
 * time and put together at the end): created exclusively, unlinked at once (it goes with the
 * process, whatever happens), else removed by `close` or, if the process died, by the next writer
 * of `file` (the name is one of its temporary files). Throws a CacheProblem.
 */
export class ScratchFile {
	private fd: number | undefined;
	private linked: string | undefined;
	/** Bytes written so far. */
	size = 0;

	constructor(readonly file: string) {
		ensureDir(path.dirname(file));
		removeStaleTemps(file);
		const tmp = tempFileFor(file);
		try {
			this.fd = fs.openSync(tmp, 'wx+', 0o600);
		} catch (error) {
			throw new CacheProblem(file, `cannot write it: ${reasonOf(error)}`);
		}
		this.linked = tmp;
		try {
			fs.unlinkSync(tmp);
			this.linked = undefined;
		} catch {
			// A system that cannot unlink an open file: removed on close.
		}
	}

	/** The writes in flight (appendAsync), in order: the file is closed after them. */
	private writing: Promise<unknown> = Promise.resolve();

	append(bytes: Uint8Array): void {
		try {
			for (let at = 0; at < bytes.byteLength;) at += progressed(fs.writeSync(this.fd!, bytes, at, bytes.byteLength - at, this.size + at));
		} catch (error) {
			throw new CacheProblem(this.file, `cannot write it: ${reasonOf(error)}`);
		}
		this.size += bytes.byteLength;
	}

	/**
	 * `append` off this thread (the copy into the kernel's pages is most of a spilled segment's cost:
	 * up to 300 ms of the UI thread for one segment on a loaded machine). `bytes` must not change
	 * until it resolves, and the next append waits for it. Rejects with a CacheProblem.
	 */
	appendAsync(bytes: Uint8Array): Promise<void> {
		const write = async (): Promise<void> => {
			const fd = this.fd;
			if (fd === undefined) throw new CacheProblem(this.file, 'cannot write it: its scratch file is closed');
			for (let at = 0; at < bytes.byteLength;) {
				const written = await new Promise<number>((resolve, reject) =>
					fs.write(fd, bytes, at, bytes.byteLength - at, this.size + at, (error, n) => (error ? reject(error) : resolve(n))),
				);
				at += progressed(written);
			}
			this.size += bytes.byteLength;
		};
		const done = this.writing.then(write).catch((error: unknown) => {
			throw error instanceof CacheProblem ? error : new CacheProblem(this.file, `cannot write it: ${reasonOf(error)}`);
		});
		this.writing = done.catch(() => undefined);
		return done;
	}

	/** What was written, in order, a chunk at a time through one reused buffer (each valid until the next). */
	*chunks(chunkBytes = 1 << 20): Generator<Uint8Array> {
		const buffer = Buffer.allocUnsafe(Math.min(chunkBytes, Math.max(1, this.size)));
		for (let at = 0; at < this.size;) {
			let n: number;
			try {
				n = fs.readSync(this.fd!, buffer, 0, Math.min(buffer.byteLength, this.size - at), at);
			} catch (error) {
				throw new CacheProblem(this.file, `cannot write it: ${reasonOf(error)}`);
			}
			if (n === 0) throw new CacheProblem(this.file, 'cannot write it: its scratch file was cut short');
			yield buffer.subarray(0, n);
			at += n;
		}
	}

	/** Bytes [from, to) of what was written (a segment's text read back while its cache is being written). Throws a CacheProblem. */
	read(from: number, to: number): Buffer {
		if (this.fd === undefined || !(from >= 0 && from <= to && to <= this.size)) throw new CacheProblem(this.file, 'its scratch file is closed or cut short');
		const buffer = Buffer.allocUnsafe(to - from);
		for (let at = 0; at < buffer.byteLength;) {
			let n: number;
			try {
				n = fs.readSync(this.fd, buffer, at, buffer.byteLength - at, from + at);
			} catch (error) {
				throw new CacheProblem(this.file, `cannot read its scratch file: ${reasonOf(error)}`);
			}
			if (n === 0) throw new CacheProblem(this.file, 'its scratch file was cut short');
			at += n;
		}
		return buffer;
	}

	/**
	 * Lets the file go (and removes it if it could not be unlinked at once). Never throws. Closed off
	 * this thread: the last close of an unlinked file frees its pages in the kernel, and the scratch
	 * files of a 60,000-article cache held the reader's UI thread 64 ms when closed synchronously.
	 */
	close(): void {
		const {fd, linked} = this;
		this.fd = undefined;
		this.linked = undefined;
		const removeLeftover = (): void => {
			if (linked !== undefined) discard(linked);
		};
		if (fd === undefined) removeLeftover();
		// After the writes in flight (the descriptor's number must not be reused under them); an
		// error means it was closed already: nothing else to do.
		else void this.writing.then(() => fs.close(fd, removeLeftover));
	}
}
