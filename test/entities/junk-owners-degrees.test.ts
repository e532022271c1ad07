// Short forms of the wrong kind and kinds of body by owner (issue 7, the junk20 round): a degree's or a
// date's short form typed as a body, a body named only by its head and who owns it. Names written for
// the test (other names than the round's examples); each rule has must-keep twins, and each positive
// case fails without its rule.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {unlistedReason, type MentionEvidence} from '../../source/entities/evidence.js';
import type {EntityKind} from '../../source/entities/types.js';

const found = (rule: string, n = 1, articles = 1): MentionEvidence[] => Array.from({length: n}, (_, i) => ({rule, article: i % articles}));
const reason = (name: string, kind: EntityKind, mentions: MentionEvidence[]): string | undefined => unlistedReason({name, kind, mentions});

describe('a degree’s or a date’s short form is no body', () => {
	it('a field’s letters and บ., ม. or ด. are a degree; a month without its inner dot is a date', () => {
		assert.equal(reason('วท.บ.', 'organization', found('abbreviation', 2, 2)), 'degree');
		assert.equal(reason('บธ.ม.', 'organization', found('abbreviation')), 'degree');
		assert.equal(reason('ปร.ด.', 'organization', found('definition')), 'degree');
		assert.equal(reason('มิย.', 'organization', found('abbreviation', 3, 3)), 'date');
		assert.equal(reason('ธค.', 'organization', found('model')), 'date');
	});

	it('twins: bodies’ short forms, dotted on a unit’s or a ministry’s letters or not at all, stay', () => {
		for (const name of ['ศปก.ตร.', 'สนง.จ.', 'ป.ป.ช.', 'กทม.', 'สพฐ.', 'ศบค.มท.']) {
			assert.equal(reason(name, 'organization', found('abbreviation', 3, 3)), undefined, name);
		}
		// A month's short form that is also a body's (the civil service commission, the finance ministry).
		assert.equal(reason('กพ.', 'organization', found('abbreviation', 3, 3)), undefined);
		assert.equal(reason('กค.', 'organization', found('abbreviation', 3, 3)), undefined);
	});
});

describe('a kind of body by who owns it', () => {
	it('a head of many and a private or multinational owner, or a legal form alone, is a kind', () => {
		assert.equal(reason('โรงพยาบาลเอกชน', 'organization', found('org-head', 5, 5)), 'generic');
		assert.equal(reason('ธนาคารข้ามชาติ', 'organization', found('org-head', 2, 2)), 'generic');
		assert.equal(reason('โรงงานผลิตเอกชน', 'organization', found('org-head')), 'generic');
		assert.equal(reason('บริษัทจำกัด', 'organization', found('org-head', 4, 4)), 'generic');
		// The board of such a kind: every public company has one.
		assert.equal(reason('คณะกรรมการบริษัทมหาชน', 'organization', found('org-head', 3, 3)), 'generic');
	});

	it('twins: a name before the legal form, a body for the kind, a board with its work named stay', () => {
		assert.equal(reason('บริษัทท่าอากาศยานไทยจำกัดมหาชน', 'organization', found('org-head', 3, 3)), undefined);
		assert.equal(reason('บริษัท ขนส่งเอกชน จำกัด (มหาชน)', 'organization', found('org-head', 3, 3)), undefined);
		assert.equal(reason('สมาคมโรงพยาบาลเอกชน', 'organization', found('org-head', 3, 3)), undefined);
		assert.equal(reason('คณะกรรมการกำกับบริษัทเอกชน', 'organization', found('org-head', 3, 3)), undefined);
		assert.equal(reason('สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)', 'organization', found('org-head', 3, 3)), undefined);
	});
});
