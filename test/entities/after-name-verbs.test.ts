// A body's name run on into its clause (issue 7, junk25): a verb that Thai NER 1.5's annotators read
// after names and never as a name's last word (after-name-verbs.ts, learned) ends the name before it.
// Sentences written for the test; each case has a must-keep twin.
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, it} from 'node:test';
import {afterNameVerbs} from '../../bench/build-after-name-verbs.js';
import {trainingTextsWithoutVal} from '../../bench/thainer.js';
import {AFTER_NAME_VERBS} from '../../source/entities/detect/after-name-verbs.js';
import {namedIn as named, namedWhenTagged} from './helpers.js';

const TRAIN = fileURLToPath(new URL('../../../shared/data/thainer-1.5/train.txt', import.meta.url));
const VAL = fileURLToPath(new URL('../../../shared/data/thainer-1.5/val.txt', import.meta.url));

describe("a body's name ending on a verb that opens the clause after names", () => {
	it('ends before the verb', () => {
		assert.deepEqual(namedWhenTagged('ทั้งนี้ มูลนิธิสายใจไทยพิจารณา แล้วเห็นชอบ', 'organization'), ['มูลนิธิสายใจไทย']);
		assert.deepEqual(named('ล่าสุด กระทรวงพลังงานพิจารณาปรับลดราคาน้ำมันดีเซล', 'organization'), ['กระทรวงพลังงาน']);
		// Twins: a verb after a word that seldom ends a name (ยาเสพ|ติด, การ|ลงทุน, น้ำ|เสีย), and the
		// second half of a compound the segmenter cuts in two (บ่ม|เพาะ) are the name's.
		assert.deepEqual(namedWhenTagged('ทั้งนี้ สำนักงานป้องกันยาเสพติด แถลงผลงาน', 'organization'), ['สำนักงานป้องกันยาเสพติด']);
		assert.deepEqual(namedWhenTagged('ทั้งนี้ มูลนิธิส่งเสริมการลงทุน แถลงผลงาน', 'organization'), ['มูลนิธิส่งเสริมการลงทุน']);
		assert.deepEqual(namedWhenTagged('ทั้งนี้ องค์การจัดการน้ำเสีย แถลงผลงาน', 'organization'), ['องค์การจัดการน้ำเสีย']);
		assert.deepEqual(named('ทั้งนี้ ศูนย์บ่มเพาะ แถลงผลงาน', 'organization'), ['ศูนย์บ่มเพาะ']);
	});

	it('is closed by the verb, as by a space: the clause runs on after it', () => {
		// Without the verb's close the body, run on into its clause, has no clear end and is dropped.
		assert.deepEqual(namedWhenTagged('ต่อมา สำนักงานศาลยุติธรรมพิจารณาเรื่องนี้แล้ว', 'organization'), ['สำนักงานศาลยุติธรรม']);
		// Twins: a head with one word left may be a kind of body (ศูนย์|ติว): the verb shows no name.
		assert.deepEqual(namedWhenTagged('ต่อมา ศูนย์ติวพิจารณา แล้วเห็นชอบ', 'organization'), []);
		// Two bodies joined by และ stay open, to be cut back to the name the article writes alone.
		assert.deepEqual(namedWhenTagged('กระทรวงคมนาคม แถลงว่า ต่อมา กระทรวงคมนาคมและกรมทางหลวงพิจารณาเรื่องนี้แล้ว', 'organization'), ['กระทรวงคมนาคม', 'กระทรวงคมนาคม']);
	});

	it("not a place's: sub-districts are named with everyday words, verbs too", () => {
		assert.deepEqual(named('ที่ตำบลโพธิ์เสด็จ อำเภอเมือง', 'place')[0], 'ตำบลโพธิ์เสด็จ');
	});

	it('the shipped verbs are what bench/build-after-name-verbs.ts learns from Thai NER 1.5', {skip: !existsSync(TRAIN) && 'no ../shared/data'}, () => {
		assert.deepEqual([...AFTER_NAME_VERBS], afterNameVerbs(trainingTextsWithoutVal(TRAIN, VAL)));
	});
});
