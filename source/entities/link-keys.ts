// The keys a mention contributes to cross-article linking: two groups sharing any key are one
// entity. Exact keys compare names after normalisation (Thai↔Thai needs this). Phonetic keys link
// transliterations, only where that is safe: a foreign person's full name (several tokens) by the
// coarse cross-script key (Hun Manet = ฮุน มาเนต), a single foreign token only to
// another Thai spelling by the finer key that keeps vowels (มาครง = มาคร็อง, never ไบเดน = แพตเทน).
// Short forms contribute nothing: they join their full name inside the article only.

import {hasThai, phoneticKeys, thaiFineKey} from '../text/phonetic.js';
import type {DetectedMention} from './find-mentions.js';
import {nameKey} from './normalize.js';

export function linkKeys(m: DetectedMention): string[] {
	if (m.short) return [];
	const group = m.kind === 'person' ? 'p' : 'n';
	const keys: string[] = [];
	if (m.placeKey !== undefined) keys.push(`g:${m.placeKey}`);
	const exact = nameKey(m.text);
	if (exact !== '') keys.push(`x:${group}:${exact}`);
	if (m.linkAlias !== undefined) keys.push(`x:${group}:${nameKey(m.linkAlias)}`);
	// A Latin name of two words or more whose kind no word gave (no title, no head word) is the
	// same name as a person written exactly so elsewhere (Somchai Jaidee after its bracket).
	if (m.kind === 'other' && exact !== '' && !hasThai(m.text) && /\S\s+\S/.test(m.text.trim())) keys.push(`x:p:${exact}`);
	if (m.kind !== 'person') return keys;
	const thai = hasThai(m.text);
	if (!thai || m.foreign) {
		const tokens = m.text.trim().split(/\s+/).length;
		if (tokens >= 2) {
			for (const k of phoneticKeys(m.text)) if (k.length >= 3) keys.push(`f:${k}`);
		} else if (thai) {
			const fine = thaiFineKey(m.text);
			if (fine.length >= 4) keys.push(`t:${fine}`);
		}
	}
	return keys;
}
