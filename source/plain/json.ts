// JSON output goes to terminals too. JSON.stringify escapes C0 controls but leaves C1 controls,
// DEL, bidi overrides and other format characters raw; escaping them as \uXXXX keeps the data
// exact for a JSON reader while nothing reaches a terminal that could act on it.
const UNSAFE_IN_JSON = /[\u007F-\u009F\u2028\u2029\p{Cf}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

function escapeUnsafe(json: string): string {
	return json.replace(UNSAFE_IN_JSON, (c) => Array.from({length: c.length}, (_, i) => '\\u' + c.charCodeAt(i).toString(16).padStart(4, '0')).join(''));
}

export function safeJson(value: unknown, indent = 2): string {
	return escapeUnsafe(JSON.stringify(value, null, indent));
}

/**
 * One string as `safeJson` writes it inside any value: output written by hand (a piece at a time,
 * each string escaped once however often it is written) has the bytes of `safeJson` on the whole,
 * since what is unsafe can only stand inside a string.
 */
export function jsonString(s: string): string {
	return escapeUnsafe(JSON.stringify(s));
}
