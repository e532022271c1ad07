// The terminal around the Ink app: the alternate screen (restored on every way out: q, Ctrl+C,
// SIGINT, SIGTERM, SIGHUP, a crash) and the keyboard when stdin carries the article.
import fs from 'node:fs';
import process from 'node:process';
import tty from 'node:tty';
import {stripUnsafe} from '../text/sanitize.js';

const ENTER_ALT = '\u001B[?1049h\u001B[H';
const LEAVE_ALT = '\u001B[?25h\u001B[?1049l';

let inAlternateScreen = false;

export function leaveAlternateScreen(): void {
	if (!inAlternateScreen) return;
	inAlternateScreen = false;
	try {
		// Synchronous: this also runs from 'exit' and signal handlers, where async writes are lost.
		fs.writeSync(process.stdout.fd, LEAVE_ALT);
	} catch {
		// stdout already gone: nothing left to restore.
	}
}

/** Switches to the alternate screen and makes sure every exit path switches back. */
export function enterAlternateScreen(): void {
	if (inAlternateScreen) return;
	inAlternateScreen = true;
	fs.writeSync(process.stdout.fd, ENTER_ALT);
	process.once('exit', leaveAlternateScreen);
	// Ctrl+C before Ink has put the terminal in raw mode arrives as SIGINT.
	const signals = {SIGHUP: 1, SIGINT: 2, SIGTERM: 15} as const;
	for (const [signal, number] of Object.entries(signals)) {
		process.once(signal, () => {
			leaveAlternateScreen();
			process.exit(128 + number);
		});
	}
	process.once('uncaughtException', (error) => {
		leaveAlternateScreen();
		process.stderr.write(`khao: internal error: ${stripUnsafe(error.stack ?? String(error))}\n`);
		process.exit(70);
	});
}

/**
 * The stream keys come from. When stdin is a pipe (`cat a.txt | khao -`) keys come from the
 * controlling terminal instead; undefined when there is none.
 */
export function keyboardStream(): NodeJS.ReadStream | undefined {
	if (process.stdin.isTTY) return process.stdin;
	try {
		return new tty.ReadStream(fs.openSync('/dev/tty', 'r')) as unknown as NodeJS.ReadStream;
	} catch {
		return undefined;
	}
}
