// The keys a mention contributes to cross-article linking: two groups sharing any key are one
// entity. Exact keys compare names after normalisation (Thai↔Thai needs this). Phonetic keys link
// transliterations, only where that is safe: a foreign person's full name (several tokens) by the
// coarse cross-script key, word by word (Hun Manet = ฮุน มาเนต: every word must agree, so a
// two-word name never meets a one-word one or another split of the same letters), a single foreign token only to
// another Thai spelling by the finer key that keeps vowels (มาครง = มาคร็อง, never ไบเดน = แพตเทน).
// Short forms contribute nothing: they join their full name inside the article only.

import {hasThai, phoneticKeys, thaiFineKey} from '../text/phonetic.js';
import type {DetectedMention} from './find-mentions.js';
import {ORG_HEADS, SHORT_BODY_HEADS} from './lexicon.js';
import {displayName, nameKey} from './normalize.js';

export function linkKeys(m: DetectedMention): string[] {
	if (m.short) return [];
	const group = m.kind === 'person' ? 'p' : 'n';
	const keys: string[] = [];
	if (m.placeKey !== undefined) keys.push(`g:${m.placeKey}`);
	const exact = nameKey(m.text);
	if (exact !== '') keys.push(`x:${group}:${exact}`);
	if (m.linkAlias !== undefined) keys.push(`x:${group}:${nameKey(m.linkAlias)}`);
	if (m.kind === 'organization') {
		const body = bodyNameKey(m.text);
		if (body !== undefined && body !== exact) keys.push(`x:n:${body}`);
	}
	// A Latin name of two words or more whose kind no word gave (no title, no head word) is the
	// same name as a person written exactly so elsewhere (Somchai Jaidee after its bracket).
	if (m.kind === 'other' && exact !== '' && !hasThai(m.text) && /\S\s+\S/.test(m.text.trim())) keys.push(`x:p:${exact}`);
	if (m.kind !== 'person') return keys;
	const thai = hasThai(m.text);
	if (!thai || m.foreign) {
		const tokens = m.text.trim().split(/\s+/).length;
		if (tokens >= 2) {
			for (const k of tokenwiseKeys(m.text)) keys.push(`f:${k}`);
		} else if (thai) {
			const fine = thaiFineKey(m.text);
			if (fine.length >= 4) keys.push(`t:${fine}`);
		}
	}
	return keys;
}

const MINISTRY_NOMINAL = /^กระทรวงการ(?=[ก-ฮเ-ไ])/;

/** A legal ending: บริษัท X จำกัด (มหาชน), ธนาคารX จำกัด (มหาชน), X จำกัด, a public body's สำนักงานX (องค์การมหาชน). */
const LEGAL_ENDING = /\s*(?:จำกัด\s*)?(?:\(\s*(?:องค์การ)?มหาชน\s*\))$|\s*จำกัด\s*มหาชน$|\s*จำกัด$/;

/**
 * A body's name as linking compares it when it is written another way than in full: its head
 * written out (รพ.X = โรงพยาบาลX, บมจ.X = บริษัท X), its legal ending dropped (บริษัท X จำกัด
 * (มหาชน) = บริษัท X; X (ประเทศไทย) จำกัด keeps its country: another company), a ministry's การ
 * dropped (กระทรวงการคลัง = กระทรวงคลัง, the ministry รมว.คลัง names). Undefined unless
 * a head word opens it and a name follows the head.
 */
export function bodyNameKey(text: string): string | undefined {
	let name = displayName(text);
	for (const [short, full] of SHORT_BODY_HEADS) {
		if (name.startsWith(short)) {
			name = full + name.slice(short.length).trimStart();
			break;
		}
	}
	name = name.replace(LEGAL_ENDING, '');
	// A ministry with or without the nominaliser (กระทรวงการคลัง, กระทรวงคลัง: รมว.คลัง's ministry).
	name = name.replace(MINISTRY_NOMINAL, 'กระทรวง');
	// Only a body named with its head: a name cut to "ไทย จำกัด" is no ไทย.
	const key = nameKey(name);
	if (!ORG_HEADS.some((head) => name.startsWith(head) && key.length > nameKey(head).length)) return undefined;
	return key;
}

/** Most readings of one name kept: a Latin word may read several ways (x, ph, final nh). */
const MAX_READINGS = 16;

/**
 * The coarse keys of a name word by word, joined with dots: every reading of every word (a
 * hyphen joins a word's parts). None when a word has no key, or all of them are too short to
 * tell names apart.
 */
export function tokenwiseKeys(name: string): string[] {
	let readings = [''];
	for (const word of name.trim().split(/\s+/)) {
		const keys = [...new Set(phoneticKeys(word.replace(/-/g, '')))].filter((k) => k !== '');
		if (keys.length === 0) return [];
		const next: string[] = [];
		for (const r of readings) for (const k of keys) if (next.length < MAX_READINGS) next.push(r === '' ? k : `${r}.${k}`);
		readings = next;
	}
	return readings.filter((r) => r.replace(/\./g, '').length >= 3);
}
