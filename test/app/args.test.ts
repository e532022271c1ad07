import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseArguments} from '../../source/app/args.js';

const usage = (...argv: string[]) => {
	const r = parseArguments(argv);
	assert.equal(r.kind, 'usage', `${JSON.stringify(argv)} is a usage error`);
	return r.kind === 'usage' ? r.message : '';
};

test('flags and PATH', () => {
	const r = parseArguments(['-p', 'some/dir', '-w', '60', '--no-cache', '--no-state', '--entities-file=names.json']);
	assert.deepEqual(r, {
		kind: 'run',
		input: ['some/dir'],
		flags: {print: true, list: false, entities: false, index: false, json: false, cache: false, state: false, mouse: true, width: 60, entitiesFile: 'names.json'},
	});
	const s = parseArguments(['-s', 'คำค้น', '--json', '-']);
	assert.equal(s.kind === 'run' && s.flags.search, 'คำค้น');
	assert.deepEqual(s.kind === 'run' && s.input, ['-']);
	assert.deepEqual(parseArguments(['--', '-p']), {
		kind: 'run',
		input: ['-p'],
		flags: {print: false, list: false, entities: false, index: false, json: false, cache: true, state: true, mouse: true},
	});
	assert.equal((parseArguments(['--no-mouse']) as {flags: {mouse: boolean}}).flags.mouse, false);
});

test('--help and --version win wherever they stand', () => {
	assert.equal(parseArguments(['some/dir', '--help']).kind, 'help');
	assert.equal(parseArguments(['--bogus', '-h']).kind, 'help');
	assert.equal(parseArguments(['-l', '--version']).kind, 'version');
	assert.equal(parseArguments(['--', '--help']).kind, 'run', 'after -- it is a PATH');
});

test('usage errors are one printable line naming the problem', () => {
	const unknown = usage('--\u001B]0;title\u0007x');
	assert.doesNotMatch(unknown, /[\u0000-\u001F\u007F-\u009F]/);
	assert.match(unknown, /unknown option --\\u\{1b\}\]0;title\\u\{7\}x/);
	assert.ok(usage('--' + 'y'.repeat(5000)).length < 80, 'a huge flag is cut short');
	assert.match(usage('-w', '20', '-w', '30'), /--width given more than once/);
	assert.match(usage('--no-search'), /--search cannot be turned off/);
	assert.match(usage('--no-entities-file'), /--entities-file cannot be turned off/);
	assert.match(usage('--no-print'), /--print cannot be turned off/);
	assert.match(usage('--search'), /--search needs a value/);
	assert.match(usage('--width', '--print'), /--width needs a value/);
	assert.match(usage('-w', '12abc'), /--width takes a whole number/);
	assert.match(usage('--print=yes'), /--print takes no value/);
	assert.match(usage('-x'), /unknown option -x/);
});

test('a number flag takes a whole number in its range; the flags come from one table', async () => {
	const r = parseArguments(['--text-width', '72', '--width=40']);
	assert.equal(r.kind === 'run' && r.flags.textWidth, 72);
	assert.equal(r.kind === 'run' && r.flags.width, 40);
	assert.match(usage('--text-width', '10'), /--text-width takes a whole number from 20 to 1000/);
	assert.match(usage('--text-width', '1e3'), /--text-width takes a whole number/);
	assert.match(usage('-w', '5'), /--width takes a whole number from 8 to 1000/);
	assert.match(usage('--no-text-width'), /--text-width cannot be turned off/);
	const {FLAGS, flagUsage} = await import('../../source/app/flags.js');
	const {helpText} = await import('../../source/app/run.js');
	const help = helpText();
	const readme = (await import('node:fs')).readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
	const options = readme.slice(readme.indexOf('## Options'), readme.indexOf('### Exit codes'));
	for (const def of FLAGS) {
		assert.ok(help.includes(flagUsage(def)), `--help shows ${flagUsage(def)}`);
		assert.ok(help.includes(def.help), `--help says what --${def.name} does`);
		assert.ok(options.includes('`--' + ('negatable' in def && def.negatable ? 'no-' : '') + def.name), `README Options lists --${def.name}`);
	}
});

test('--help lists every key the reader has', async () => {
	const {helpText} = await import('../../source/app/run.js');
	const {describedRows} = await import('../../source/ui/key-lines.js');
	const help = helpText();
	for (const row of describedRows()) assert.ok(help.includes(row.keys) && help.includes(row.what), `--help has ${row.keys}`);
});
