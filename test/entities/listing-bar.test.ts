// The learned listing bar (issue 7, junk7 round): what it reads of an entity, each feature with a
// must-keep twin, the tagger's word carried per mention through detection and the mention columns,
// and the shipped table: valid, and used where clusters become entities. Names and sentences
// written for the test.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {type DetectedArticle, EntityIndexBuilder} from '../../source/entities/builder.js';
import {parseEntityCorrections} from '../../source/entities/corrections.js';
import {type DetectedMention, detectMentions} from '../../source/entities/find-mentions.js';
import {decodeArticle, encodeMentions, validColumns} from '../../source/entities/mention-codec.js';
import {BAR_FEATURES, type BarMention, FEATURE_COUNT, NameExtensions, barFeatures, belowLearnedBar, junkLogit, weighedByBar} from '../../source/entities/listing-bar.js';
import {byCodeUnits} from '../../source/text/collate.js';
import {LISTING_BAR} from '../../source/entities/listing-bar-table.js';
import {nameWordUse, parseNameWords} from '../../source/entities/name-words.js';
import type {EntityKind} from '../../source/entities/types.js';

const at = (name: (typeof BAR_FEATURES)[number]): number => BAR_FEATURES.indexOf(name);
/** `n` mentions by `rule` over `articles` articles, the tagger agreeing unless told. */
const found = (rule: string, n: number, articles: number, extra: Partial<BarMention> = {}): BarMention[] =>
	Array.from({length: n}, (_, i) => ({rule, article: i % articles, tagged: 2, ...extra}));
const features = (name: string, ms: BarMention[], extensions = 0): Float64Array => barFeatures(name, 1, ms, true, extensions);
const leftOut = (name: string, kind: EntityKind, ms: BarMention[], extensions = 0): boolean => belowLearnedBar(kind, features(name, ms, extensions));

describe('what the bar reads of an entity', () => {
	it('mentions, articles, titles and rules as shares', () => {
		const f = features('วิไลวรรณ ทองประเสริฐ', [...found('title', 3, 3, {title: 'นาง'}), ...found('model', 1, 1)]);
		assert.equal(f[at('title-share')], 0.75);
		assert.equal(f[at('model-rule-share')], 0.25);
		assert.equal(f[at('log-articles')], Math.log1p(3));
		assert.equal(f[at('log-mentions')], Math.log1p(4));
		// Twin: one mention the tagger alone found.
		const g = features('วิไลวรรณ ทองประเสริฐ', found('model', 1, 1));
		assert.equal(g[at('title-share')], 0);
		assert.equal(g[at('model-rule-share')], 1);
	});

	it("the tagger's word: same kind, another kind, nothing; unknown when it did not run", () => {
		const f = features('สมาคมผู้ปลูกชาดอยสูง', [...found('org-head', 2, 2), ...found('org-head', 1, 1, {tagged: 0}), ...found('org-head', 1, 1, {tagged: 1})]);
		assert.equal(f[at('tagged-same-share')], 0.5);
		assert.equal(f[at('untagged-share')], 0.25);
		// A model mention is the tagger's own word whatever the flag says.
		assert.equal(features('สมาคมผู้ปลูกชาดอยสูง', found('model', 2, 1, {tagged: 0}))[at('tagged-same-share')], 1);
		// Twin: with the tagger switched off nothing is known: the labelled samples' mean, not "no name".
		const off = barFeatures('สมาคมผู้ปลูกชาดอยสูง', 1, found('org-head', 2, 2, {tagged: 0}), false);
		assert.equal(off[at('tagged-same-share')], LISTING_BAR.taggerMeans[0]);
		assert.equal(off[at('untagged-share')], LISTING_BAR.taggerMeans[1]);
		// The tagger reads Thai names only: of a Latin one it knows nothing either (a titled Latin
		// person is never "untagged" evidence against a name); the Thai twin above keeps its shares.
		const latin = features('Marek Novotny', found('title-latin', 2, 1, {title: 'Mr.', tagged: 0}));
		assert.equal(latin[at('tagged-same-share')], LISTING_BAR.taggerMeans[0]);
		assert.equal(latin[at('untagged-share')], LISTING_BAR.taggerMeans[1]);
		assert.ok(!leftOut('Marek Novotny', 'person', [...found('title-latin', 1, 1, {title: 'Mr.', tagged: 0}), ...found('latin', 1, 1, {tagged: 0})]));
	});

	it("the tagger's word is counted over the Thai mentions only: its silence on a Latin spelling is no evidence", () => {
		// A titled Thai name paired with its Latin spelling: the tagger read the Thai mentions, it
		// never reads Latin script.
		const paired = [...found('title', 2, 2, {title: 'นาย', thai: true}), ...found('person-bracket', 3, 2, {tagged: 0, thai: false})];
		const f = features('ประพันธ์ ศรีวิไล', paired);
		assert.equal(f[at('tagged-same-share')], 1);
		assert.equal(f[at('untagged-share')], 0);
		// Twin: a Thai mention the tagger did not read still counts against it.
		const g = features('ประพันธ์ ศรีวิไล', [
			...found('title', 1, 1, {title: 'นาย', thai: true}),
			...found('title', 1, 1, {title: 'นาย', tagged: 0, thai: true}),
			...found('person-bracket', 3, 2, {tagged: 0, thai: false}),
		]);
		assert.equal(g[at('tagged-same-share')], 0.5);
		assert.equal(g[at('untagged-share')], 0.5);
		// Written in Latin only, whatever the entity's name: unknown, as with the tagger off.
		const latinOnly = features('ประพันธ์ ศรีวิไล', found('person-bracket', 2, 1, {tagged: 0, thai: false}));
		assert.equal(latinOnly[at('tagged-same-share')], LISTING_BAR.taggerMeans[0]);
	});

	it('through the mention columns too: each mention read by its own script', () => {
		const thai = 'ประพันธ์ ศรีวิไล';
		const latin = 'Praphan Sriwilai';
		const pair = (id: string, tagged: boolean): DetectedArticle => ({
			id,
			mentions: [
				{start: 3, end: 3 + thai.length, text: thai, kind: 'person', rule: 'title', title: 'นาย', titleStart: 0, group: 0, ...(tagged ? {tagged: 'same' as const} : {})},
				{start: 30, end: 30 + latin.length, text: latin, kind: 'person', rule: 'person-bracket', group: 0},
			],
		});
		const featuresOf = (articles: DetectedArticle[]): Float64Array | undefined => {
			const b = new EntityIndexBuilder({everyEntity: true});
			b.addDetected(articles);
			return b
				.snapshot()
				.all()
				.find((e) => e.kind === 'person' && e.aliases.includes(thai))?.barFeatures;
		};
		const f = featuresOf([pair('a0', true), pair('a1', true)]);
		assert.ok(f !== undefined);
		assert.equal(f[at('tagged-same-share')], 1);
		assert.equal(f[at('untagged-share')], 0);
		// Twin: the tagger silent on one of the two Thai mentions.
		const g = featuresOf([pair('a0', true), pair('a1', false)]);
		assert.equal(g?.[at('untagged-share')], 0.5);
	});

	it('a head and everyday words, or a head and a place the gazetteer knows', () => {
		const kind = features('ถนนสายรอง', found('place-head', 1, 1));
		assert.equal(kind[at('head-at-start')], 1);
		assert.equal(kind[at('everyday-share')], 1);
		assert.equal(kind[at('names-a-place')], 0);
		// Twin: a body named after its district.
		const named = features('โรงพยาบาลกันทรลักษ์', found('org-head', 1, 1));
		assert.equal(named[at('head-at-start')], 1);
		assert.equal(named[at('names-a-place')], 1);
		assert.ok(named[at('everyday-share')]! < 1);
	});

	it("how Thai NER 1.5's annotators use the name's words: a name ending on a word that never ends one", () => {
		const runOn = features('กระทรวงพาณิชย์ร่วมกับ', found('org-head', 1, 1));
		assert.equal(runOn[at('last-word-ends-names')], 0);
		assert.ok(runOn[at('never-name-share')]! >= 0.5);
		// Twin: the ministry's name alone ends on its own word.
		const whole = features('กระทรวงพาณิชย์', found('org-head', 1, 1));
		assert.equal(whole[at('last-word-ends-names')], 1);
		assert.equal(whole[at('never-name-share')], 0);
		assert.ok(junkLogit('organization', runOn) > junkLogit('organization', whole));
		// A person's surname the table does not list reads as a name's word.
		assert.equal(features('สุรเชษฐ์ ปัญญาวงศ์', found('title', 1, 1, {title: 'นาย'}))[at('last-word-ends-names')], 1);
	});

	it('the share of mentions right after a head of office or an officer (the bar4 round)', () => {
		const headed = features('สถาบันวิจัยพืชไร่ภูพาน', [...found('org-head', 3, 3, {headed: true}), ...found('org-head', 1, 1)]);
		assert.equal(headed[at('headed-share')], 0.75);
		// Twin: never written after a head's title.
		assert.equal(features('สถาบันวิจัยพืชไร่ภูพาน', found('org-head', 4, 4))[at('headed-share')], 0);
	});

	it('a head and only everyday words, nothing saying which one: no place, Latin, definition, short form', () => {
		const kind = features('ศูนย์รับฝากของ', found('org-head', 1, 1));
		assert.equal(kind[at('plain-words')], 1);
		// Twins: a place in the name; a second spelling (a short form); a definition; a Latin name.
		assert.equal(features('ศูนย์รับฝากของเชียงราย', found('org-head', 1, 1))[at('plain-words')], 0);
		assert.equal(barFeatures('ศูนย์รับฝากของ', 2, found('org-head', 1, 1), true)[at('plain-words')], 0);
		assert.equal(features('ศูนย์รับฝากของ', found('definition', 1, 1))[at('plain-words')], 0);
		assert.equal(features('Storage Center', found('latin', 1, 1))[at('plain-words')], 0);
		// Nor a name with no head word opening it.
		assert.equal(features('รับฝากของ', found('model', 1, 1))[at('plain-words')], 0);
	});

	it('how many words follow the head', () => {
		const kind = features('ศูนย์วิจัย', found('org-head', 1, 1));
		const named = features('ศูนย์วิจัยข้าวปทุมธานี', found('org-head', 1, 1));
		assert.ok(named[at('words-after-head')]! > kind[at('words-after-head')]!);
		assert.ok(named[at('words-after-head')]! <= 1);
	});

	it("a Latin name's everyday English words", () => {
		assert.equal(features('Online Training Room', found('latin', 1, 1))[at('latin-everyday-share')], 1);
		assert.equal(features('Online Training Room', found('latin', 1, 1))[at('latin')], 1);
		// Twin: a body's Latin name of proper words.
		assert.ok(features('Kowalczyk Foundation', found('latin', 1, 1))[at('latin-everyday-share')]! < 0.5);
	});

	it('a Latin name with no word of its own: head words and everyday words only', () => {
		for (const name of ['Summit', 'Data Center', 'Sport City']) assert.equal(features(name, found('latin', 1, 1))[at('latin-no-proper-word')], 1, name);
		// Twins: a word of its own, an acronym, a place the gazetteer knows, a Thai name.
		for (const name of ['Kowalczyk Foundation', 'PTT Station', 'Japan', 'ศูนย์ข้อมูล'])
			assert.equal(features(name, found('latin', 1, 1))[at('latin-no-proper-word')], 0, name);
		// Twin: the corpus gives it an acronym (International Data Center (IDC)): one body's name.
		assert.equal(features('International Data Center', [...found('latin', 1, 1), ...found('acronym', 1, 1)])[at('latin-no-proper-word')], 0);
	});

	it('names going on from a name: a kind opens many, a name few', () => {
		const names = ['ศูนย์บริการประชาชน', 'ศูนย์บริการประชาชนเขตบางรัก', 'ศูนย์บริการประชาชนเขตดุสิต', 'ศูนย์บริการประชาชนอำเภอพาน', 'ศูนย์ราชการ'].sort(byCodeUnits);
		const extensions = new NameExtensions(names);
		assert.equal(extensions.count('ศูนย์บริการประชาชน'), 3);
		// Twins: a full name nothing goes on from; a name whose letters only open another's run.
		assert.equal(extensions.count('ศูนย์บริการประชาชนเขตดุสิต'), 0);
		assert.equal(extensions.count('ศูนย์ราชการ'), 0);
		assert.equal(extensions.count('ศูนย์'), 5);
	});

	it('a name a more common one goes on from inside a word is that one cut short', () => {
		const mentions = new Map([
			['กรมท่าอากาศยาน', 40],
			['กรมท่าอากาศ', 2],
			['กรมการค้าภายใน', 30],
			['กรมการค้า', 2],
			['บริษัทวรรณวิภาคลาวด์', 9],
			['บริษัทวรรณวิภาคลาว', 1],
			['อำเภอพนมสารคาม', 12],
			['อำเภอพนม', 2],
			['ถนนพหลโยธิน', 20],
			['ถนนพหลโยธินนอก', 3],
		]);
		const extensions = new NameExtensions([...mentions.keys()].sort(byCodeUnits), mentions);
		assert.equal(extensions.cutShort('กรมท่าอากาศ', 2), true);
		// Twins: going on at a word's end; its word one letter short (a misspelling); a district the
		// list knows; a longer form rarer than the name (glued to the next word); the same name
		// mentioned more than its longer form.
		assert.equal(extensions.cutShort('กรมการค้า', 2), false);
		assert.equal(extensions.cutShort('บริษัทวรรณวิภาคลาว', 1), false);
		assert.equal(extensions.cutShort('อำเภอพนม', 2), false);
		assert.equal(extensions.cutShort('ถนนพหลโยธิน', 20), false);
		assert.equal(extensions.cutShort('กรมท่าอากาศ', 50), false);
	});

	it('the index does not list a body cut short inside a word when its whole name is more common', () => {
		const article = (id: string, text: string) => ({id, path: `${id}.txt`, format: 'txt' as const, title: '', text, blocks: []});
		const bodies = (...texts: string[]) => {
			const builder = new EntityIndexBuilder();
			builder.add(texts.map((t, i) => article(String(i), t)));
			return builder
				.snapshot()
				.all()
				.filter((e) => e.kind === 'organization')
				.map((e) => e.name);
		};
		const whole = ['วันนี้กรมท่าอากาศยานแถลงข่าว และกรมท่าอากาศยานยังได้ชี้แจง', 'ตามที่กรมท่าอากาศยาน ได้แจ้งไว้แล้ว'];
		assert.deepEqual(bodies(...whole, 'ตามที่กรมท่าอากาศ ได้แจ้งไว้'), ['กรมท่าอากาศยาน']);
		// Twin: alone, the short one is listed (nothing in the corpus goes on from it).
		assert.deepEqual(bodies('ตามที่กรมท่าอากาศ ได้แจ้งไว้'), ['กรมท่าอากาศ']);
	});
});

describe('the Thai NER word table', () => {
	it("reads a word's shares inside and ending a name; an unlisted word as a name's", () => {
		assert.deepEqual(nameWordUse('กับ'), {inside: 0, ending: 0});
		assert.ok(nameWordUse('กระทรวง').inside >= 0.5 && nameWordUse('กระทรวง').ending < 0.5);
		// Twin: a word the table does not list (a name's own, or too rare to say).
		assert.deepEqual(nameWordUse('ปัญญาวงศ์'), {inside: 1, ending: 1});
	});

	it('skips a damaged entry instead of reading it', () => {
		const map = parseNameWords('กับ00 ว่า7 ผิด9x  12 ไทย91');
		assert.deepEqual([...map.keys()], ['กับ', 'ไทย']);
		assert.deepEqual(map.get('ไทย'), {inside: 0.9, ending: 0.1});
	});
});

describe("the shipped table's verdict", () => {
	it('is a complete table of finite weights for the features in their order', () => {
		assert.deepEqual([...LISTING_BAR.features], [...BAR_FEATURES]);
		for (const list of [LISTING_BAR.means, LISTING_BAR.scales, LISTING_BAR.shared, ...LISTING_BAR.perKind]) {
			assert.equal(list.length, FEATURE_COUNT);
			assert.ok(list.every(Number.isFinite));
		}
		assert.equal(LISTING_BAR.perKind.length, 3);
		assert.ok(LISTING_BAR.scales.every((s) => s > 0));
		assert.ok(LISTING_BAR.thresholds.length === 3 && LISTING_BAR.thresholds.every(Number.isFinite));
		assert.equal(LISTING_BAR.taggerMeans.length, 2);
	});

	it('leaves out a kind written as one and opening many names; keeps a titled person seen often', () => {
		assert.ok(leftOut('ศูนย์ประสานงานทั่วไป', 'organization', found('org-head', 1, 1, {generic: true, tagged: 0}), 8));
		// Twin: the same wording as one body's name, seen in three articles, the tagger agreeing.
		assert.ok(!leftOut('ศูนย์ประสานงานทั่วไป', 'organization', found('org-head', 3, 3), 0));
		assert.ok(leftOut('ตลาดนัดชุมชน', 'place', found('place-head', 1, 1, {tagged: 0}), 8));
		assert.ok(!leftOut('สุรเชษฐ์ ปัญญาวงศ์', 'person', found('title', 4, 4, {title: 'นาย'})));
		assert.ok(junkLogit('person', features('สุรเชษฐ์ ปัญญาวงศ์', found('title', 4, 4, {title: 'นาย'}))) < 0);
		// 'other' is never judged.
		assert.equal(junkLogit('other', features('อะไรก็ได้', found('model', 1, 1))), -Infinity);
	});

	it('is applied where clusters become entities, with the corpus of now, and a correction lists the entity', () => {
		// A place's kind (a market of a community) seen once, the tagger reading it there, that nine
		// markets' names go on from: left out once those names are in; listed before them.
		const towns = ['เชียงแสน', 'แม่สาย', 'เวียงป่าเป้า', 'พาน', 'แม่จัน', 'ดอยหลวง', 'เทิง', 'ป่าแดด', 'ขุนตาล'];
		const mention = (text: string, group: number, tagged?: 'same'): DetectedMention => ({
			start: group * 60,
			end: group * 60 + text.length,
			text,
			kind: 'place',
			rule: 'place-head',
			group,
			...(tagged ? {tagged} : {}),
		});
		const first: DetectedArticle = {id: 'a0', mentions: [mention('ตลาดนัดชุมชน', 0, 'same')]};
		const markets: DetectedArticle = {id: 'a1', mentions: towns.map((t, i) => mention(`ตลาดนัดชุมชนอำเภอ${t}`, i, 'same'))};
		const verdict = (b: EntityIndexBuilder): string | undefined =>
			b
				.snapshot()
				.all()
				.find((e) => e.name === 'ตลาดนัดชุมชน')?.unlisted;
		const builder = new EntityIndexBuilder({everyEntity: true});
		builder.addDetected([first]);
		assert.equal(verdict(builder), undefined);
		builder.addDetected([markets]);
		// The cluster did not change, its rules' verdict is reused; the bar's is worked out anew.
		assert.equal(verdict(builder), 'learned-bar');
		const fresh = new EntityIndexBuilder({everyEntity: true});
		fresh.addDetected([first, markets]);
		assert.equal(verdict(fresh), 'learned-bar');
		// Without everyEntity it is not listed; the markets are.
		const shown = new EntityIndexBuilder();
		shown.addDetected([first, markets]);
		const names = shown
			.snapshot()
			.all()
			.map((e) => e.name);
		assert.ok(!names.includes('ตลาดนัดชุมชน'));
		assert.ok(names.includes('ตลาดนัดชุมชนอำเภอพาน'));
		// A user's correction always lists an entity.
		const corrected = new EntityIndexBuilder({corrections: parseEntityCorrections(JSON.stringify({aliases: {ตลาดนัดชุมชน: ['ตลาดนัดชาวบ้าน']}}))});
		corrected.addDetected([first, markets]);
		assert.ok(
			corrected
				.snapshot()
				.all()
				.some((e) => e.name === 'ตลาดนัดชุมชน'),
		);
	});
});

describe('a body named by its acronym read aloud (the bar4 round)', () => {
	it('is not weighed by the learned bar; a name of the same shape and letters that spell nothing is', () => {
		const verdict = (name: string): string | undefined => {
			const articles: DetectedArticle[] = Array.from({length: 3}, (_, i) => ({
				id: `a${i}`,
				mentions: [{start: 0, end: name.length, text: name, kind: 'organization', rule: 'model', group: 0, tagged: 'same'}],
			}));
			const builder = new EntityIndexBuilder({everyEntity: true});
			builder.addDetected(articles);
			return builder
				.snapshot()
				.all()
				.find((e) => e.name === name)?.unlisted;
		};
		// เอฟ|ดี|เอ: F, D, A.
		assert.equal(verdict('เอฟดีเอ'), undefined);
		// Twin: the same length and rule, no Latin letter's name in it.
		assert.equal(verdict('ฟอดีอา'), 'learned-bar');
	});

	it('weighedByBar says so for bodies only, as the trainer reads it (bar31: --moved)', () => {
		assert.equal(weighedByBar('organization', 'เอฟดีเอ'), false);
		// Twins: the letters that spell nothing, and a place or a person of the same letters.
		assert.equal(weighedByBar('organization', 'ฟอดีอา'), true);
		assert.equal(weighedByBar('place', 'เอฟดีเอ'), true);
		assert.equal(weighedByBar('person', 'เอฟดีเอ'), true);
	});
});

describe("the tagger's word per mention", () => {
	it('is set by detection and survives the mention columns (a worker, the detection cache)', () => {
		const text = 'นางสาวพิมพ์ชนก ศรีวงศ์ษา เดินทางไปจังหวัดลำพูน';
		const mentions = detectMentions({text});
		const columns = encodeMentions([mentions]);
		assert.ok(validColumns(columns, [text.length]));
		assert.deepEqual(decodeArticle(columns, 0), mentions);
		for (const m of mentions) assert.ok(m.tagged === undefined || m.tagged === 'same' || m.tagged === 'other');
		// A mention found by the tagger itself is always its word, of its kind.
		for (const m of mentions) if (m.rule === 'model') assert.equal(m.tagged, 'same');
	});

	it('the mark of a head of office is set by detection and survives the mention columns', () => {
		const text = 'นายสมปอง ใจดี ผู้อำนวยการศูนย์วิจัยพืชไร่ภูพาน เปิดงานที่ศูนย์วิจัยพืชไร่ภูพาน';
		const mentions = detectMentions({text});
		const bodies = mentions.filter((m) => m.text === 'ศูนย์วิจัยพืชไร่ภูพาน');
		assert.equal(bodies.length, 2);
		assert.equal(bodies[0]!.headed, true);
		// Twin: the same body after a verb and ที่.
		assert.equal(bodies[1]!.headed, undefined);
		const columns = encodeMentions([mentions]);
		assert.ok(validColumns(columns, [text.length]));
		assert.deepEqual(decodeArticle(columns, 0), mentions);
		// A mark above the known ones is rejected.
		columns.flags[0] = 64;
		assert.ok(!validColumns(columns, [text.length]));
	});

	it('a damaged block holding both of its marks is rejected, not read', () => {
		const text = 'กรมส่งเสริมการเกษตรแถลงข่าว';
		const mentions = [{start: 0, end: 19, text: text.slice(0, 19), kind: 'organization' as const, rule: 'org-head', group: 1, tagged: 'same' as const}];
		const columns = encodeMentions([mentions]);
		assert.ok(validColumns(columns, [text.length]));
		columns.flags[0] = columns.flags[0]! | 16;
		assert.ok(!validColumns(columns, [text.length]));
		// Twin: the other mark alone is valid.
		columns.flags[0] = 16;
		assert.ok(validColumns(columns, [text.length]));
		assert.equal(decodeArticle(columns, 0)[0]!.tagged, 'other');
	});
});
