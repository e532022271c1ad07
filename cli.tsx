#!/usr/bin/env node
import process from 'node:process';
import {isMainThread} from 'node:worker_threads';
import meow from 'meow';
import {EXIT, helpText, runCli} from './source/app/run.js';
import {stripUnsafe} from './source/text/sanitize.js';
import packageJson from './package.json' with {type: 'json'};

// The bundle's banner hides the global fetch while modules load: Ink's layout engine (yoga, an
// emscripten build) probes `typeof fetch`, and touching it makes Node load its whole HTTP client
// (~25 ms of every start) only to read the engine from a data: URL. It falls back to decoding
// the bytes itself. Put fetch back now that everything is loaded.
declare const __khaoFetch: PropertyDescriptor | undefined;
if (typeof __khaoFetch !== 'undefined' && __khaoFetch) Object.defineProperty(globalThis, 'fetch', __khaoFetch);

// A worker thread started from this bundle builds an index (source/ui/index-worker.ts), nothing else.
if (!isMainThread) {
	const {runIndexWorker} = await import('./source/ui/index-worker.js');
	await runIndexWorker();
	process.exit(0);
}

const cli = meow(helpText(), {
	importMeta: import.meta,
	description: false,
	// Given, so that meow does not look for and normalise package.json at every start.
	pkg: {name: packageJson.name, version: packageJson.version, description: packageJson.description},
	allowUnknownFlags: false,
	flags: {
		print: {type: 'boolean', shortFlag: 'p', default: false},
		list: {type: 'boolean', shortFlag: 'l', default: false},
		search: {type: 'string', shortFlag: 's'},
		entities: {type: 'boolean', default: false},
		json: {type: 'boolean', default: false},
		width: {type: 'number', shortFlag: 'w'},
		entitiesFile: {type: 'string'},
		cache: {type: 'boolean', default: true},
	},
});

let code: number;
try {
	code = await runCli(cli.input, cli.flags, import.meta.url);
} catch (error) {
	// The screen is already restored (reader.tsx); say what went wrong in one place.
	const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
	process.stderr.write(`khao: internal error: ${stripUnsafe(detail)}\n`);
	code = EXIT.crash;
}
// Exit explicitly: background work (loading, indexing) must not keep a finished command alive.
process.exit(code);
