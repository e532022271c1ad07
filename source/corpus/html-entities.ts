// HTML character references in Markdown (`&amp;`, `&#3585;`, `&#x0E01;`, `&nbsp;`): what they
// stand for, or undefined when a reference is not one (then it stays as text). A bounded table of
// the names people write, not the 2,000 of HTML5: an unknown name is simply left as written. The
// caller shows the result as synthetic text, which is cleaned like everything else, so `&#27;`
// (an escape) can decode but never reach the terminal.
import {stripUnsafe} from '../text/sanitize.js';

/** A reference at a position: `&name;`, `&#digits;` (up to 7) or `&#xhex;` (up to 6). Sticky. */
export const ENTITY = /&(?:#([0-9]{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/y;

const NAMED: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00A0',
	shy: '\u00AD',
	copy: '©',
	reg: '®',
	trade: '™',
	deg: '°',
	plusmn: '±',
	times: '×',
	divide: '÷',
	micro: 'µ',
	middot: '·',
	bull: '•',
	hellip: '…',
	ndash: '–',
	mdash: '—',
	minus: '−',
	lsquo: '‘',
	rsquo: '’',
	sbquo: '‚',
	ldquo: '“',
	rdquo: '”',
	bdquo: '„',
	laquo: '«',
	raquo: '»',
	prime: '′',
	Prime: '″',
	sect: '§',
	para: '¶',
	dagger: '†',
	Dagger: '‡',
	permil: '‰',
	euro: '€',
	pound: '£',
	yen: '¥',
	cent: '¢',
	curren: '¤',
	frac12: '½',
	frac14: '¼',
	frac34: '¾',
	sup2: '²',
	sup3: '³',
	ordm: 'º',
	ordf: 'ª',
	larr: '←',
	rarr: '→',
	uarr: '↑',
	darr: '↓',
	harr: '↔',
	check: '✓',
	star: '☆',
	hearts: '♥',
	iexcl: '¡',
	iquest: '¿',
	zwj: '\u200D',
	zwnj: '\u200C',
	ensp: '\u2002',
	emsp: '\u2003',
	thinsp: '\u2009',
};

/** What the reference `match` (of ENTITY) stands for, or undefined for an unknown name. */
export function decodeEntity(match: RegExpExecArray): string | undefined {
	const [, decimal, hex, name] = match;
	if (name !== undefined) return Object.hasOwn(NAMED, name) ? NAMED[name] : undefined;
	const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
	// As HTML does: NUL, surrogates and what lies past Unicode become the replacement character.
	if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
	// A block holds no line break: a decoded tab or line break is a space. Other controls, escapes
	// and bidi overrides are removed here already (layout would remove them again).
	if (code === 0x09 || code === 0x0a || code === 0x0d) return ' ';
	return stripUnsafe(String.fromCodePoint(code));
}
