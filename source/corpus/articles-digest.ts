// One short hash of which articles a file gave, in order: each article's id and its title's and
// text's lengths. The listing cache and the search cache each keep the one of the articles they
// were made from, so a cached search on a listed file knows the search cache fits the listing by
// comparing two strings, instead of matching 60,000 ids one by one (or keeping them in a header).
import crypto from 'node:crypto';

export class ArticlesDigest {
	private readonly hash = crypto.createHash('sha256');
	private count = 0;
	private done: string | undefined;

	add(id: string, titleLength: number, textLength: number): void {
		// The id's length first: no two sequences of articles read alike by shifting characters between fields.
		this.hash.update(`${id.length}:`).update(id).update(`:${titleLength}:${textLength}\n`);
		this.count++;
	}

	/** `count:hash` (the count in it too: a quick, readable check); the same if asked again, and no article is added after. */
	finish(): string {
		this.done ??= `${this.count}:${this.hash.digest('base64url').slice(0, 32)}`;
		return this.done;
	}
}
