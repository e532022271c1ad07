// Named-entity detection for one article: general rules, no model. Each rule proposes candidates
// (people after titles and positions, organisations and places by head words and the gazetteer,
// Latin names and acronyms, bracketed definitions); overlaps go to the stronger rule; then the
// names found are looked for again (repeats, short forms, spelling variants).

import {genericUse, headedUse} from './generic-use.js';
import type {Article} from '../corpus/types.js';
import {thaiPhoneticKey} from '../text/phonetic.js';
import {detectThaiAbbreviations} from './detect/abbreviations.js';
import {type Candidate, DetectionContext, HEAD_STOP_PREFIX, STOP_PREFIX, VERB_SET, isThaiLetter, isThaiNameChar} from './detect/context.js';
import {detectDefinitionsSteps} from './detect/definitions.js';
import {clauseTailAt, everydayTail, unknownPiece} from './detect/head-name.js';
import {detectLatin} from './detect/latin.js';
import {detectPersonBrackets, joinSpelledAlike} from './detect/person-brackets.js';
import {Occupancy, detectRepeatsSteps} from './detect/repeats.js';
import {detectRegisteredCompanies, detectStateEnterprises, detectTemples, detectThaiTriggersSteps} from './detect/thai-triggers.js';
import {KIND_BIT, type TaggedText, fillFree, modelCandidatesSteps, tagParagraphs} from './model/candidates.js';
import {insideTitleOfWork, titleOpensPlaceName} from './detect/model-evidence.js';
import {type FoldedText, foldForDetection, unfoldRange} from './normalize.js';
import {splitCompoundAt} from './split-compounds.js';
import {isCommonWord} from './common-words.js';
import {nameWordUse} from './name-words.js';
import {words} from '../text/words.js';
import {NO_PAUSE, type StepClock, type Steps, runSteps} from './steps.js';
import type {Mention} from './types.js';

/** A mention with what linking needs to know about it. */
export interface DetectedMention extends Mention {
	/** Mentions of one article sharing a group are one entity (a definition, a name and its short forms). */
	group: number;
	/** A short form standing for its group's full name: it links through the group only. */
	short?: boolean;
	/** A Thai-script person name with evidence of being a transliterated foreign name. */
	foreign?: boolean;
	/** Gazetteer key of a known place (ISO region code, UN area code or Thai province). */
	placeKey?: string;
	/** Space-separated tokens of a person's name. */
	tokens?: number;
	/** Another name this mention stands for, linked like its own (a ministry's short name). */
	linkAlias?: string;
	/** A body or place written as a kind is (counted, an example, quantified: generic-use.ts). */
	generic?: boolean;
	/**
	 * What the learned tagger saw over the mention's letters (unset when it saw nothing there or did
	 * not run): a name of the same kind, or only of another kind. The listing bar reads it.
	 */
	tagged?: 'same' | 'other';
	/** Right after a head's or an officer's title (generic-use.ts, headedUse). The listing bar reads it. */
	headed?: boolean;
}

/** Quote marks, straight and curly, single and double, and guillemets. */
const EDGE_QUOTES = new Set(['"', "'", '“', '”', '‘', '’', '«', '»', '„', '″']);

/** The entity mentions of an article, sorted by start. */
export function findMentions(article: Pick<Article, 'text'>): Mention[] {
	return detectMentions(article).map((m) => {
		const out: Mention = {start: m.start, end: m.end, text: m.text, kind: m.kind, rule: m.rule};
		if (m.title !== undefined) {
			out.title = m.title;
			out.titleStart = m.titleStart;
		}
		return out;
	});
}

export function detectMentions(article: Pick<Article, 'text'>): DetectedMention[] {
	return runSteps(detectMentionsSteps(article, NO_PAUSE));
}

/**
 * detectMentions of each article of a batch, the same mentions: the tagger runs over the whole
 * batch first, then the rules article by article (tagParagraphs says why).
 */
export function detectMentionsOfBatch(articles: ReadonlyArray<Pick<Article, 'text'>>): DetectedMention[][] {
	const folded = articles.map((article) => foldForDetection(article.text));
	const tagged = folded.map((f) => tagParagraphs(f.text));
	return articles.map((article, k) => runSteps(detectMentionsSteps(article, NO_PAUSE, {folded: folded[k]!, tagged: tagged[k]})));
}

/**
 * The same in steps of about `clock`'s length: the reader detects in the background, and one very
 * long article (a 190,000-character report) takes tens of milliseconds in one go.
 */
export function* detectMentionsSteps(
	article: Pick<Article, 'text'>,
	clock: StepClock,
	ahead?: {folded: FoldedText; tagged: TaggedText | undefined},
): Steps<DetectedMention[]> {
	const original = article.text;
	const folded = ahead?.folded ?? foldForDetection(original);
	const ctx = new DetectionContext(folded.text);
	yield* detectThaiTriggersSteps(ctx, clock);
	detectStateEnterprises(ctx);
	detectTemples(ctx);
	detectRegisteredCompanies(ctx);
	detectThaiAbbreviations(ctx);
	detectLatin(ctx);
	if (clock.due()) yield* clock.pause();
	yield* detectDefinitionsSteps(ctx, clock);
	detectPersonBrackets(ctx);
	// The learned tagger adds what the rules miss (it widens some rule names at once, see there).
	const modelNames = yield* modelCandidatesSteps(ctx, clock, ahead?.tagged);

	const occupied = new Occupancy(folded.text.length);
	const accepted = resolveOverlaps(ctx.candidates, occupied);
	for (const c of accepted) {
		c.group ??= ctx.newGroup();
		if (c.kind === 'person' && !c.foreign && (c.tokens ?? 1) >= 2 && looksSinoVietnamese(folded.text.slice(c.start, c.end))) c.foreign = true;
	}
	if (clock.due()) yield* clock.pause();
	cutToKnownNames(ctx, accepted, occupied);
	widenToKnownNames(ctx, accepted, occupied);
	joinCutShortForms(ctx, accepted);
	dropUnsupported(accepted, occupied);
	cutSurnameRunOn(ctx, accepted, occupied);
	dropNamesInWorks(ctx, accepted, occupied);
	if (clock.due()) yield* clock.pause();
	const repeats = yield* detectRepeatsSteps(ctx, accepted, occupied, clock);
	// A title the rules took off a name (YB Dato' Sri, พลเอก) is no name for the model either.
	for (const c of [...accepted, ...repeats]) if (c.titleStart !== undefined) occupied.mark(c.titleStart, c.start);
	let filled = fillFree(ctx, modelNames, occupied);
	// The tagger's names, placed last, may be cut inside a name the article writes whole elsewhere
	// (มูลนิธิบ้าน|พระพร, กรมสรรพ|สามิต, สภาธุรกิจX-|อาเซียน): widened as the rules' names were; a piece
	// of the tagger's left inside the whole name goes (emptied there).
	if (filled.length > 0) {
		widenToKnownNames(ctx, [...accepted, ...repeats, ...filled], occupied, filled);
		filled = filled.filter((c) => c.end > c.start);
	}
	const all = [...accepted.filter((c) => !c.tentative || c.short), ...repeats, ...filled].sort((a, b) => a.start - b.start);
	endAtWholeWords(ctx, all, occupied);
	joinSpelledAlike(folded.text, all);

	const out: DetectedMention[] = [];
	for (const c of all) {
		if (clock.tick()) yield* clock.pause();
		const m = mentionOf(c, ctx, folded, original);
		if (m !== undefined) out.push(m);
	}
	return out;
}

/**
 * The mention a candidate makes in the original text, or undefined when nothing of it is left. A
 * function of its own, not in the steps' loop: mentions have as many shapes as sets of fields set,
 * and a new shape met here throws away this small function's optimised code, not that of the
 * whole of detectMentionsSteps (V8 compiled it again each time, in each worker).
 */
function mentionOf(c: Candidate, ctx: DetectionContext, folded: FoldedText, original: string): DetectedMention | undefined {
	// A quote mark is no part of a name (the tagger may take it in: "เศรษฐา).
	let from = c.start;
	let to = c.end;
	while (from < to && EDGE_QUOTES.has(folded.text[from]!)) from++;
	while (to > from && EDGE_QUOTES.has(folded.text[to - 1]!)) to--;
	const [start, end] = unfoldRange(folded, from, to);
	const text = original.slice(start, end);
	if (text.trim() !== text || text === '') return undefined;
	const m: DetectedMention = {start, end, text, kind: c.kind, rule: c.rule, group: c.group!};
	if (c.title !== undefined && c.titleStart !== undefined) {
		const [ts, te] = unfoldRange(folded, c.titleStart, c.titleStart + c.title.length);
		m.title = original.slice(ts, te);
		m.titleStart = ts;
	}
	if (c.short) m.short = true;
	if (c.foreign) m.foreign = true;
	if (c.placeKey !== undefined) m.placeKey = c.placeKey;
	if (c.tokens !== undefined) m.tokens = c.tokens;
	if (c.linkAlias !== undefined) m.linkAlias = c.linkAlias;
	if (c.kind !== 'person' && genericUse(original, start, end, c.kind)) m.generic = true;
	if (headedUse(original, start)) m.headed = true;
	const tagged = ctx.modelKinds === undefined ? 0 : kindsIn(ctx.modelKinds, c.start, c.end);
	if (tagged !== 0) m.tagged = tagged & KIND_BIT[c.kind] ? 'same' : 'other';
	return m;
}

/** The kinds the tagger saw anywhere in [start, end), as bits. */
function kindsIn(bits: Uint8Array, start: number, end: number): number {
	let k = 0;
	for (let i = start; i < end; i++) k |= bits[i]!;
	return k;
}

/** Stronger rule first, then the longer name; a candidate overlapping an accepted one is dropped. */
function resolveOverlaps(candidates: Candidate[], occupied: Occupancy): Candidate[] {
	const order = candidates.filter((c) => c.end > c.start).sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
	const accepted: Candidate[] = [];
	for (const c of order) {
		if (!occupied.free(c.start, c.end)) continue;
		occupied.mark(c.start, c.end);
		accepted.push(c);
	}
	return accepted.sort((a, b) => a.start - b.start);
}

/**
 * A body's or a place's name cut inside its run (องค์การสะพาน|ปลา…, กรมสรรพ|สามิต…) is widened to a
 * longer name of its kind that the article writes whole elsewhere (before a space, a bracket or
 * punctuation) and that the text here goes on with, when the article never writes the shorter one
 * whole: the writer's own word for where the name ends. Not over a clause word (…กฤษฎีกา|ของ…).
 */
function widenToKnownNames(ctx: DetectionContext, accepted: Candidate[], occupied: Occupancy, only: readonly Candidate[] = accepted): void {
	const text = ctx.text;
	// A hyphen glued to a Thai letter joins two parts of a name (สภาธุรกิจX-อาเซียน): no end.
	const endsWhole = (end: number): boolean =>
		end >= text.length || (!isThaiNameChar(text.charCodeAt(end)) && !(text.charCodeAt(end) === 0x2d && isThaiLetter(text.charCodeAt(end + 1))));
	// Names written whole, by their first letter; and the set of them.
	const whole = new Map<number, Candidate[]>();
	const wholeNames = new Set<string>();
	for (const c of accepted) {
		if (c.kind === 'person' || !endsWhole(c.end)) continue;
		wholeNames.add(text.slice(c.start, c.end));
		const list = whole.get(text.charCodeAt(c.start));
		if (list === undefined) whole.set(text.charCodeAt(c.start), [c]);
		else list.push(c);
	}
	if (whole.size === 0) return;
	for (const c of only) {
		if (c.kind === 'person' || endsWhole(c.end) || wholeNames.has(text.slice(c.start, c.end))) continue;
		let best: Candidate | undefined;
		for (const w of whole.get(text.charCodeAt(c.start)) ?? []) {
			const length = w.end - w.start;
			if (
				w.kind !== c.kind ||
				length <= c.end - c.start ||
				length <= (best === undefined ? 0 : best.end - best.start) ||
				!text.startsWith(text.slice(w.start, w.end), c.start)
			)
				continue;
			const tail = text.slice(c.end, c.start + length);
			if (STOP_PREFIX.test(tail) || HEAD_STOP_PREFIX.test(tail) || opensClauseVerb(ctx, c.end)) continue;
			best = w;
		}
		if (best === undefined) continue;
		const end = c.start + best.end - best.start;
		if (!endsWhole(end) && !ctx.words.isBoundary(end)) continue;
		// The tagger's own names there, wholly inside the widened name, are its pieces (X-|อาเซียน): they go.
		const pieces = only === accepted ? [] : only.filter((d) => d !== c && d.start >= c.end && d.end <= end);
		for (const d of pieces) occupied.unmark(d.start, d.end);
		if (!occupied.free(c.end, end)) {
			for (const d of pieces) occupied.mark(d.start, d.end);
			continue;
		}
		for (const d of pieces) d.end = d.start;
		occupied.mark(c.end, end);
		c.end = end;
		c.closed = true;
		// The same name, the same place (ประเทศอุซเบ|กิสถาน widened to ประเทศอุซเบกิสถาน).
		c.placeKey ??= best.placeKey;
	}
}

/**
 * A body's or place's name cut short with ฯ (ศูนย์วิจัยฯ, ฯ for the rest of its name) stands for the
 * one name of its kind in the article that the letters before ฯ open (ศูนย์วิจัยข้าวปทุมธานี): a
 * short form of it, joined to its group, no entity of its own. With none, or two, it stays as written.
 */
function joinCutShortForms(ctx: DetectionContext, accepted: Candidate[]): void {
	const text = ctx.text;
	for (const c of accepted) {
		if (c.kind === 'person' || c.short || text.charCodeAt(c.end - 1) !== 0x0e2f || c.end - c.start < 4) continue;
		const base = text.slice(c.start, c.end - 1);
		let full: Candidate | undefined;
		let fullName = '';
		let ambiguous = false;
		for (const d of accepted) {
			if (d === c || d.kind !== c.kind || d.end - d.start <= base.length || text.charCodeAt(d.end - 1) === 0x0e2f || !text.startsWith(base, d.start)) continue;
			const name = text.slice(d.start, d.end);
			if (full !== undefined && name !== fullName) ambiguous = true;
			full = d;
			fullName = name;
		}
		if (full === undefined || ambiguous) continue;
		c.group = full.group;
		c.short = true;
	}
}

/** A verb of the lexicon starts at `at`, not a verbal noun's (…กฤษฎีกา|ตรวจ…, not …การ|ตรวจ…). */
function opensClauseVerb(ctx: DetectionContext, at: number): boolean {
	if (!VERB_SET.has(ctx.words.wordAt(at))) return false;
	const before = ctx.words.wordBefore(at);
	return before !== 'การ' && before !== 'ความ';
}

/**
 * An organisation name that ran on into the sentence (…อาเซียนใกล้ชิดกัน) is cut back to a name the
 * article writes elsewhere with a clear end (…อาเซียน before a bracket or a space).
 */
function cutToKnownNames(ctx: DetectionContext, accepted: Candidate[], occupied: Occupancy): void {
	// Known names by their first letter: a long article has hundreds, and most start differently.
	const known = new Map<number, string[]>();
	for (const c of accepted) {
		if (!c.closed || c.kind === 'person') continue;
		const name = ctx.text.slice(c.start, c.end);
		const first = name.charCodeAt(0);
		const list = known.get(first);
		if (list === undefined) known.set(first, [name]);
		else list.push(name);
	}
	if (known.size === 0) return;
	for (const c of accepted) {
		if (c.kind === 'person') continue;
		// A name with a clear end is cut back only where what is left opens a clause with a verb and
		// holds no word of a name (กระทรวงX|ร่วม|ผลิต␠ after กระทรวงX written alone).
		const closed = c.closed === true;
		if (closed && c.rule !== 'org-head') continue;
		let best = 0;
		for (const name of known.get(ctx.text.charCodeAt(c.start)) ?? []) {
			if (name.length <= best || c.start + name.length >= c.end || !ctx.text.startsWith(name, c.start)) continue;
			if (
				closed &&
				(!ctx.words.isBoundary(c.start + name.length) || !clauseTailAt(ctx, c.start + name.length, c.end) || !everydayTail(ctx, c.start + name.length, c.end))
			)
				continue;
			best = name.length;
		}
		if (best > 0) {
			const oldEnd = c.end;
			c.end = c.start + best;
			c.closed = true;
			// The cut-off tail is free again for other names.
			occupied.unmark(c.end, oldEnd);
		}
	}
}

/**
 * A body's or place's name that ends inside a word the segmenter cuts in pieces (ภาคตะวัน|ออก,
 * …น้ำ|บาดาล: split-compounds.ts, learned) ends at the word's end: a cut there, whichever rule made
 * it, is no name's end. Where another name holds the rest of the word, the name stays as it is; so it
 * does where the word is all the name holds (รมว.ธรรม|นัส: a given name after a post, not a body's),
 * or where the word runs into pieces that are no words or into another compound (น้ำ|ดำ|นิ|นการ,
 * แรง|งา|นบู|รณา|การ: misspelt words, whose pieces the segmenter glues in odd compounds).
 */
function endAtWholeWords(ctx: DetectionContext, names: readonly Candidate[], occupied: Occupancy): void {
	const text = ctx.text;
	for (const c of names) {
		const at = c.end;
		if (c.kind === 'person' || at <= c.start || !isThaiNameChar(text.charCodeAt(at)) || !isThaiNameChar(text.charCodeAt(at - 1))) continue;
		const compound = splitCompoundAt(text, c.start, at, ctx.words.wordAt(at));
		if (compound === undefined || compound.start === c.start || !isThaiNameChar(text.charCodeAt(compound.start - 1)) || !occupied.free(at, compound.end)) continue;
		const before = ctx.words.wordBefore(compound.start);
		if (unknownPiece(before) || before.includes('.')) continue;
		const next = ctx.words.wordAt(compound.end);
		if (unknownPiece(next) || splitCompoundAt(text, compound.start, compound.end, next) !== undefined) continue;
		occupied.mark(at, compound.end);
		c.end = compound.end;
	}
}

/**
 * A person written "G X" in an article that names "G S" (the same given name, another surname) has run
 * on into the sentence where X is S with more glued (วงษ์สุวรรณ|รองนายก…, a post after the name) or X
 * is everyday words opening with one Thai NER never has inside a name (…G เข้าใจ|เกษตรกร "G
 * understands farmers", G ยินดี "G is glad"): the mention ends after S, or after the given name, and
 * stands for "G S". Two people of one given name keep their surnames: a surname holds a word of names
 * (บูรพ|ชัย|ศรี) or one the everyday list lacks (ชม|กลิ่น).
 */
function cutSurnameRunOn(ctx: DetectionContext, accepted: Candidate[], occupied: Occupancy): void {
	const text = ctx.text;
	const full = new Map<string, Candidate[]>();
	for (const c of accepted) {
		if (c.kind !== 'person' || c.tokens !== 2) continue;
		const name = text.slice(c.start, c.end);
		const given = name.slice(0, name.indexOf(' '));
		if (given === '' || !isThaiLetter(name.charCodeAt(0))) continue;
		const list = full.get(given);
		if (list === undefined) full.set(given, [c]);
		else list.push(c);
	}
	for (const list of full.values()) {
		if (list.length < 2) continue;
		const surnames = list.map((c) => text.slice(text.indexOf(' ', c.start) + 1, c.end));
		for (let i = 0; i < list.length; i++) {
			const c = list[i]!;
			const x = surnames[i]!;
			let clause: boolean | undefined; // clauseAsSurname(x), segmented once for all the others
			const j = surnames.findIndex((s) => s !== x && (x.startsWith(s) || (clause ??= clauseAsSurname(x))));
			if (j < 0) continue;
			const givenEnd = text.indexOf(' ', c.start);
			const oldEnd = c.end;
			const s = surnames[j]!;
			c.end = x.startsWith(s) ? givenEnd + 1 + s.length : givenEnd;
			if (c.end === givenEnd) c.tokens = 1;
			c.group = list[j]!.group;
			c.short = c.end === givenEnd;
			occupied.unmark(c.end, oldEnd);
		}
	}
}

/**
 * A person the rules read with a title but no surname inside the quoted title of a show or an event
 * (การแสดง “ออกพราน [นางทาสี]”, a character; กิจกรรม “[มิสเตอร์X] …”, a mascot): the work's words,
 * no one named. A full name there (งาน “รำลึก นายX Y”) names the person and stays. So too นาง or นาย
 * glued after a place's head (ชุมชน|นางเลิ้ง): a place's name (titleOpensPlaceName).
 */
function dropNamesInWorks(ctx: DetectionContext, accepted: Candidate[], occupied: Occupancy): void {
	for (let i = accepted.length - 1; i >= 0; i--) {
		const c = accepted[i]!;
		if (c.kind !== 'person' || ctx.text.slice(c.start, c.end).includes(' ')) continue;
		if (!insideTitleOfWork(ctx.text, c.titleStart ?? c.start, c.end) && (c.titleStart === undefined || !titleOpensPlaceName(ctx, c.titleStart, c.end))) continue;
		occupied.unmark(c.titleStart ?? c.start, c.end);
		accepted.splice(i, 1);
	}
}

/** Everyday words only, the first one never inside a name in Thai NER (เข้าใจ|เกษตรกร, ยินดี, หยุด). */
function clauseAsSurname(x: string): boolean {
	const ws = words(x);
	return ws.length > 0 && nameWordUse(ws[0]!.text).inside === 0 && ws.every((w) => isCommonWord(w.text));
}

/** Weak names that stayed unclosed (see markUnsupported) leave; their place is free again. */
function dropUnsupported(accepted: Candidate[], occupied: Occupancy): void {
	let w = 0;
	for (const c of accepted) {
		if (c.unsupported && !c.closed) occupied.unmark(c.start, c.end);
		else accepted[w++] = c;
	}
	accepted.length = w;
}

/** Names made of one-syllable tokens (หวัง อี้, มุน แจ อิน) are Chinese, Vietnamese or Korean, not Thai. */
function looksSinoVietnamese(name: string): boolean {
	const tokens = name.split(' ');
	return tokens.length >= 2 && tokens.every((t) => thaiPhoneticKey(t).length <= 2);
}
