/**
 * A text's identity for "has it changed since": its length and a 32-bit FNV-1a hash. Used to
 * tell whether a file was indexed, tagged or checked from the text at hand, across threads.
 */
export function textStamp(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) { h = Math.imul(h ^ text.charCodeAt(i), 16777619); }
	return `${text.length}:${(h >>> 0).toString(36)}`;
}

/** `textStamp` of a text given in pieces, in order. */
export class StampBuilder {
	#hash = 0x811c9dc5;
	#length = 0;

	add(piece: string): void {
		let h = this.#hash;
		for (let i = 0; i < piece.length; i++) { h = Math.imul(h ^ piece.charCodeAt(i), 16777619); }
		this.#hash = h;
		this.#length += piece.length;
	}

	get value(): string { return `${this.#length}:${(this.#hash >>> 0).toString(36)}`; }
}
