// Runs a command in a real pseudo-terminal (util-linux `script`), so that it sees a TTY exactly as
// when a person starts it, and lets a benchmark wait for what appears on the screen.
import {spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

export interface PtyRun {
	child: ChildProcess;
	output(): string;
	/** Resolves with the elapsed ms since spawn when `pattern` has appeared in the output. */
	waitFor(pattern: RegExp | string, timeoutMs?: number): Promise<number>;
	send(keys: string): void;
	/** The pid of the command itself (the child of `script`). */
	commandPid(): number | undefined;
	stop(): Promise<void>;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function runInPty(argv: string[], opts: {columns?: number; rows?: number; env?: NodeJS.ProcessEnv; cwd?: string} = {}): PtyRun {
	const columns = opts.columns ?? 100;
	const rows = opts.rows ?? 30;
	const command = `stty cols ${columns} rows ${rows}; exec ${argv.map(quote).join(' ')}`;
	const started = performance.now();
	const child = spawn('script', ['-qfec', command, '/dev/null'], {
		cwd: opts.cwd,
		// A run never reads or writes the user's reading state unless the caller names a state folder.
		env: {...process.env, TERM: 'xterm-256color', KHAO_STATE_DIR: 'off', ...opts.env},
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let out = '';
	const waiters: {pattern: RegExp | string; resolve: (ms: number) => void}[] = [];
	const check = () => {
		for (let i = waiters.length - 1; i >= 0; i--) {
			const w = waiters[i]!;
			if (typeof w.pattern === 'string' ? out.includes(w.pattern) : w.pattern.test(out)) {
				waiters.splice(i, 1);
				w.resolve(performance.now() - started);
			}
		}
	};
	child.stdout!.on('data', (d: Buffer) => {
		out += d.toString('utf8');
		check();
	});
	child.stderr!.on('data', (d: Buffer) => {
		out += d.toString('utf8');
	});
	return {
		child,
		output: () => out,
		waitFor(pattern, timeoutMs = 30_000) {
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`timed out waiting for ${String(pattern)}; output tail: ${JSON.stringify(out.slice(-300))}`)), timeoutMs);
				waiters.push({
					pattern,
					resolve: (ms) => {
						clearTimeout(timer);
						resolve(ms);
					},
				});
				check();
			});
		},
		send(keys) {
			child.stdin!.write(keys);
		},
		commandPid() {
			try {
				const children = fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/);
				return children[0] ? Number(children[0]) : undefined;
			} catch {
				return undefined;
			}
		},
		async stop() {
			if (child.exitCode !== null) return;
			const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			child.kill('SIGTERM');
			const pid = this.commandPid();
			if (pid) {
				try {
					process.kill(pid, 'SIGTERM');
				} catch {}
			}
			const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
			await done;
			clearTimeout(timer);
		},
	};
}

/** Peak resident memory (VmHWM) of a process, in bytes. */
export function peakRss(pid: number): number | undefined {
	try {
		const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) * 1024 : undefined;
	} catch {
		return undefined;
	}
}

export function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A pause of the UI thread's event loop: when (ms since the preload ran), how long, and the thread's CPU time in it. */
export interface UiStep {
	at: number;
	wallMs: number;
	cpuMs: number;
	/** When it began on the monotonic clock, µs (V8's CPU profiles count on it: bench/ui-steps.ts). */
	hrUs?: number;
}

// Runs in the measured process (node --import): a 2 ms timer on the main thread only (not in the
// workers), and each gap between its ticks longer than KHAO_STEPS_MIN_MS written out with the main
// thread's own CPU time across it (/proc's schedstat, in ns), which a loaded machine inflates far
// less than the wall time.
const STEPS_PRELOAD = `
import fs from 'node:fs';
import {isMainThread} from 'node:worker_threads';
if (isMainThread && process.env.KHAO_STEPS_LOG) {
	const fd = fs.openSync(process.env.KHAO_STEPS_LOG, 'a');
	const min = Number(process.env.KHAO_STEPS_MIN_MS || 20);
	const stat = '/proc/self/task/' + process.pid + '/schedstat';
	const cpu = () => Number(fs.readFileSync(stat, 'latin1').split(' ')[0]) / 1e6;
	const t0 = performance.now();
	const hrOffset = Number(process.hrtime.bigint()) / 1e3 - t0 * 1e3;
	let last = t0;
	let lastCpu = cpu();
	setInterval(() => {
		const now = performance.now();
		const c = cpu();
		if (now - last > min) fs.writeSync(fd, JSON.stringify({at: last - t0, wallMs: now - last, cpuMs: c - lastCpu, hrUs: Math.round(hrOffset + last * 1e3)}) + '\\n');
		last = now;
		lastCpu = c;
	}, 2).unref();
}
`;

/**
 * The UI thread's long steps in a process started with `args` before its script (e.g.
 * `['node', ...ui.args, cli]`) and `env` in its environment: `steps()` reads what it logged so far.
 */
export function uiSteps(minMs = 20): {args: string[]; env: NodeJS.ProcessEnv; steps(): UiStep[]} {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khao-ui-steps-'));
	const preload = path.join(dir, 'preload.mjs');
	const log = path.join(dir, 'steps.jsonl');
	fs.writeFileSync(preload, STEPS_PRELOAD);
	process.on('exit', () => fs.rmSync(dir, {recursive: true, force: true}));
	return {
		args: ['--import', pathToFileURL(preload).href],
		env: {KHAO_STEPS_LOG: log, KHAO_STEPS_MIN_MS: String(minMs)},
		steps: () => {
			try {
				return fs
					.readFileSync(log, 'utf8')
					.split('\n')
					.filter(Boolean)
					.map((line) => JSON.parse(line) as UiStep);
			} catch {
				return [];
			}
		},
	};
}
