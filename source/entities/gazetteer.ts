// Known place names. Countries and world regions come from Intl.DisplayNames in Thai and English
// (all ISO 3166 regions and the UN M.49 areas), which also pairs each Thai name with its English
// one; Thailand's provinces and regions are listed here because ICU does not carry them, and its
// districts come from a shipped list (thai-districts.ts, MIT), known only after a district's head word;
// world cities come from GeoNames (CC BY 4.0) and ICU's time zone names (world-cities-data.ts, made by
// bench/build-world-cities.ts).

import {hasThai} from '../text/phonetic.js';
import {THAI_DISTRICTS} from './thai-districts.js';
import {PROVINCE_LATIN, WORLD_CITIES} from './world-cities-data.js';

export interface PlaceName {
	/** The spelling as it is matched. */
	name: string;
	/** A key shared by all spellings of one place (the region code, or the Thai name). */
	key: string;
	kind: 'place' | 'organization';
	/** Added after the tagger's weights were trained: its features leave it out until a retrain. */
	afterTagger?: true;
}

/**
 * Countries' official names written short, as Thai government texts do (สปจ. the People's Republic of
 * China, สรอ. the United States of America, as in ดอลลาร์ สรอ.; สปป. ลาว with its space): a place, not
 * a body's acronym. Not in the tagger's lexicon (afterTagger) until it is trained again.
 */
const COUNTRY_SHORT_FORMS: Array<[string, string]> = [
	['สปป. ลาว', 'LA'],
	['สปจ.', 'CN'],
	['สรอ.', 'US'],
];

/** UN M.49 area codes with a Thai name that is a place (001 "โลก" is a common word, left out). */
const AREA_CODES = [
	'002',
	'003',
	'005',
	'009',
	'011',
	'013',
	'014',
	'015',
	'017',
	'018',
	'019',
	'021',
	'029',
	'030',
	'034',
	'035',
	'039',
	'053',
	'054',
	'057',
	'061',
	'142',
	'143',
	'145',
	'150',
	'151',
	'154',
	'155',
	'202',
	'419',
];

/** Codes that are not places (pseudo-locales, unknown) or are bodies rather than places. */
const SKIP_CODES = new Set(['XA', 'XB', 'ZZ', 'QO', 'EZ', 'UN', 'EU', 'AN', 'BU', 'CS', 'DD', 'DY', 'FX', 'HV', 'NH', 'RH', 'SU', 'TP', 'VD', 'YD', 'YU', 'ZR']);
const BODY_CODES = ['UN', 'EU'];

/** Thai country names that are also everyday words; matched only with a head (ประเทศชาด). */
const AMBIGUOUS_THAI = new Set(['ชาด', 'มาลี', 'กวม', 'จอร์เจีย', 'ไนเจอร์', 'ตองกา', 'โตโก', 'ซาร์ก', 'เช็ก', 'กินี', 'ปาเลา', 'นาอูรู', 'นีอูเอ', 'เรอูนียง', 'เจอร์ซีย์', 'ซามัว']);
const AMBIGUOUS_LATIN = new Set([
	'Chad',
	'Jersey',
	'Georgia',
	'Jordan',
	'Niger',
	'Guinea',
	'Turkey',
	'Sark',
	'Mali',
	'Togo',
	'Guam',
	'Israel',
	'Cuba',
	'Peru',
	'Chile',
	'Wallis',
	'Jan Mayen',
	'Mayotte',
	'Réunion',
]);

const PROVINCES = [
	'กรุงเทพมหานคร',
	'กระบี่',
	'กาญจนบุรี',
	'กาฬสินธุ์',
	'กำแพงเพชร',
	'ขอนแก่น',
	'จันทบุรี',
	'ฉะเชิงเทรา',
	'ชลบุรี',
	'ชัยนาท',
	'ชัยภูมิ',
	'ชุมพร',
	'เชียงราย',
	'เชียงใหม่',
	'ตรัง',
	'ตราด',
	'ตาก',
	'นครนายก',
	'นครปฐม',
	'นครพนม',
	'นครราชสีมา',
	'นครศรีธรรมราช',
	'นครสวรรค์',
	'นนทบุรี',
	'นราธิวาส',
	'น่าน',
	'บึงกาฬ',
	'บุรีรัมย์',
	'ปทุมธานี',
	'ประจวบคีรีขันธ์',
	'ปราจีนบุรี',
	'ปัตตานี',
	'พระนครศรีอยุธยา',
	'พะเยา',
	'พังงา',
	'พัทลุง',
	'พิจิตร',
	'พิษณุโลก',
	'เพชรบุรี',
	'เพชรบูรณ์',
	'แพร่',
	'ภูเก็ต',
	'มหาสารคาม',
	'มุกดาหาร',
	'แม่ฮ่องสอน',
	'ยโสธร',
	'ยะลา',
	'ร้อยเอ็ด',
	'ระนอง',
	'ระยอง',
	'ราชบุรี',
	'ลพบุรี',
	'ลำปาง',
	'ลำพูน',
	'เลย',
	'ศรีสะเกษ',
	'สกลนคร',
	'สงขลา',
	'สตูล',
	'สมุทรปราการ',
	'สมุทรสงคราม',
	'สมุทรสาคร',
	'สระแก้ว',
	'สระบุรี',
	'สิงห์บุรี',
	'สุโขทัย',
	'สุพรรณบุรี',
	'สุราษฎร์ธานี',
	'สุรินทร์',
	'หนองคาย',
	'หนองบัวลำภู',
	'อ่างทอง',
	'อำนาจเจริญ',
	'อุดรธานี',
	'อุตรดิตถ์',
	'อุทัยธานี',
	'อุบลราชธานี',
];
/** Provinces whose bare name is also a common word (เลย "at all", แพร่ "spread", ตาก "to dry"). */
const AMBIGUOUS_PROVINCES = new Set(['เลย', 'แพร่', 'ตาก', 'ตรัง', 'ชุมพร', 'ตราด']);

/** Other Thai spellings in everyday use. */
const THAI_ALTERNATES: Array<[string, string]> = [
	['กรุงเทพฯ', 'กรุงเทพมหานคร'],
	['กรุงเทพ', 'กรุงเทพมหานคร'],
	['กทม.', 'กรุงเทพมหานคร'],
	['อยุธยา', 'พระนครศรีอยุธยา'],
	['โคราช', 'นครราชสีมา'],
	['สหรัฐฯ', 'US'],
	['อเมริกา', 'US'],
	['อังกฤษ', 'GB'],
	['พม่า', 'MM'],
	['เมียนมา', 'MM'],
	['เมียนมาร์', 'MM'],
	['ฮ่องกง', 'HK'],
	['มาเก๊า', 'MO'],
	['ปาเลสไตน์', 'PS'],
	['ประเทศไทย', 'TH'],
	['สปป.ลาว', 'LA'],
	['เกาหลี', 'KR'],
	['ไต้หวัน', 'TW'],
	['ตุรเคีย', 'TR'],
	['ภาคเหนือ', 'ภาคเหนือ'],
	['ภาคกลาง', 'ภาคกลาง'],
	['ภาคใต้', 'ภาคใต้'],
	['ภาคอีสาน', 'ภาคอีสาน'],
	['อีสาน', 'ภาคอีสาน'],
	['ภาคตะวันออก', 'ภาคตะวันออก'],
	['ภาคตะวันตก', 'ภาคตะวันตก'],
	['ภาคตะวันออกเฉียงเหนือ', 'ภาคอีสาน'],
];
const LATIN_ALTERNATES: Array<[string, string]> = [
	['USA', 'US'],
	['U.S.', 'US'],
	['United States of America', 'US'],
	['America', 'US'],
	['UK', 'GB'],
	['Britain', 'GB'],
	['Great Britain', 'GB'],
	['England', 'GB'],
	['Burma', 'MM'],
	['Myanmar', 'MM'],
	['Hong Kong', 'HK'],
	['Macau', 'MO'],
	['Macao', 'MO'],
	['Palestine', 'PS'],
	['Korea', 'KR'],
	['Turkey', 'TR'],
	['Bangkok', 'กรุงเทพมหานคร'],
	['Phuket', 'ภูเก็ต'],
	['Chiang Mai', 'เชียงใหม่'],
];

export interface Gazetteer {
	thai: Map<string, PlaceName>;
	latin: Map<string, PlaceName>;
	/** Names matched only after a head word. */
	ambiguous: Set<string>;
	/** Thailand's district names (without อำเภอ/เขต): apart from `thai`, known only after a district's head word. */
	districts: Set<string>;
	/** Alternation source for Thai names, longest first. */
	thaiPattern: string;
	latinPattern: string;
}

let cached: Gazetteer | undefined;
let latinByKey: Map<string, string[]> | undefined;

/** A place's head before a known name (กรุงโตเกียว, จังหวัดขอนแก่น): the name is the place. */
const PLACE_HEAD = /^(?:กรุง|นคร|เมือง|จังหวัด|จ\.|ประเทศ) ?/;

/**
 * The Latin names of the place a Thai name stands for (กรุงโตเกียว → Tokyo, ขอนแก่น → Khon Kaen),
 * so that a Latin query finds a place written only in Thai; none for a name the gazetteer does not know.
 */
export function placeLatinNames(thaiName: string): readonly string[] {
	const g = gazetteer();
	const place = g.thai.get(thaiName) ?? (PLACE_HEAD.test(thaiName) ? g.thai.get(thaiName.replace(PLACE_HEAD, '')) : undefined);
	if (place === undefined || place.kind !== 'place') return [];
	if (latinByKey === undefined) {
		latinByKey = new Map();
		for (const p of g.latin.values()) {
			const list = latinByKey.get(p.key);
			if (list === undefined) latinByKey.set(p.key, [p.name]);
			else list.push(p.name);
		}
	}
	return latinByKey.get(place.key) ?? [];
}

/** `aliases` and, for those that name a place written in Thai, the place's Latin names. */
export function withPlaceLatinNames(aliases: readonly string[]): readonly string[] {
	const latin = aliases.flatMap((a) => (hasThai(a) ? placeLatinNames(a) : []));
	return latin.length === 0 ? aliases : [...aliases, ...latin];
}

/** A country's key (its ISO 3166 code: TH, JP), not a world area's, a city's or a province's. */
export function isCountryKey(key: string | undefined): boolean {
	return key !== undefined && /^[A-Z]{2}$/.test(key);
}

/** A Thai province's key (its Thai name: provinces are keyed so, cities by city:…, countries by code). */
export function isThaiProvinceKey(key: string | undefined): boolean {
	return key !== undefined && /^[\u0E01-\u0E4E]/.test(key);
}

/** A place the gazetteer (in either script) or the district list knows, written exactly so. */
export function isKnownPlaceName(name: string): boolean {
	const gaz = gazetteer();
	return gaz.thai.has(name) || gaz.latin.has(name) || gaz.districts.has(name);
}

export function gazetteer(): Gazetteer {
	cached ??= buildGazetteer(true);
	return cached;
}

/** Countries, regions and Thailand's provinces only: what bench/build-world-cities.ts adds cities to. */
export function gazetteerWithoutCities(): Gazetteer {
	return buildGazetteer(false);
}

function buildGazetteer(withCities: boolean): Gazetteer {
	const thai = new Map<string, PlaceName>();
	const latin = new Map<string, PlaceName>();
	const ambiguous = new Set<string>();
	const addThai = (name: string, key: string, kind: PlaceName['kind'] = 'place'): void => {
		if (name.length < 2 || thai.has(name)) return;
		thai.set(name, {name, key, kind});
	};
	const addLatin = (name: string, key: string, kind: PlaceName['kind'] = 'place'): void => {
		if (name.length < 3 || latin.has(name)) return;
		latin.set(name, {name, key, kind});
	};
	const th = new Intl.DisplayNames(['th'], {type: 'region'});
	const thShort = new Intl.DisplayNames(['th'], {type: 'region', style: 'short'});
	const en = new Intl.DisplayNames(['en'], {type: 'region'});
	const enShort = new Intl.DisplayNames(['en'], {type: 'region', style: 'short'});
	const codes: string[] = [];
	for (let a = 65; a < 91; a++) for (let b = 65; b < 91; b++) codes.push(String.fromCharCode(a, b));
	const names = (dn: Intl.DisplayNames, code: string): string[] => {
		let n: string | undefined;
		try {
			n = dn.of(code);
		} catch {
			return [];
		}
		if (n === undefined || n === code) return [];
		// "เมียนมา (พม่า)", "Myanmar (Burma)" give two names.
		const m = /^(.*?)\s*\((.*)\)$/.exec(n);
		const parts = m ? [m[1]!, m[2]!] : [n];
		return parts.map((p) => p.replace(/\s+-\s+/g, '-').trim()).filter((p) => p.length > 0 && !/[&(),]/.test(p));
	};
	for (const code of [...codes, ...AREA_CODES]) {
		if (SKIP_CODES.has(code)) continue;
		const thNames = [...names(th, code), ...names(thShort, code)];
		if (thNames.length === 0 || thNames[0] === code) continue;
		for (const n of thNames) addThai(n, code);
		for (const n of [...names(en, code), ...names(enShort, code)]) addLatin(n, code);
	}
	for (const code of BODY_CODES) {
		for (const n of names(th, code)) addThai(n, code, 'organization');
		for (const n of [...names(en, code), ...names(enShort, code)]) if (n.length > 2) addLatin(n, code, 'organization');
	}
	for (const p of PROVINCES) addThai(p, p);
	// World cities (world-cities-data.ts, from GeoNames and ICU): one key links both scripts; a name
	// marked "~" is also a word or a person's name (ดาร์วิน, Reading), known only after a city's head.
	for (const row of withCities ? WORLD_CITIES.split('|') : []) {
		const [thaiNames, latinNames] = row.split('=');
		if (thaiNames === undefined || latinNames === undefined) continue;
		const latinList = latinNames.split(',');
		const key = `city:${latinList[0]!.replace(/^~/, '')}`;
		for (const [names, add] of [
			[thaiNames.split(','), addThai],
			[latinList, addLatin],
		] as const) {
			for (const marked of names) {
				const name = marked.replace(/^~/, '');
				add(name, key);
				if (marked !== name) ambiguous.add(name);
			}
		}
	}
	// Thai cities that are provinces' seats lend the province their Latin names (Udon Thani).
	for (const row of withCities ? PROVINCE_LATIN.split('|') : []) {
		const [province, latinNames] = row.split('=');
		if (province !== undefined && latinNames !== undefined && thai.has(province)) for (const n of latinNames.split(',')) addLatin(n, province);
	}
	for (const [n, key] of THAI_ALTERNATES) addThai(n, key, key === 'ASEAN' ? 'organization' : 'place');
	for (const [n, key] of COUNTRY_SHORT_FORMS) if (!thai.has(n)) thai.set(n, {name: n, key, kind: 'place', afterTagger: true});
	for (const [n, key] of LATIN_ALTERNATES) addLatin(n, key, key === 'ASEAN' ? 'organization' : 'place');
	for (const n of AMBIGUOUS_THAI) ambiguous.add(n);
	for (const n of AMBIGUOUS_PROVINCES) ambiguous.add(n);
	for (const n of AMBIGUOUS_LATIN) ambiguous.add(n);
	const byLength = (a: string, b: string): number => b.length - a.length;
	const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return {
		thai,
		latin,
		ambiguous,
		districts: new Set(THAI_DISTRICTS),
		thaiPattern: [...thai.keys()].sort(byLength).map(escape).join('|'),
		latinPattern: [...latin.keys()].sort(byLength).map(escape).join('|'),
	};
}
