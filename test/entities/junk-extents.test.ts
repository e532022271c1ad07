// Bodies' names cut inside a word or run on through ของ, and kinds written short (issue 7, junk18).
// Sentences written for the test; each case has a must-keep twin.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {findMentions} from '../../source/entities/find-mentions.js';
import {unlistedReason, type MentionEvidence} from '../../source/entities/evidence.js';
import {splitCompoundAt} from '../../source/entities/split-compounds.js';
import type {Mention} from '../../source/entities/types.js';

/** The names of one kind detected in a text, as written. */
const named = (text: string, kind: Mention['kind']): string[] =>
	findMentions({text})
		.filter((m) => m.kind === kind)
		.map((m) => m.text);

describe('a word the segmenter cuts inside a name', () => {
	it('is read whole: the name does not stop at its second piece', () => {
		// ช่วย|เหลือ: เหลือ alone is an everyday word that ends names.
		assert.deepEqual(named('เจ้าหน้าที่สำนักงานกองทุนเพื่อช่วยเหลือแรงงาน ลงพื้นที่', 'organization'), ['สำนักงานกองทุนเพื่อช่วยเหลือแรงงาน']);
		const text = 'กองทุนเพื่อช่วยเหลือ';
		assert.deepEqual(splitCompoundAt(text, 0, text.indexOf('เหลือ'), 'เหลือ'), {start: text.indexOf('ช่วย'), end: text.length});
	});

	it('does not carry a body on through a compound verb that opens its clause', () => {
		// Twin: ร่วม|มือ ("co-operate") is a compound too, but a clause's verb: not listed, the name ends.
		assert.deepEqual(named('ทั้งนี้กระทรวงมหาดไทยร่วมมือกับภาคเอกชน', 'organization'), ['กระทรวงมหาดไทย']);
		const text = 'มหาดไทยร่วมมือ';
		assert.equal(splitCompoundAt(text, 0, text.indexOf('มือ'), 'มือ'), undefined);
	});
});

describe('a name the segmenter cuts syllable by syllable', () => {
	it('is not cut at a syllable that is also a verb', () => {
		// ยา|มา|กา|ตะ (Yamagata): มา alone is "come".
		assert.deepEqual(named('คณะจากจังหวัดคุมาโมโตะ และจังหวัดยามากาตะ เดินทางมา', 'place'), ['จังหวัดยามากาตะ']);
	});

	it('still ends at the verb when a word of the lists follows it', () => {
		// Twin: โท|มา|ร่วม|งาน, the verb opens the clause ("came to join").
		assert.deepEqual(named('คณะจากเมืองโทมาร่วมงาน ที่นี่', 'place'), ['เมืองโท']);
	});
});

describe('an association named by its trade and its country', () => {
	it('is not cut before its own words', () => {
		assert.deepEqual(named('ผู้แทนกรมวิชาการเกษตร สมาคมชาวสวนมะพร้าวไทย สมาคมผู้ค้ามะพร้าวไทย และหอการค้าไทย', 'organization').slice(0, 2), [
			'กรมวิชาการเกษตร',
			'สมาคมชาวสวนมะพร้าวไทย',
		]);
	});

	it('does not make a name of a ministry and its clause', () => {
		// Twin: a ministry acts; the nouns after its verb are the clause's object.
		assert.deepEqual(named('ทั้งนี้ กระทรวงพาณิชย์ส่งเสริมมะพร้าวไทย ต่อไป', 'organization'), ['กระทรวงพาณิชย์']);
	});
});

describe('ของ and a bare head', () => {
	it('names no body: the owner is written short', () => {
		assert.ok(!named('ให้รายงานไปที่ศูนย์ประสานงานของกระทรวง พม. โดยเร็ว', 'organization').some((n) => n.includes('ของ')));
	});

	it('keeps a name whose owner is named in full', () => {
		assert.deepEqual(named('ให้รายงานไปที่ศูนย์ประสานงานของกระทรวงพาณิชย์ โดยเร็ว', 'organization'), ['ศูนย์ประสานงานของกระทรวงพาณิชย์']);
		// Also where the word limit fell right after the owner's head: the owner's name is read on.
		assert.deepEqual(named('เป็นประธานการประชุมคณะอนุกรรมการขับเคลื่อนการดำเนินงานด้านการค้าของกระทรวงพาณิชย์ ครั้งที่ 2', 'organization'), [
			'คณะอนุกรรมการขับเคลื่อนการดำเนินงานด้านการค้าของกระทรวงพาณิชย์',
		]);
	});
});

describe('a kind written short with ฯ', () => {
	const evidence = (elided: boolean): MentionEvidence[] => [
		{rule: 'org-head', article: 1, elided},
		{rule: 'org-head', article: 2, elided},
	];

	it('is not listed: a centre and only everyday words, the rest elided in every mention', () => {
		assert.equal(unlistedReason({name: 'ศูนย์อบรมและฝึก', kind: 'organization', mentions: evidence(true)}), 'generic');
	});

	it('keeps the same words written whole, a ministry written short, and a body of a field', () => {
		assert.equal(unlistedReason({name: 'ศูนย์อบรมและฝึก', kind: 'organization', mentions: evidence(false)}), undefined);
		assert.equal(unlistedReason({name: 'กระทรวงดิจิตอล', kind: 'organization', mentions: evidence(true)}), undefined);
		assert.equal(unlistedReason({name: 'ศูนย์วิจัย', kind: 'organization', mentions: evidence(true)}), undefined);
		assert.equal(unlistedReason({name: 'กรุงเทพ', kind: 'place', mentions: evidence(true)}), undefined);
	});
});

describe('a body ending on "leading"', () => {
	it('is a kind (the leading hospitals)', () => {
		assert.equal(unlistedReason({name: 'โรงพยาบาลเอกชนชั้นนำ', kind: 'organization', mentions: [{rule: 'org-head', article: 1}]}), 'generic');
	});

	it('keeps a name that goes on after it', () => {
		assert.equal(unlistedReason({name: 'โรงเรียนชั้นนำวิทยา', kind: 'organization', mentions: [{rule: 'org-head', article: 1}]}), undefined);
	});
});

describe('a long body’s name past the word limit', () => {
	it('is read to the end of its word run when that is near, not cut inside its last words', () => {
		assert.deepEqual(named('โดยศูนย์อำนวยการปฏิบัติการแก้ไขปัญหาการค้ามนุษย์ชายแดนภาคตะวันออก ได้รับทราบ', 'organization'), ['ศูนย์อำนวยการปฏิบัติการแก้ไขปัญหาการค้ามนุษย์ชายแดนภาคตะวันออก']);
	});

	it('twin: a name within the limit is read as before; a run-on past it is cut back to the name written whole', () => {
		assert.deepEqual(named('ผู้แทนสำนักงานคณะกรรมการกำกับและส่งเสริมการประกอบธุรกิจประกันวินาศภัย (สวภ.) ร่วมประชุม', 'organization'), [
			'สำนักงานคณะกรรมการกำกับและส่งเสริมการประกอบธุรกิจประกันวินาศภัย',
			'สวภ.',
		]);
		assert.deepEqual(named('กรมประมง แจ้งว่า กรมประมงดำเนินการพัฒนาการผลิตอาหารสัตว์น้ำจากแมลงโปรตีนสูงชนิดใหม่ สำเร็จแล้ว', 'organization'), ['กรมประมง', 'กรมประมง']);
	});
});
