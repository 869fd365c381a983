/**
 * People: the Latin name written in brackets right after a person the recognizer found is the
 * same person's other name (洪耀庄(John Hoffman)).
 */
import type { Candidate } from './recognize';

/** `洪耀庄(John Hoffman)`: a Latin name in brackets right after a person is the same person's other name. */
export function* bracketedLatin(text: string, people: readonly Candidate[]): Generator<Candidate> {
	for (const p of people) {
		const m = /^[(（]([A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+)+)[)）]/.exec(text.slice(p.end, p.end + 60));
		if (m) { yield { start: p.end + 1, end: p.end + 1 + m[1].length, type: 'person', weight: 3 }; }
	}
}
