import {sanitizeInline} from '../text/sanitize.js';

/**
 * The input as a whole cannot be read (no such path, no permission, a FIFO given as PATH). The
 * message is one line that names the path, safe to print: the CLI prints it and exits non-zero.
 */
export class CorpusError extends Error {
	override readonly name = 'CorpusError';
	readonly path: string;

	constructor(path: string, reason: string) {
		super(`cannot read ${sanitizeInline(path) || '(empty path)'}: ${reason}`);
		this.path = path;
	}
}

/** A short reason for a file-system error, for messages (ENOENT → "no such file or folder"). */
export function reasonOf(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	switch (code) {
		case 'ENOENT':
			return 'no such file or folder';
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		case 'ELOOP':
			return 'symlink loop';
		case 'ENOTDIR':
			return 'a path component is not a folder';
		case 'EISDIR':
			return 'is a folder';
		case 'ENAMETOOLONG':
			return 'name too long';
		case 'ENOSPC':
			return 'no space left on the device (ENOSPC)';
		case 'ERR_STRING_TOO_LONG':
			return 'too large to hold as one piece of text (ERR_STRING_TOO_LONG)';
		default:
			return inWords(code, error);
	}
}

/**
 * A code alone (EIO, EAGAIN) tells a reader nothing: system errors carry the system's words
 * ("EIO: i/o error, read"), which come first, the code after them in brackets.
 */
function inWords(code: string | undefined, error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	const words = code && /^[A-Z0-9_]+$/.test(code) ? new RegExp(`^${code}: ([^,]+)`).exec(message)?.[1] : undefined;
	if (words) return sanitizeInline(`${words} (${code})`);
	if (code && message && !message.startsWith(code)) return sanitizeInline(`${message} (${code})`);
	return sanitizeInline(message || code || 'unknown error');
}
