// The entity contract the reader, search and plain mode build on. Offsets are UTF-16 indices into
// `Article.text`, like everywhere in khao, and `text === article.text.slice(start, end)`.

export type EntityKind = 'person' | 'organization' | 'place' | 'other';

export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'organization', 'place', 'other'];

export interface Mention {
	start: number;
	end: number;
	/** The name exactly as written, without its title. */
	text: string;
	kind: EntityKind;
	/** The title or position written before the name (นาย, ประธานาธิบดีอินโดนีเซีย), when there is one. */
	title?: string;
	titleStart?: number;
	/** Which rule found it: 'title', 'position', 'latin', 'acronym', 'definition', 'org-head', … */
	rule: string;
}

/** A mention placed in the index: which entity it belongs to. */
export interface LinkedMention extends Mention {
	articleId: string;
	entityId: string;
}

export interface Entity {
	/** Stable, slug-like: kind and canonical name (`person:angela-merkel`, `place:th`). */
	id: string;
	/** The fullest form, Thai script preferred. */
	name: string;
	kind: EntityKind;
	/** Every spelling seen (and added by corrections), canonical name first. */
	aliases: string[];
	/** Number of mentions, and of articles mentioning it. */
	mentionCount: number;
	articleCount: number;
	/** Only when every entity is listed (the audit): why the evidence bar leaves this one out (evidence.ts). */
	unlisted?: string;
	/** Only when every entity is listed: what the learned listing bar reads of it (listing-bar.ts). */
	barFeatures?: Float64Array;
}

/** Where a jump from one mention to the next lands. */
export interface MentionPosition {
	articleId: string;
	start: number;
	end: number;
	/** 1-based place of this mention among all the entity's mentions, in corpus order. */
	ordinal: number;
	total: number;
	/** 1-based place of the article among the articles that mention the entity. */
	articleOrdinal: number;
	articleTotal: number;
}
