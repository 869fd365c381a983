/**
 * Fix-all of a file's text for a clean, part after part, letting the server's other work (requests,
 * notifications) run between parts: a file of hundreds of megabytes never holds the thread for
 * more than one part's fix.
 */
import type { CorpusDocument, RuleEdit } from '../service';
import { FixedPart, fixParts } from '../service/parts';

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function fixInPartsYielding(uri: string, text: string, fix: (part: CorpusDocument) => RuleEdit[]): Promise<FixedPart[]> {
	const parts: FixedPart[] = [];
	for (const part of fixParts(uri, text, fix)) {
		parts.push(part);
		await pause();
	}
	return parts;
}

/** How many edits the parts make. */
export const editCount = (parts: readonly FixedPart[]) => parts.reduce((n, p) => n + p.edits.length, 0);
