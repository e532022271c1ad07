import React from 'react';
import process from 'node:process';
import {render} from 'ink';
import {openCorpus} from '../corpus/index.js';
import fs from 'node:fs';
import {historyFile, SearchHistory} from '../search/history.js';
import {ReadingState, sessionFile} from './session-state.js';
import {SaveLater} from './save-later.js';
import {hyperlinksOn} from '../ui/link.js';
import type {Pointer} from '../ui/state/index.js';
import {sanitizeInline} from '../text/sanitize.js';
import {App} from '../ui/components/App.js';
import {enterAlternateScreen, keyboardStream, leaveAlternateScreen, onLeave, onRepaint, repaintInk, suspend} from '../ui/terminal.js';
import {BackgroundIndexer} from '../ui/background.js';
import {filterKeyboard} from '../ui/key-input.js';
import type {Flags} from './run.js';
import {listingCacheOf} from './listing-options.js';
import {EXIT} from './exit.js';
import {warn} from './output.js';
import {findCorrections} from './plain-entities.js';

/** The full-screen reader. Resolves with the exit code once the user quits. */
export async function runReader(target: string | undefined, flags: Flags, defaultDir: string): Promise<number> {
	// A bad corrections file is reported before anything else happens.
	const corrections = findCorrections(flags.entitiesFile, target === undefined || target === '-' ? defaultDir : target);
	const load = openCorpus(target, {defaultDir, stdin: target === '-' ? process.stdin : undefined, ...listingCacheOf(flags)});
	// Errors about PATH itself are reported before the screen changes.
	await load.ready;
	if (load.articles.length === 0) {
		await load.finished;
		if (load.articles.length === 0) {
			for (const w of load.warnings) warn(w);
			process.stderr.write(`khao: no article to show in ${sanitizeInline(target ?? defaultDir)}\n`);
			return EXIT.unreadable;
		}
	}
	const keyboard = keyboardStream();
	if (!keyboard) {
		process.stderr.write('khao: no terminal to read keys from; use --print to print the articles\n');
		return EXIT.usage;
	}
	const reading = ReadingState.open(flags.state ? sessionFile() : undefined);
	let unsaved: string | undefined;
	// A pause in the reading saves in the background (the keys are not held up); quitting saves at
	// once, taking over a background save still under way. The last save's problem is reported.
	let quitting = false;
	const saveNow = () => {
		quitting = true;
		unsaved = reading.save();
	};
	const saver = new SaveLater((urgent) => {
		if (urgent) return saveNow();
		void reading.saveInBackground().then((problem) => {
			if (!quitting) unsaved = problem;
		});
	});
	const pointers = new Set<(pointer: Pointer) => void>();
	const mouse = {
		subscribe(listener: (pointer: Pointer) => void) {
			pointers.add(listener);
			return () => void pointers.delete(listener);
		},
	};
	const writeTerminal = (sequence: string) => {
		try {
			fs.writeSync(process.stdout.fd, sequence);
		} catch {
			// The terminal is gone: nothing to copy to.
		}
	};
	enterAlternateScreen({keyboard, mouse: flags.mouse});
	// Saved on every way out, signals included (a closed terminal window is a SIGHUP).
	// A background save still writing is taken over: its file would come too late.
	onLeave(() => {
		saver.flush();
		if (reading.dirty) saveNow();
	});
	const noColor = process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '';
	const indexer = new BackgroundIndexer(load, {corrections, search: flags.cache ? {} : {cacheDir: null}});
	void indexer.start();
	const stdin = filterKeyboard(keyboard, {onSuspend: suspend, onMouse: flags.mouse ? (event) => pointers.forEach((listener) => listener(event)) : undefined});
	const instance = render(
		<App
			load={load}
			indexer={indexer}
			noColor={noColor}
			history={SearchHistory.open(historyFile())}
			textWidth={flags.textWidth}
			reading={reading}
			onReadingChange={() => saver.touch()}
			mouse={flags.mouse ? mouse : undefined}
			writeTerminal={writeTerminal}
			hyperlinks={hyperlinksOn(process.env, Boolean(process.stdout.isTTY))}
		/>,
		{stdin, exitOnCtrlC: true, patchConsole: true},
	);
	onRepaint(() => repaintInk());
	try {
		await instance.waitUntilExit();
	} finally {
		indexer.stop();
		leaveAlternateScreen();
		if (keyboard !== process.stdin) keyboard.destroy();
	}
	// Leave the warnings where the user can read them after the screen is restored.
	for (const w of load.warnings) warn(w);
	if (indexer.state.cacheWarning) warn(indexer.state.cacheWarning);
	if (unsaved) process.stderr.write(`khao: ${sanitizeInline(unsaved)}\n`);
	return EXIT.ok;
}
