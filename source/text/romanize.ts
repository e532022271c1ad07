// Romanising Thai names, RTGS-style (the Royal Thai General System: ประยุทธ์ → prayut,
// เชียงใหม่ → chiangmai), and a loose key under which the usual English spellings of one Thai
// name meet its RTGS form (Prayut / Prayuth, Srettha / Settha, Paetongtarn / Phaethongthan).
//
// Thai script does not write every vowel, so this reads syllables by rule: an optional leading
// vowel, an initial consonant (or a cluster such as ปร, กล, or a silent ห before a sonorant),
// vowel signs, and a final consonant when the next letter does not carry a vowel of its own; a
// consonant with no vowel sign reads o before a final (สม → som) and a otherwise. It is meant for
// matching names, not for printing: a doubtful syllable costs a match, never a wrong merge.

/** RTGS initial and final values of each consonant (final '' : not written as a final). */
const CONSONANTS: Record<string, [string, string]> = {
	ก: ['k', 'k'],
	ข: ['kh', 'k'],
	ฃ: ['kh', 'k'],
	ค: ['kh', 'k'],
	ฅ: ['kh', 'k'],
	ฆ: ['kh', 'k'],
	ง: ['ng', 'ng'],
	จ: ['ch', 't'],
	ฉ: ['ch', 't'],
	ช: ['ch', 't'],
	ซ: ['s', 't'],
	ฌ: ['ch', 't'],
	ญ: ['y', 'n'],
	ฎ: ['d', 't'],
	ฏ: ['t', 't'],
	ฐ: ['th', 't'],
	ฑ: ['th', 't'],
	ฒ: ['th', 't'],
	ณ: ['n', 'n'],
	ด: ['d', 't'],
	ต: ['t', 't'],
	ถ: ['th', 't'],
	ท: ['th', 't'],
	ธ: ['th', 't'],
	น: ['n', 'n'],
	บ: ['b', 'p'],
	ป: ['p', 'p'],
	ผ: ['ph', 'p'],
	ฝ: ['f', 'p'],
	พ: ['ph', 'p'],
	ฟ: ['f', 'p'],
	ภ: ['ph', 'p'],
	ม: ['m', 'm'],
	ย: ['y', 'i'],
	ร: ['r', 'n'],
	ฤ: ['rue', ''],
	ล: ['l', 'n'],
	ว: ['w', 'o'],
	ศ: ['s', 't'],
	ษ: ['s', 't'],
	ส: ['s', 't'],
	ห: ['h', ''],
	ฬ: ['l', 'n'],
	อ: ['', ''],
	ฮ: ['h', ''],
};
const LEADING = 'เแโใไ';
/** Vowel signs and marks written after (above, below) the consonant. */
const AFTER = /[ะัาำิีึืุูๅ็]/;
const TONE = /[่-๋]/g;
/** Second letters of initial clusters, and the first letters they follow. */
const CLUSTER_FIRST = 'กขคตปพผบดทฟ';
const CLUSTER_SECOND = 'รลว';
/** ร after these is silent at the start of a syllable (สร้าง → sang, ศรี → si). */
const SILENT_R_AFTER = 'สศซจ';
const SONORANT = 'งญนมยรลว';

const isConsonant = (c: string | undefined): boolean => c !== undefined && c >= 'ก' && c <= 'ฮ';
/** True initial clusters: ร and ล after stops, ว only after the k-sounds (กว, ขว, คว). */
const isCluster = (first: string, second: string): boolean => (second === 'ว' ? 'กขค'.includes(first) : CLUSTER_FIRST.includes(first) && CLUSTER_SECOND.includes(second));

const cache = new Map<string, string>();

/** RTGS-style romanisation of a Thai name, lower case; spaces and non-Thai characters are kept. */
export function romanizeThai(text: string): string {
	let out = cache.get(text);
	if (out === undefined) {
		out = text
			.split(/(\s+)/)
			.map((part) => (/[ก-๛]/.test(part) ? romanizeWord(part) : part.toLowerCase()))
			.join('');
		if (cache.size > 50_000) cache.clear();
		cache.set(text, out);
	}
	return out;
}

function romanizeWord(raw: string): string {
	// Silent letters: a consonant under ์ (with the vowel sign on it), and ร of รร read as -an.
	const s = raw
		.normalize('NFC')
		.replace(/\u0E4D\u0E32/g, 'ำ')
		.replace(TONE, '')
		.replace(/[ฯๆ.]/g, '')
		// A consonant between a final and a silent one is silent too (จันทร์ → chan, ลักษณ์ → lak).
		.replace(/(?<=[ั-ู็][ก-ฮ])[ก-ฮ](?=[ก-ฮ][ิุ]?์)/g, '')
		.replace(/[ก-ฮ][ิุ]?์/g, '');
	let out = '';
	let i = 0;
	while (i < s.length) {
		const c = s[i]!;
		if (!isConsonant(c) && !LEADING.includes(c)) {
			// A stray vowel sign (a mis-typed name) reads as itself where it can.
			out += strayVowel(c);
			i++;
			continue;
		}
		const syllable = readSyllable(s, i);
		out += syllable.text;
		i = syllable.end;
	}
	return out;
}

function strayVowel(c: string): string {
	return ({ะ: 'a', า: 'a', 'ิ': 'i', 'ี': 'i', 'ุ': 'u', 'ู': 'u', ำ: 'am'} as Record<string, string>)[c] ?? '';
}

/** One syllable from `i`: its romanisation and where the next begins. */
function readSyllable(s: string, start: number): {text: string; end: number} {
	let i = start;
	const lead = LEADING.includes(s[i]!) ? s[i++]! : '';
	if (!isConsonant(s[i])) return {text: lead === 'แ' ? 'ae' : lead === 'โ' ? 'o' : lead === 'เ' ? 'e' : 'ai', end: i};
	// Initial: a silent ห before a sonorant (หม, หล), a cluster (ปร, กล, กว), a silent ร (สร, ศร).
	let initial = '';
	let c = s[i]!;
	if (c === 'ห' && SONORANT.includes(s[i + 1] ?? '') && isConsonant(s[i + 1])) c = s[++i]!;
	initial = CONSONANTS[c]![0];
	i++;
	const next = s[i];
	// A leading consonant: after a leading vowel, a consonant that makes no cluster with the sonorant
	// after it reads with a (เฉลิม → cha|loem, เจริญ → cha|roen); the vowel belongs to the second.
	if (
		lead !== '' &&
		next !== undefined &&
		isConsonant(next) &&
		'รลมนงย'.includes(next) &&
		!isCluster(c, next) &&
		AFTER.test(s[i + 1] ?? '') &&
		!(next === 'ร' && SILENT_R_AFTER.includes(c) && c !== 'จ')
	) {
		const rest = readSyllable(lead + s.slice(i), 0);
		return {text: initial + 'a' + rest.text, end: i + rest.end - 1};
	}
	if (next !== undefined && CLUSTER_SECOND.includes(next) && (isCluster(c, next) || (next === 'ร' && SILENT_R_AFTER.includes(c)))) {
		// A cluster only when a vowel follows it (ปรา, กลับ, เกร็ง), not a final (กร is kon... read as k+on).
		const after = s[i + 1];
		const voweled = after !== undefined && (AFTER.test(after) || (lead !== '' && (isConsonant(after) || after === undefined)));
		if (voweled && !(next === 'ว' && after !== undefined && isConsonant(after) && lead === '')) {
			if (next !== 'ร' || !SILENT_R_AFTER.includes(c)) initial += CONSONANTS[next]![0];
			i++;
		}
	}
	// Vowel signs after the initial.
	let vowel = '';
	let signs = '';
	while (i < s.length && AFTER.test(s[i]!)) signs += s[i++]!;
	// Vowels spelled with consonants: อ, ว, ย, and their combinations with the signs.
	const at = s[i];
	const after = s[i + 1];
	const finalNext = (k: number): boolean => isConsonant(s[k]) && !opensSyllable(s, k);
	let usedCarrier = false;
	if (lead === 'เ' && signs === 'ี' && at === 'ย') {
		vowel = 'ia';
		usedCarrier = true;
	} else if (lead === 'เ' && signs === 'ื' && at === 'อ') {
		vowel = 'uea';
		usedCarrier = true;
	} else if (lead === 'เ' && signs === '' && at === 'อ') {
		vowel = 'oe';
		usedCarrier = true;
	} else if (lead === 'เ' && signs === 'า') vowel = 'ao';
	else if (lead === 'เ' && signs === 'ิ') vowel = 'oe';
	else if (lead === 'เ') vowel = 'e';
	else if (lead === 'แ') vowel = 'ae';
	else if (lead === 'โ') vowel = 'o';
	else if (lead === 'ใ' || lead === 'ไ') vowel = 'ai';
	else if (signs === 'ั' && at === 'ว') {
		vowel = 'ua';
		usedCarrier = true;
	} else if (signs === 'ั' && at === 'ย' && !finalNext(i + 1)) {
		vowel = 'ai';
		usedCarrier = true;
	} else if (signs === 'ื' && at === 'อ') {
		vowel = 'ue';
		usedCarrier = true;
	} else if (signs === '' && at === 'อ' && (after === undefined || finalNext(i + 1))) {
		vowel = 'o';
		usedCarrier = true;
	} else if (signs === '' && at === 'ว' && after !== undefined && finalNext(i + 1)) {
		vowel = 'ua';
		usedCarrier = true;
	} else if (signs === '' && at === 'ร' && after === 'ร') {
		// รร: -an, or -a before a final (ธรรม → tham).
		i += 2;
		if (finalNext(i)) return {text: initial + 'a' + CONSONANTS[s[i]!]![1], end: i + 1};
		return {text: initial + 'an', end: i};
	} else vowel = signsVowel(signs);
	if (usedCarrier) i++;
	if (lead === '' && signs === '') {
		// No vowel written: o before a final (สม → som), a otherwise (สมา → sa|ma).
		if (finalNext(i) && s[i] !== 'อ') return {text: initial + 'o' + finalOf(s[i]!, 'o'), end: i + 1};
		return {text: initial + 'a', end: i};
	}
	// A final consonant: the next letter, unless it opens a syllable of its own (never after ะ).
	if (!signs.includes('ะ') && isConsonant(s[i]) && !opensSyllable(s, i) && s[i] !== 'อ') {
		const f = s[i]!;
		i++;
		// ร after a final at the end of a word or before another consonant is silent (มิตร → mit).
		if (s[i] === 'ร' && (i + 1 === s.length || (isConsonant(s[i + 1]) && !AFTER.test(s[i + 2] ?? '')))) i++;
		return {text: initial + (vowel === 'ai' && f === 'ย' ? 'ai' : vowel + finalOf(f, vowel)), end: i};
	}
	return {text: initial + vowel, end: i};
}

function finalOf(c: string, vowel: string): string {
	const f = CONSONANTS[c]![1];
	// -าย, -ัย: ai; -าว: ao; -ิว: io; -ว after e: eo.
	if (c === 'ย') return vowel.endsWith('i') ? '' : 'i';
	if (c === 'ว') return 'o';
	return f;
}

function signsVowel(signs: string): string {
	if (signs.includes('ำ')) return 'am';
	if (signs.includes('า') || signs.includes('ะ') || signs.includes('ั') || signs.includes('ๅ')) return 'a';
	if (signs.includes('ิ') || signs.includes('ี')) return 'i';
	if (signs.includes('ึ') || signs.includes('ื')) return 'ue';
	if (signs.includes('ุ') || signs.includes('ู')) return 'u';
	if (signs.includes('็')) return 'o';
	return '';
}

/**
 * The consonant at `k` starts a syllable rather than closing the one before: a vowel sign follows
 * it, or a leading vowel, or อ / ว / ย carrying a vowel for it.
 */
function opensSyllable(s: string, k: number): boolean {
	const next = s[k + 1];
	if (next === undefined) return false;
	if (AFTER.test(next)) return true;
	if ((next === 'อ' || next === 'ว') && isConsonant(s[k + 2]) && !AFTER.test(s[k + 2] ?? '')) return true;
	if (next === 'อ' && s[k + 2] === undefined) return true;
	if (next === 'ร' && s[k + 2] === 'ร') return true;
	// A cluster with a vowel after it (…ปรา…).
	if (isCluster(s[k]!, next) && AFTER.test(s[k + 2] ?? '')) return true;
	return false;
}

/**
 * A loose key of a Latin spelling of a Thai name: case, spaces and hyphens ignored; aspirates
 * (ph, th, kh) as their plain letters, ch / j / c as one, r and l after a consonant or before one
 * dropped (Srettha / Settha, Paetongtarn / Phaethongthan), doubled letters as one, and a few vowel
 * spellings folded (oe / er, ue / eu, ay / ai, iu / io, v / w), and Pinyin's y before i and w before u at
 * the start left out.
 */
export function latinLooseKey(latin: string): string {
	let s = latin
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z]/g, '');
	s = s
		.replace(/ch|sh|j/g, 'C')
		.replace(/bh/g, 'p')
		.replace(/d(?=C|$)/g, 't')
		.replace(/tC/g, 'C')
		.replace(/c/g, 'k')
		.replace(/q/g, 'k')
		.replace(/x/g, 's')
		.replace(/z/g, 's')
		.replace(/v/g, 'w')
		.replace(/([bcdfgkpstC])h/g, '$1')
		.replace(/ph/g, 'p')
		.replace(/([bcdfgkmnpstwC])[rl]/g, '$1')
		.replace(/[rl](?=[bcdfgkmnpstC]|$)/g, '')
		.replace(/oe|eu|ue|er/g, 'e')
		.replace(/ay/g, 'ai')
		.replace(/iu/g, 'io')
		.replace(/ee/g, 'i')
		.replace(/oo/g, 'u')
		.replace(/(.)\1+/g, '$1')
		.replace(/h$/, '')
		// Pinyin writes y before i and w before u where no consonant opens the syllable (Yi, Wu: อี้, อู๋).
		.replace(/^y(?=i)|^w(?=u)/, '');
	return s;
}
