/**
 * The names of one document as plain spans, for checks that must leave names alone (the
 * script check protects 余光中, 范仲淹 and 里長林文華 from conversion fixes). Found by the
 * recognizer line by line (cached by line), in either script; no corpus index involved, so a
 * worker checking a closed file gets the same spans as the server's thread.
 */
import type { Tagger } from '../types';
import { discover } from './discovery';
import type { EntityType } from './recognize';

export interface DocumentNameSpan {
	/** UTF-16 offsets in the document. */
	readonly start: number;
	readonly end: number;
	readonly type: EntityType;
}

/** People, organizations, places, works and events of `text`, nested ones included, in order of start. */
export function nameSpans(text: string, tagger: Tagger | undefined): DocumentNameSpan[] {
	if (!tagger) { return []; }
	return discover(text, tagger).map((f) => ({ start: f.start, end: f.end, type: f.type }));
}
