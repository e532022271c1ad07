#!/usr/bin/env node
import process from 'node:process';
import {isMainThread} from 'node:worker_threads';
import {parseArguments} from './source/app/args.js';
import {EXIT, helpText, print, runCli, usageError} from './source/app/run.js';
import {stripUnsafe} from './source/text/sanitize.js';
import packageJson from './package.json' with {type: 'json'};

// The bundle's banner hides the global fetch while modules load: Ink's layout engine (yoga, an
// emscripten build) probes `typeof fetch`, and touching it makes Node load its whole HTTP client
// (~25 ms of every start) only to read the engine from a data: URL. It falls back to decoding
// the bytes itself. Put fetch back now that everything is loaded.
declare const __khaoFetch: PropertyDescriptor | undefined;
if (typeof __khaoFetch !== 'undefined' && __khaoFetch) Object.defineProperty(globalThis, 'fetch', __khaoFetch);

// A worker thread started from this bundle is a pool worker (source/workers/), nothing else.
if (!isMainThread) {
	const {runPoolWorker} = await import('./source/workers/worker-main.js');
	await runPoolWorker();
}

const parsed = parseArguments(process.argv.slice(2));
if (parsed.kind === 'help') process.exit(await print(`\n${helpText().replace(/^\n+|\n+$/g, '')}\n\n`));
if (parsed.kind === 'version') process.exit(await print(`${packageJson.version}\n`));
if (parsed.kind === 'usage') process.exit(usageError(parsed.message));

let code: number;
try {
	code = await runCli(parsed.input, parsed.flags, import.meta.url);
} catch (error) {
	// The screen is already restored (reader.tsx); say what went wrong in one place.
	const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
	process.stderr.write(`khao: internal error: ${stripUnsafe(detail)}\n`);
	code = EXIT.crash;
}
// Exit explicitly: background work (loading, indexing) must not keep a finished command alive.
process.exit(code);
