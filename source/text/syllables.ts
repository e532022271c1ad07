// Thai orthographic syllables, in the spirit of Thai Character Clusters (Theeramunkong et al.,
// 2000): the smallest runs a line may never be cut inside, whatever a dictionary says. A cluster
// is a leading vowel (เ แ โ ใ ไ) with the consonant after it, an onset (a consonant, or two when
// the second is ร ล ว or a ห/อ-led sonorant and a vowel follows), its vowel and tone marks, the
// vowel letters that close it (า ำ ะ ๅ, ย/อ of เ-ีย/เ-ือ, ว of -ัว, อ of -อ), then its final
// consonant (up to three when no vowel is written: คน, ด้วย, ตย in ตันตยกุล) and any silent letters under ์ (ศาสตร์, จันทร์,
// สิทธิ์). A consonant that carries a vowel or mark of its own always starts a new cluster.
//
// Thai spelling is ambiguous without a dictionary (มา|ยก reads here as มาย|ก, มี|คน as มีค|น): the
// vowel, onset and ์ rules are certain, but a final consonant may as well start the next word. So
// the start of each final is reported as a weak boundary, which a caller may accept when a
// dictionary agrees (both words known) and refuse when it is cutting an unknown word (นายวราวุ|ธ).

const KO_KAI = 0x0e01;
const HO_NOKHUK = 0x0e2e;
const YO_YAK = 0x0e22;
const RO_RUA = 0x0e23;
const LO_LING = 0x0e25;
const WO_WAEN = 0x0e27;
const HO_HIP = 0x0e2b;
const O_ANG = 0x0e2d;
const SARA_A = 0x0e30;
const MAI_HAN_AKAT = 0x0e31;
const SARA_AA = 0x0e32;
const SARA_I = 0x0e34;
const SARA_II = 0x0e35;
const SARA_UEE = 0x0e37;
const SARA_U = 0x0e38;
const SARA_E = 0x0e40;
const THANTHAKHAT = 0x0e4c;

/** s[k], or 0 past `end` (a plain function: a closure per call would cost more than the rules). */
function codeAt(s: string, k: number, end: number): number {
	return k < end ? s.charCodeAt(k) : 0;
}

/** ก–ฮ (ฤ and ฦ included: they take the place of a consonant and its vowel). */
export function isThaiConsonant(c: number): boolean {
	return c >= KO_KAI && c <= HO_NOKHUK;
}

/** เ แ โ ใ ไ: written before the consonant they follow in speech. */
export function isLeadingVowel(c: number): boolean {
	return c >= SARA_E && c <= 0x0e44;
}

/** Vowel signs above or below, ็, tone marks, ์, ํ, ๎: drawn on the consonant before them. */
function isMarkOn(c: number): boolean {
	return c === MAI_HAN_AKAT || (c >= SARA_I && c <= 0x0e3a) || (c >= 0x0e47 && c <= 0x0e4e);
}

/** ะ า ำ ๅ: vowels written after their consonant, never at a cluster start. */
function isFollowingVowel(c: number): boolean {
	return c === SARA_A || c === SARA_AA || c === 0x0e33 || c === 0x0e45;
}

/** The character belongs to the consonant before it (so that consonant starts a cluster). */
function needsConsonant(c: number): boolean {
	return isMarkOn(c) || isFollowingVowel(c);
}

/** Second consonants of an onset cluster after any consonant (กร กล กว). */
function isClusterSecond(first: number, c: number): boolean {
	if (c === RO_RUA || c === LO_LING || c === WO_WAEN) return true;
	// ห leads a low sonorant (หง หน หม หย หล หว), อ leads ย (อย่า).
	if (first === HO_HIP) return c === 0x0e07 || c === 0x0e0d || c === 0x0e19 || c === 0x0e21 || c === YO_YAK;
	return first === O_ANG && c === YO_YAK;
}

/**
 * End of a run of silent letters under ์ starting at j (ร์, ทร์, ธิ์, ทธิ์), or -1 when there is
 * none: one or two consonants, maybe ิ or ุ, then ์.
 */
function silentEnd(s: string, j: number, end: number): number {
	if (!isThaiConsonant(s.charCodeAt(j))) return -1;
	for (let k = j + 1, consonants = 1; k < end && k <= j + 3; k++) {
		const c = s.charCodeAt(k);
		if (c === THANTHAKHAT) return k + 1;
		if (c === SARA_I || c === SARA_U) {
			if (k + 1 < end && s.charCodeAt(k + 1) === THANTHAKHAT) return k + 2;
			return -1;
		}
		if (!isThaiConsonant(c) || ++consonants > 2) return -1;
	}
	return -1;
}

/**
 * End (exclusive) of the Thai cluster starting at s[i] (a consonant or leading vowel; anything
 * else is a cluster of one character with the marks on it). `end` bounds the text looked at.
 * `onFinal` is told where each final consonant starts (the weak boundaries inside the cluster).
 */
export function thaiClusterEnd(s: string, i: number, end: number = s.length, onFinal?: (at: number) => void): number {
	let j = i;
	const lead = isLeadingVowel(codeAt(s, j, end)) ? codeAt(s, j++, end) : 0;
	if (!isThaiConsonant(codeAt(s, j, end))) {
		if (!lead) j++;
		while (isMarkOn(codeAt(s, j, end)) || codeAt(s, j, end) === 0x0e33) j++; // what a grapheme cluster would hold
		return j;
	}
	const first = codeAt(s, j++, end);
	// A second onset consonant: before a vowel of its own (ปรา, เปลี่ยน), or between a leading vowel
	// and a final (แปลง, โกรธ).
	if (
		isThaiConsonant(codeAt(s, j, end)) &&
		isClusterSecond(first, codeAt(s, j, end)) &&
		codeAt(s, j + 1, end) !== THANTHAKHAT &&
		(needsConsonant(codeAt(s, j + 1, end)) || (lead && isThaiConsonant(codeAt(s, j + 1, end)) && !needsConsonant(codeAt(s, j + 2, end))))
	) {
		j++;
	}
	let vowel = lead !== 0;
	let hanAkat = false;
	let upper = 0; // ี or ื, which เ closes with ย or อ
	while (isMarkOn(codeAt(s, j, end))) {
		const c = codeAt(s, j++, end);
		if (c === MAI_HAN_AKAT) hanAkat = true;
		if (c === SARA_II || c === SARA_UEE) upper = c;
		if (c < 0x0e48 || c > 0x0e4b) vowel = true; // tone marks are not vowels
	}
	// How many final consonants may follow: none after an open vowel (ะ ำ ๅ เ-า ใ- ไ-), a run of up
	// to three after a consonant with no written vowel (คน, ผล, ตย in ตันตยกุล), else one.
	let finals = vowel ? 1 : 3;
	if (lead === 0x0e43 || lead === 0x0e44) finals = 0;
	let c = codeAt(s, j, end);
	if (isFollowingVowel(c)) {
		j++;
		finals = c === SARA_AA && lead !== SARA_E ? 1 : 0;
		if (c === SARA_AA && lead === SARA_E && codeAt(s, j, end) === SARA_A) j++; // เ-าะ
	} else if (lead === SARA_E && ((upper === SARA_II && c === YO_YAK) || (upper === SARA_UEE && c === O_ANG))) {
		j++; // เ-ีย, เ-ือ
		finals = 1;
		if (codeAt(s, j, end) === SARA_A) {
			j++;
			finals = 0;
		}
	} else if ((hanAkat && c === WO_WAEN) || ((!vowel || lead === SARA_E) && upper === 0 && c === O_ANG)) {
		if (!needsConsonant(codeAt(s, j + 1, end))) {
			j++; // -ัว, -อ, เ-อ
			finals = 1;
			if (codeAt(s, j, end) === SARA_A) {
				j++;
				finals = 0;
			}
		}
	}
	for (let taken = 0; ;) {
		const silent = silentEnd(s, j, end);
		if (silent > 0) {
			j = silent;
			continue;
		}
		c = codeAt(s, j, end);
		if (!isThaiConsonant(c) || needsConsonant(codeAt(s, j + 1, end))) break;
		// The consonant begins the next cluster's onset (ผล|กระ).
		if (isClusterSecond(c, codeAt(s, j + 1, end)) && needsConsonant(codeAt(s, j + 2, end)) && codeAt(s, j + 2, end) !== THANTHAKHAT) break;
		if (!(taken < finals || (c === YO_YAK && lead === 0x0e44 && taken === 0))) break; // ไทย: a silent ย
		taken++;
		onFinal?.(j);
		j++;
	}
	while (isMarkOn(codeAt(s, j, end)) || codeAt(s, j, end) === 0x0e33) j++; // stray marks (typos) stay on what they follow
	return j;
}

/**
 * Calls `visit(at, false)` for each Thai cluster start in s[start, end) (other characters: each
 * one), and `visit(at, true)` where a final consonant inside a cluster starts (a weak boundary).
 */
export function forEachThaiCluster(s: string, start: number, end: number, visit: (at: number, weak: boolean) => void): void {
	const onFinal = (at: number): void => visit(at, true);
	for (let i = start; i < end;) {
		visit(i, false);
		i = thaiClusterEnd(s, i, end, onFinal);
	}
}

/** The Thai clusters of s, in order (for tests and tools); with `weak`, cut at weak boundaries too. */
export function thaiClusters(s: string, weak = false): string[] {
	const starts: number[] = [];
	forEachThaiCluster(s, 0, s.length, (at, isWeak) => {
		if (weak || !isWeak) starts.push(at);
	});
	return starts.map((a, k) => s.slice(a, starts[k + 1] ?? s.length));
}
