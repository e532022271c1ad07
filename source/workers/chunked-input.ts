// A long list handed to a worker a chunk at a time. postMessage clones its whole message in one
// go on the sending thread: 60,000 articles' metadata took 131 ms of the UI thread at once. Here
// the list is serialised (V8's structured clone, the one postMessage uses, so anything it could
// send comes through the same) a bounded number of items per step, so the caller can yield between
// steps, and the chunks' bytes are then moved to the worker, not copied.
import v8 from 'node:v8';

/** Items serialised per step: a few milliseconds of the UI thread for articles' metadata. */
export const CHUNK_ITEMS = 2000;

/** `items` serialised `perChunk` at a time, a step each; returns the chunks (transfer their buffers). */
export function* serializeInChunks<T>(items: readonly T[], map: (item: T) => unknown = (item) => item, perChunk = CHUNK_ITEMS): Generator<void, Uint8Array[], void> {
	const chunks: Uint8Array[] = [];
	for (let at = 0; at < items.length; at += perChunk) {
		const chunk = v8.serialize(items.slice(at, at + perChunk).map(map));
		// Its buffer is moved to the worker: copied when it is a slice of a larger one.
		const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
		chunks.push(whole ? new Uint8Array(chunk.buffer) : new Uint8Array(chunk));
		yield;
	}
	return chunks;
}

/** The list back from its chunks, in order (on the worker). */
export function deserializeChunks<T>(chunks: readonly Uint8Array[]): T[] {
	const items: T[] = [];
	for (const chunk of chunks) for (const item of v8.deserialize(chunk) as T[]) items.push(item);
	return items;
}
