import {test} from 'node:test';
import assert from 'node:assert/strict';
import {findDate, isDateLine, parseDate} from '../../source/corpus/date.js';

function iso(s: string): string | undefined {
	return findDate(s)?.date.iso;
}

test('Thai abbreviated months with Buddhist-era years', () => {
	assert.equal(iso('ปักกิ่ง, 4 ก.ค. 2567/PRNewswire/ -- ข่าว'), '2024-07-04');
	assert.equal(iso('1 ม.ค. 2566'), '2023-01-01');
	assert.equal(iso('28 ก.พ.2567'), '2024-02-28');
	assert.equal(iso('5 ก. ค. 2567'), '2024-07-05');
	assert.equal(iso('10 มี.ค. 2560'), '2017-03-10');
});

test('Thai full month names, with weekday and วันที่', () => {
	const found = findDate('เช้าวันที่ 19 ธันวาคม 2566 ณ กรุงฮานอย')!;
	assert.equal(found.date.iso, '2023-12-19');
	assert.equal(found.date.text, 'วันที่ 19 ธันวาคม 2566');
	const weekday = findDate('วันจันทร์ที่ 24 สิงหาคม 2563')!;
	assert.deepEqual({...weekday.date}, {year: 2020, month: 8, day: 24, iso: '2020-08-24', text: 'วันจันทร์ที่ 24 สิงหาคม 2563'});
	assert.equal(weekday.start, 0);
	assert.equal(iso('3 กรกฏาคม 2565'), '2022-07-03'); // the common misspelling
	assert.equal(iso('12 พฤศจิกายน พ.ศ. 2565'), '2022-11-12');
});

test('Thai digits and two-digit Buddhist-era years', () => {
	assert.equal(iso('เมื่อวันที่ ๗ พ.ย.๖๕ เพื่อนำเสนอ'), '2022-11-07');
	assert.equal(iso('วันนี้ (24 ส.ค.63) เวลา 8.30 น.'), '2020-08-24');
	assert.equal(iso('๑๙ ธันวาคม ๒๕๖๖'), '2023-12-19');
});

test('English dates and ISO dates', () => {
	assert.equal(iso('16 November 2022'), '2022-11-16');
	assert.equal(iso('Published: November 16, 2022'), '2022-11-16');
	assert.equal(iso('Monday, 3rd of Jan. 2022'), '2022-01-03');
	assert.equal(iso('2022-11-16'), '2022-11-16');
	assert.equal(iso('2567-07-04'), '2024-07-04');
	assert.equal(iso('16/11/2565'), '2022-11-16');
});

test('the first date in the text wins', () => {
	assert.equal(iso('ระหว่าง 2 มกราคม 2567 ถึง 1 ม.ค. 2566'), '2024-01-02');
	assert.equal(iso('2022-01-05 and 1 March 2020'), '2022-01-05');
});

test('non-dates are not dates', () => {
	assert.equal(findDate('ระหว่างวันที่ 15-16 กันยายน เพื่อแสดง'), undefined); // no year
	assert.equal(findDate('30 ก.พ. 2567'), undefined); // no such day
	assert.equal(findDate('3 มกราคม 10 คน'), undefined); // two digits after a full month name are a count
	assert.equal(findDate('ราคา 2567 บาท'), undefined);
	assert.equal(findDate('version 1.2.2023.4'), undefined);
	assert.equal(findDate('32 March 2020'), undefined);
	assert.equal(findDate('16 Mayday 2022'), undefined);
});

test('29 February only in leap years (after the B.E. conversion)', () => {
	assert.equal(iso('29 ก.พ. 2567'), '2024-02-29');
	assert.equal(iso('29 ก.พ. 2566'), undefined);
});

test('parseDate keeps the raw field as text and reads ISO timestamps', () => {
	assert.deepEqual(parseDate('วันพฤหัสบดีที่ 3 กันยายน 2563'), {year: 2020, month: 9, day: 3, iso: '2020-09-03', text: 'วันพฤหัสบดีที่ 3 กันยายน 2563'});
	assert.equal(parseDate('2022-11-16T08:30:00+07:00')?.iso, '2022-11-16');
	assert.equal(parseDate('\u001b[31m1 May 2020\u001b[0m')?.text, '1 May 2020');
	assert.equal(parseDate('sometime'), undefined);
});

test('a line that is only a date (labels and a time allowed)', () => {
	for (const line of ['16 November 2022', 'วันที่ 4 ก.ค. 2567', 'Date: 2022-11-16', 'วันจันทร์ที่ 24 สิงหาคม 2563 เวลา 10.30 น.', '(๗ พ.ย.๖๕)']) {
		assert.equal(isDateLine(line, findDate(line)!), true, line);
	}
	const prose = 'เช้าวันที่ 19 ธันวาคม 2566 ณ กรุงฮานอย';
	assert.equal(isDateLine(prose, findDate(prose)!), false);
});
