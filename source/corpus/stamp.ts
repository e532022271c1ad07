// What identifies one version of a file: the size, the modification time and the inode. A file
// whose stamp differs from the one taken when it was read is not the file that was read.

export interface FileStamp {
	size: number;
	mtimeMs: number;
	ino: number;
}

export function stampOf(stats: {size: number; mtimeMs: number; ino: number}): FileStamp {
	return {size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino};
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
	return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

/**
 * The stricter key caches are checked against: the size, which file (device and inode) and which
 * version of it, mtime and ctime to the nanosecond (ctime changes with every write, even one that
 * puts back the old size and mtime, as `touch -r` or `cp -p` do).
 */
export function versionKey(stats: {size: bigint; dev: bigint; ino: bigint; mtimeNs: bigint; ctimeNs: bigint}): string {
	return `${stats.size}:${stats.dev}:${stats.ino}:${stats.mtimeNs}:${stats.ctimeNs}`;
}
