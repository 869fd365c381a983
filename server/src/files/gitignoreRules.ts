/**
 * .gitignore rules as the `ignore` package matches them, within a bound. It compiles each line to
 * a backtracking regular expression in which every `**` segment multiplies the cost of a path
 * that does not match: `a/**\/**\/…/b` with a dozen of them held the first scan for minutes in a
 * folder 30 deep (×4.5 per segment). Consecutive `**` segments mean what one does, so they are
 * collapsed; a line that still has more than `maxGlobstars` is not used, and said so.
 */
import ignore, { Ignore } from 'ignore';

/** `**` wildcards per line after collapsing: 3 cost milliseconds on a path 30 folders deep, 8 cost seconds. */
export const maxGlobstars = 3;
/** Longer lines are not used (no path is that long). */
export const maxRuleLength = 4096;

export interface RefusedRule { readonly line: number; readonly text: string; readonly globstars: number }

export function boundedIgnore(text: string): { readonly rules: Ignore; readonly refused: readonly RefusedRule[] } {
	const refused: RefusedRule[] = [];
	const kept: string[] = [];
	text.split(/\r?\n/).forEach((raw, i) => {
		const line = collapseGlobstars(raw);
		const globstars = line.length > maxRuleLength ? Infinity : (line.match(/\*\*/g)?.length ?? 0);
		if (!line.startsWith('#') && globstars > maxGlobstars) { refused.push({ line: i + 1, text: raw.length > 80 ? `${raw.slice(0, 80)}…` : raw, globstars }); return; }
		kept.push(line);
	});
	return { rules: ignore().add(kept.join('\n')), refused };
}

/** `**\/**\/` → `**\/` and a trailing `/**\/**` → `/**`: the same paths match. */
export function collapseGlobstars(line: string): string {
	return line.replace(/(?:\*\*\/){2,}/g, '**/').replace(/(?:\/\*\*){2,}$/, '/**');
}
