// Detection alone as one pool worker runs it, cold (a fresh isolate, batches of 64, the pool's
// inlining budget), bundled with the product's esbuild flags: this thread's CPU and V8's helper
// threads' (its optimising compiler, its collector's tasks), then a second, traced run for counts
// that do not depend on the host's speed: optimised compiles and deoptimisations (--trace-opt,
// --trace-deopt), scavenges and full collections with the bytes allocated (--trace-gc-nvp), and
// Intl.Segmenter's segment() calls. The cold 10,000-article bench's CPU moved 17–31 s for the same
// code on the shared machine; these counts do not (bench/HISTORY.md, stop 29).
// Run: node --import tsx bench/detect-thread.ts [file] [articles]
import {buildSync} from 'esbuild';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {thaigov2k} from './data.js';
import {INLINING_BUDGET} from '../source/workers/pool.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The child: detects the file's first `n` articles cold and prints one RESULT line. */
const CHILD = `
import {readFileSync} from 'node:fs';
import {detectMentionsOfBatch} from './source/entities/find-mentions.ts';
import {encodeMentions} from './source/entities/mention-codec.ts';
import {sharedTagger} from './source/entities/model/load.ts';
const [file, n] = [process.argv[2], Number(process.argv[3])];
let segments = 0;
if (process.env.KHAO_COUNT_SEGMENTS) {
	const proto = Intl.Segmenter.prototype;
	const segment = proto.segment;
	proto.segment = function (s) { segments++; return segment.call(this, s); };
}
const articles = readFileSync(file, 'utf8').split('\\n').filter((l) => l.trim() !== '').slice(0, n).map((l) => ({text: JSON.parse(l).body ?? ''}));
const thread = () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e9;
const cpu0 = process.cpuUsage();
const t0 = thread();
let mentions = 0;
for (let i = 0; i < articles.length; i += 64) {
	const out = detectMentionsOfBatch(articles.slice(i, i + 64));
	encodeMentions(out);
	for (const a of out) mentions += a.length;
}
const t = thread() - t0;
const c = process.cpuUsage(cpu0);
if (sharedTagger() === null) throw new Error('no tagger: the weights were not found');
console.log('RESULT', articles.length, t.toFixed(2), ((c.user + c.system) / 1e6 - t).toFixed(2), mentions, segments);
`;

export interface ThreadRun {
	articles: number;
	thread: number;
	helpers: number;
	mentions: number;
}

export interface ThreadCounts {
	compiles: number;
	deopts: number;
	scavenges: number;
	fullCollections: number;
	allocatedMb: number;
	segmentCalls: number;
}

function run(bundle: string, file: string, n: number, flags: string[], env: NodeJS.ProcessEnv = {}): string {
	const out = spawnSync(process.execPath, [`--max-inlined-bytecode-size-cumulative=${INLINING_BUDGET}`, ...flags, bundle, file, String(n)], {
		encoding: 'utf8',
		maxBuffer: 1 << 30,
		env: {...process.env, ...env},
	});
	if (out.status !== 0) throw new Error(`detection run failed: ${out.stderr.split('\n')[0]}`);
	return out.stdout;
}

function result(stdout: string): string[] {
	const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
	if (line === undefined) throw new Error('no RESULT line');
	return line.split(' ');
}

export function runDetectThread(file = thaigov2k, n = 2000): {cpu: ThreadRun; counts: ThreadCounts} {
	// Next to dist/cli.js, where the model's weights are found as the product finds them.
	const bundle = path.join(root, 'dist', `detect-thread-${process.pid}.mjs`);
	try {
		buildSync({
			stdin: {contents: CHILD, resolveDir: root, loader: 'ts'},
			bundle: true,
			platform: 'node',
			format: 'esm',
			target: 'node20',
			outfile: bundle,
			minify: true,
			keepNames: true,
			logLevel: 'warning',
			banner: {js: "import {createRequire as __khaoCreateRequire} from 'node:module'; const require = __khaoCreateRequire(import.meta.url);"},
		});
		const [, articles, thread, helpers, mentions] = result(run(bundle, file, n, []));
		const traced = run(bundle, file, n, ['--trace-opt', '--trace-deopt', '--trace-gc-nvp'], {KHAO_COUNT_SEGMENTS: '1'});
		const lines = traced.split('\n');
		const count = (re: RegExp): number => lines.filter((l) => re.test(l)).length;
		let allocated = 0;
		for (const l of lines) allocated += Number(/ allocated=(\d+)/.exec(l)?.[1] ?? 0);
		return {
			cpu: {articles: Number(articles), thread: Number(thread), helpers: Number(helpers), mentions: Number(mentions)},
			counts: {
				compiles: count(/^\[completed compiling/),
				deopts: count(/^\[bailout/),
				scavenges: count(/ gc=s /),
				fullCollections: count(/ gc=mc /),
				allocatedMb: Math.round(allocated / 1e6),
				segmentCalls: Number(result(traced)[5]),
			},
		};
	} finally {
		fs.rmSync(bundle, {force: true});
	}
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
	const file = process.argv[2] ?? thaigov2k;
	const n = process.argv[3] === undefined ? 2000 : Number(process.argv[3]);
	const {cpu, counts} = runDetectThread(file, n);
	console.log(`Detection alone, cold, one thread as a pool worker runs it: ${cpu.articles} articles of ${file}`);
	console.log(
		`this thread ${cpu.thread.toFixed(2)} s, V8's helper threads ${cpu.helpers.toFixed(2)} s, ${cpu.mentions} mentions (load average ${os.loadavg()[0]!.toFixed(1)})`,
	);
	console.log(
		`optimised compiles ${counts.compiles}, deoptimisations ${counts.deopts}, scavenges ${counts.scavenges}, full collections ${counts.fullCollections}, allocated ${counts.allocatedMb} MB, segment() calls ${counts.segmentCalls}`,
	);
}
