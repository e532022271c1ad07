// Standard output for the plain modes. Output that could not be written is lost data, so it is an
// error (one line, exit 1), except a reader that went away on purpose (`khao … | head`): EPIPE
// means nobody wants the rest, and khao stops quietly at once.
import process from 'node:process';
import {reasonOf} from '../corpus/errors.js';
import type {CorpusWarning} from '../corpus/types.js';
import {sanitizeInline} from '../text/sanitize.js';

const guarded = new WeakSet<NodeJS.WritableStream>();

export type WriteResult = {ok: true} | {ok: false; closed: true} | {ok: false; closed: false; message: string};

/** Writes all of `text` to `stream`, waiting for a slow pipe; says how it went instead of throwing. */
export function writeOut(text: string, stream: NodeJS.WritableStream = process.stdout): Promise<WriteResult> {
	// Kept for the life of the process: a late error on a stream no one listens to would crash.
	if (!guarded.has(stream)) {
		guarded.add(stream);
		stream.on('error', () => {});
	}
	return new Promise((resolve) => {
		let settled = false;
		const settle = (error: unknown) => {
			if (settled) return;
			settled = true;
			// Output written in many pieces must not pile up a listener per piece.
			stream.off('error', settle);
			if (!error) resolve({ok: true});
			else if ((error as NodeJS.ErrnoException).code === 'EPIPE') resolve({ok: false, closed: true});
			else resolve({ok: false, closed: false, message: `cannot write the output: ${reasonOf(error)}`});
		};
		stream.on('error', settle);
		try {
			stream.write(text, (error) => settle(error));
		} catch (error) {
			settle(error);
		}
	});
}

/** One line per problem; files that were read despite it (invalid bytes, bad .jsonl lines) say `warning`. */
export function formatWarning(w: CorpusWarning): string {
	const verb = w.kind === 'invalid-bytes' || w.kind === 'bad-line' || w.kind === 'corrections' ? 'warning' : 'skipped';
	return `khao: ${verb}: ${sanitizeInline(w.path)}: ${sanitizeInline(w.message)}`;
}

/** Says a warning on stderr, where the plain modes and the reader (after it quits) report them. */
export function warn(w: CorpusWarning): void {
	process.stderr.write(formatWarning(w) + '\n');
}
