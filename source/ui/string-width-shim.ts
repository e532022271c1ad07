// Ink measures text with `string-width`; the bundle points that import here, so that Ink and
// khao's layout count columns the same way (SARA AM, Thai marks, wide characters) and so that
// the first frame does not pay for compiling string-width's Unicode property regexes.
import {stringWidth} from '../text/width.js';

// SGR and other CSI sequences, and OSC sequences: Ink measures styled strings.
const ANSI = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u009B[0-?]*[ -/]*[@-~]/g;

export default function inkStringWidth(s: string): number {
	if (typeof s !== 'string' || s.length === 0) return 0;
	return stringWidth(s.includes('\u001B') || s.includes('\u009B') ? s.replace(ANSI, '') : s);
}
