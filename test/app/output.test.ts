import {test} from 'node:test';
import assert from 'node:assert/strict';
import {Writable} from 'node:stream';
import {writeOut} from '../../source/app/output.js';
import {reasonOf} from '../../source/corpus/errors.js';

function failing(code: string, message: string): Writable {
	return new Writable({
		write(_chunk, _encoding, callback) {
			callback(Object.assign(new Error(message), {code}));
		},
	});
}

test('a write error is reported in words; EPIPE means the reader left', async () => {
	assert.deepEqual(await writeOut('x', failing('EPIPE', 'EPIPE: broken pipe, write')), {ok: false, closed: true});
	const full = await writeOut('x', failing('ENOSPC', 'ENOSPC: no space left on device, write'));
	assert.equal(full.ok || full.closed, false);
	assert.match(!full.ok && !full.closed ? full.message : '', /^cannot write the output: no space left on the device \(ENOSPC\)$/);
	const io = await writeOut('x', failing('EIO', 'EIO: i/o error, write'));
	assert.match(!io.ok && !io.closed ? io.message : '', /i\/o error \(EIO\)/);
	const sink: string[] = [];
	const fine = new Writable({
		write(chunk, _e, callback) {
			sink.push(String(chunk));
			callback();
		},
	});
	assert.deepEqual(await writeOut('ข่าว', fine), {ok: true});
	assert.deepEqual(sink, ['ข่าว']);
});

test('error codes come in words, the code in brackets, never alone', () => {
	const sys = (code: string, words: string) => Object.assign(new Error(`${code}: ${words}, read`), {code});
	assert.equal(reasonOf(sys('EIO', 'i/o error')), 'i/o error (EIO)');
	assert.equal(reasonOf(sys('EAGAIN', 'resource temporarily unavailable')), 'resource temporarily unavailable (EAGAIN)');
	assert.match(
		reasonOf(Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), {code: 'ERR_STRING_TOO_LONG'})),
		/^too large .*\(ERR_STRING_TOO_LONG\)$/,
	);
	assert.equal(reasonOf(Object.assign(new Error('something odd'), {code: 'EWEIRD'})), 'something odd (EWEIRD)');
	assert.equal(reasonOf(Object.assign(new Error('EWEIRD'), {code: 'EWEIRD'})), 'EWEIRD', 'nothing better to say');
});

test('output written in many pieces keeps one error listener, not one a piece', async () => {
	const fine = new Writable({
		write(_chunk, _e, callback) {
			callback();
		},
	});
	const before = fine.listenerCount('error');
	for (let i = 0; i < 50; i++) assert.deepEqual(await writeOut(`piece ${i}\n`, fine), {ok: true});
	assert.ok(fine.listenerCount('error') <= before + 1, `${fine.listenerCount('error')} listeners`);
});
