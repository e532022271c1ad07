// The terminal around the Ink app: the alternate screen with autowrap off, a hidden cursor and raw
// keys, given back on every way out. What can be caught is caught here: q, Ctrl+C, a crash, and
// every signal whose default is to end the process (restored, then the signal is raised again so
// the exit status says what happened). What cannot (V8 out of memory aborts, SIGKILL, SIGSEGV) is
// left to a watchdog: a tiny shell that writes the restore sequence when khao dies without saying
// goodbye. Ctrl+Z and SIGTSTP give the terminal back before stopping; `fg` takes it again and
// redraws. Mouse reports, when on, are part of what is taken and given back.
import {spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import process from 'node:process';
import tty from 'node:tty';
import {stripUnsafe} from '../text/sanitize.js';

// Autowrap off while khao draws: a character the terminal draws wider than khao counts (some emoji
// sequences in tmux) then cuts the line short instead of wrapping it and scrolling the frame.
const ENTER_ALT = '\u001B[?1049h\u001B[H\u001B[?7l';
// Mouse reports off comes first in every restore, whether they were on or not: a shell that gets
// them after khao is gone would print them as text at every click.
const MOUSE_OFF = '\u001B[?1006l\u001B[?1000l';
const LEAVE_ALT = MOUSE_OFF + '\u001B[?7h\u001B[?25h\u001B[?1049l';
/** Button presses, releases and the wheel, reported in the SGR form (no column limit). */
export const MOUSE_ON = '\u001B[?1000h\u001B[?1006h';
const HIDE_CURSOR = '\u001B[?25l';

/**
 * Signals that end a process by default and that a JavaScript listener may catch safely. Not
 * SIGABRT: that is how V8 dies (out of memory), where no listener runs; caught here it raced with
 * Ink's own exit hook and sometimes ended khao with status 0. The watchdog covers it.
 */
const ENDING_SIGNALS = [
	'SIGHUP',
	'SIGINT',
	'SIGQUIT',
	'SIGTERM',
	'SIGUSR2',
	'SIGALRM',
	'SIGVTALRM',
	'SIGPROF',
	'SIGXCPU',
	'SIGXFSZ',
	'SIGPWR',
	'SIGSYS',
	'SIGTRAP',
].filter((name) => name in os.constants.signals) as NodeJS.Signals[];

interface Session {
	keyboard?: NodeJS.ReadStream;
	/** Draws the whole frame again (after `fg`, the screen is empty). */
	repaint?: () => void;
	watchdog?: ChildProcess;
	watchdogTimer?: NodeJS.Timeout;
	suspended: boolean;
	mouse: boolean;
	/** Last words before the terminal is given back for good (saving the reading state). */
	leaving?: () => void;
}

let session: Session | undefined;

function write(sequence: string): void {
	try {
		// Synchronous: this also runs from 'exit' and signal handlers, where async writes are lost.
		fs.writeSync(process.stdout.fd, sequence);
	} catch {
		// stdout already gone: nothing left to restore.
	}
}

function setRaw(on: boolean): void {
	const keyboard = session?.keyboard;
	try {
		if (keyboard?.isTTY && keyboard.isRaw !== on) keyboard.setRawMode(on);
	} catch {
		// The terminal is gone (hang-up): there is no mode to set.
	}
}

/** Gives the terminal back as it was: main screen, cursor, autowrap, cooked keys. */
function restore(): void {
	setRaw(false);
	write(LEAVE_ALT);
}

export function leaveAlternateScreen(): void {
	if (!session) return;
	const leaving = session.leaving;
	session.leaving = undefined;
	try {
		leaving?.();
	} catch {
		// Saving is best effort: the terminal must be given back whatever happens.
	}
	if (!session.suspended) restore();
	clearTimeout(session.watchdogTimer);
	session.watchdog?.kill('SIGKILL');
	session = undefined;
}

/** Ends the process by `signal` after restoring, so that the shell sees the real cause. */
function raise(signal: NodeJS.Signals): void {
	leaveAlternateScreen();
	process.removeAllListeners(signal);
	process.kill(process.pid, signal);
	// Should the signal not end the process after all, end it the way a shell would report it.
	setTimeout(() => process.exit(128 + (os.constants.signals[signal] ?? 0)), 1000);
}

/** Ctrl+Z or SIGTSTP: give the terminal back, stop; SIGCONT (`fg`) takes it again. */
export function suspend(): void {
	if (!session || session.suspended) return;
	session.suspended = true;
	restore();
	process.removeListener('SIGTSTP', suspend);
	process.kill(process.pid, 'SIGTSTP');
}

function resume(): void {
	if (!session) return;
	process.removeListener('SIGTSTP', suspend);
	process.on('SIGTSTP', suspend);
	if (!session.suspended) return; // SIGCONT after SIGSTOP: the screen is still ours
	session.suspended = false;
	// Ink hid the cursor once, at its first frame; it does not know the terminal forgot.
	write(ENTER_ALT + HIDE_CURSOR + (session.mouse ? MOUSE_ON : ''));
	setRaw(true);
	session.repaint?.();
}

/**
 * A shell that outlives khao only to restore the terminal if khao dies without cleaning up. It
 * waits for its stdin to close (khao's end of the pipe closes however khao dies); a clean exit
 * kills it first. It writes to the same terminal as khao.
 */
function startWatchdog(): ChildProcess | undefined {
	if (process.platform === 'win32') return undefined;
	try {
		const printf = LEAVE_ALT.replace(/\u001B/g, '\\033');
		const child = spawn('/bin/sh', ['-c', `read _; printf '${printf}'`], {stdio: ['pipe', 'inherit', 'ignore']});
		child.on('error', () => {});
		child.stdin?.on('error', () => {});
		child.unref();
		(child.stdin as unknown as {unref?: () => void} | null)?.unref?.();
		return child;
	} catch {
		return undefined;
	}
}

/** Switches to the alternate screen and makes sure every exit path switches back. */
export function enterAlternateScreen(options: {keyboard?: NodeJS.ReadStream; mouse?: boolean} = {}): void {
	if (session) return;
	const current: Session = {keyboard: options.keyboard, suspended: false, mouse: options.mouse === true};
	session = current;
	// Starting a process costs the UI thread ~10 ms (fork): after the first frame, not before it.
	// Until then a crash is caught here; only a kill or an abort in those first moments is not.
	current.watchdogTimer = setTimeout(() => {
		if (session === current) current.watchdog = startWatchdog();
	}, 0);
	current.watchdogTimer.unref();
	write(ENTER_ALT + (current.mouse ? MOUSE_ON : ''));
	process.once('exit', leaveAlternateScreen);
	// Ctrl+C before Ink has put the terminal in raw mode arrives as SIGINT.
	for (const signal of ENDING_SIGNALS) process.once(signal, () => raise(signal));
	process.on('SIGTSTP', suspend);
	process.on('SIGCONT', resume);
	process.once('uncaughtException', (error) => {
		leaveAlternateScreen();
		process.stderr.write(`khao: internal error: ${stripUnsafe(error.stack ?? String(error))}\n`);
		process.exit(70);
	});
}

/** What to do once when the reader ends, however it ends (q, a signal, a crash): synchronous. */
export function onLeave(leaving: () => void): void {
	if (session) session.leaving = leaving;
}

/** What redraws the whole frame when the screen comes back after `fg`. */
export function onRepaint(repaint: () => void): void {
	if (session) session.repaint = repaint;
}

/**
 * Makes Ink draw its whole frame again. Ink only repaints everything when the terminal gets
 * narrower (otherwise it writes what changed, and nothing did), so it is told so for one event.
 */
export function repaintInk(stdout: NodeJS.WriteStream = process.stdout): void {
	const columns = stdout.columns;
	if (!columns || columns < 2) return;
	stdout.columns = columns - 1;
	stdout.emit('resize');
	stdout.columns = columns;
	stdout.emit('resize');
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
