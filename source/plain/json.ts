// JSON output goes to terminals too. JSON.stringify escapes C0 controls but leaves C1 controls,
// DEL, bidi overrides and other format characters raw; escaping them as \uXXXX keeps the data
// exact for a JSON reader while nothing reaches a terminal that could act on it.
const UNSAFE_IN_JSON = /[\u007F-\u009F\u2028\u2029\p{Cf}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

export function safeJson(value: unknown, indent = 2): string {
	return JSON.stringify(value, null, indent).replace(UNSAFE_IN_JSON, (c) =>
		Array.from({length: c.length}, (_, i) => '\\u' + c.charCodeAt(i).toString(16).padStart(4, '0')).join(''),
	);
}
