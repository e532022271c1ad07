// Every detection candidate has one shape (the same fields in the same order): the large functions
// that read candidates are optimised by V8 for the shapes they have seen, and each new one threw
// their optimised code away (bench/HISTORY.md, stop 24). Sentences written for the test.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {type Candidate, DetectionContext, PRIORITY, uniformCandidate} from '../../source/entities/detect/context.js';
import {detectDefinitions} from '../../source/entities/detect/definitions.js';
import {detectLatin} from '../../source/entities/detect/latin.js';
import {detectPersonBrackets} from '../../source/entities/detect/person-brackets.js';
import {Occupancy, detectRepeats} from '../../source/entities/detect/repeats.js';
import {detectThaiAbbreviations} from '../../source/entities/detect/abbreviations.js';
import {detectRegisteredCompanies, detectStateEnterprises, detectThaiTriggers} from '../../source/entities/detect/thai-triggers.js';

const TEXT =
	'นายสมปอง ใจเย็น รัฐมนตรีว่าการกระทรวงพาณิชย์ พบกับ Mr. Pierre Lantier ที่จังหวัดเชียงใหม่ ' +
	'ร่วมกับสำนักงานคณะกรรมการส่งเสริมการลงทุน (BOI) และ สธ. ต่อมา สมปอง ใจเย็น กล่าวว่า ใจเย็น ยินดี และ BOI จะช่วย';

const keysOf = (c: Candidate): string => Object.keys(c).join(',');

describe('detection candidates', () => {
	it('made from different fields have one shape', () => {
		const a = uniformCandidate({start: 0, end: 3, kind: 'place', rule: 'gazetteer', priority: PRIORITY.gazetteer, placeKey: 'TH-50', closed: true});
		const b = uniformCandidate({start: 4, end: 9, kind: 'person', rule: 'title', priority: PRIORITY.person, title: 'นาย', titleStart: 1, tokens: 2});
		assert.equal(keysOf(a), keysOf(b));
		assert.equal(a.placeKey, 'TH-50');
		assert.equal(b.placeKey, undefined);
		assert.equal(b.title, 'นาย');
	});

	it('found by the rules and by the repeats all have the shape of one', () => {
		const ctx = new DetectionContext(TEXT);
		detectThaiTriggers(ctx);
		detectStateEnterprises(ctx);
		detectRegisteredCompanies(ctx);
		detectThaiAbbreviations(ctx);
		detectLatin(ctx);
		detectDefinitions(ctx);
		detectPersonBrackets(ctx);
		const rules = new Set(ctx.candidates.map((c) => c.rule));
		// The sentence reaches several rules, each writing its own fields.
		assert.ok(rules.size >= 3, [...rules].join(' '));
		const occupied = new Occupancy(TEXT.length);
		for (const c of ctx.candidates) {
			c.group ??= ctx.newGroup();
			occupied.mark(c.start, c.end);
		}
		const repeats = detectRepeats(ctx, ctx.candidates, occupied);
		assert.ok(repeats.length > 0);
		const shape = keysOf(uniformCandidate({start: 0, end: 1, kind: 'other', rule: 'x', priority: 0}));
		for (const c of [...ctx.candidates, ...repeats]) assert.equal(keysOf(c), shape, `${c.rule} ${TEXT.slice(c.start, c.end)}`);
	});
});
