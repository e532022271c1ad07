// The tagger's labels, BIO over the three kinds, and how a tag sequence becomes spans.

import type {EntityKind} from '../types.js';

export const TAG_COUNT = 7;
const OUTSIDE = 0;
/** B and I tags of each kind: B = 1 + 2k, I = 2 + 2k. */
const MODEL_KINDS: readonly EntityKind[] = ['person', 'organization', 'place'];

const beginTag = (kind: number): number => 1 + 2 * kind;
const insideTag = (kind: number): number => 2 + 2 * kind;
const kindOfTag = (tag: number): number => (tag - 1) >> 1;
const isInside = (tag: number): boolean => tag !== OUTSIDE && (tag & 1) === 0;

export interface ModelSpan {
	start: number;
	end: number;
	kind: EntityKind;
}

/** Unit tags → spans over the text (unit starts given), trailing spaces left out. */
export function tagsToSpans(tags: Uint8Array, starts: Int32Array, count: number, text: string): ModelSpan[] {
	const spans: ModelSpan[] = [];
	let i = 0;
	while (i < count) {
		const t = tags[i]!;
		if (t === OUTSIDE || isInside(t)) {
			i++;
			continue;
		}
		let j = i + 1;
		while (j < count && tags[j] === t + 1) j++;
		const start = starts[i]!;
		let end = starts[j]!;
		while (end > start && /\s/.test(text[end - 1]!)) end--;
		if (end > start) spans.push({start, end, kind: MODEL_KINDS[kindOfTag(t)]!});
		i = j;
	}
	return spans;
}

/** Gold spans → one tag per unit (a unit takes the span its start falls in). */
export function spansToTags(spans: ReadonlyArray<{start: number; end: number; kind: EntityKind}>, starts: Int32Array, count: number): Uint8Array {
	const tags = new Uint8Array(count);
	for (const s of spans) {
		const k = MODEL_KINDS.indexOf(s.kind);
		if (k < 0) continue;
		let first = true;
		for (let i = 0; i < count; i++) {
			const u = starts[i]!;
			const next = starts[i + 1]!;
			// The unit holding the span's start begins it, even if the span starts inside it.
			if (next <= s.start || u >= s.end) continue;
			tags[i] = first ? beginTag(k) : insideTag(k);
			first = false;
		}
	}
	return tags;
}
