/**
 * boilerplate.custom — the user's own boilerplate patterns (`zhCorpus.boilerplate.patterns`):
 * `{ id, regex, message?, fix? }`, in RE2 syntax, run by re2js, a linear-time engine (no
 * look-behind, no back-references), and priced when the settings are read (userPatterns.ts):
 * a pattern too slow for a line of `maxLineLength` characters never gets here. A pattern
 * matches a line as written or in its normalized form (simplified characters, ASCII
 * punctuation). `fix` is `delete-line` (default) or `delete-match`.
 */
import type { CustomPattern, Rule } from '../types';
import { analyze } from '../boilerplate/analysis';
import { excerpt, lineFinding, spanFinding } from '../boilerplate/findings';
import { normalizeLine } from '../boilerplate/normalize';
import { checkUserPattern, expectedMatchMs, findUserPattern, isRefusal, userPatternLimits } from '../boilerplate/userPatterns';

const { maxLineLength } = userPatternLimits;
/** Matching may take this much longer than the patterns' prices allow before it stops. */
const overrunMs = 250;
const find = (regex: string, text: string) => {
	const v = checkUserPattern(regex);
	return isRefusal(v) ? undefined : findUserPattern(v.re, text);
};

export const boilerplateCustom: Rule = {
	id: 'boilerplate.custom',
	description: 'Your own boilerplate patterns (zhCorpus.boilerplate.patterns, RE2 syntax).',
	defaultSeverity: 'warning',
	*check(doc, ctx) {
		const patterns: readonly CustomPattern[] = ctx.options.customPatterns;
		if (patterns.length === 0) { return; }
		const a = analyze(doc);
		// A deadline, whatever the measured prices said: re2js's speed on a line varies tenfold (its DFA builds states on first use).
		const started = Date.now();
		const deadline = started + overrunMs + 4 * expectedMatchMs(patterns, doc.text.length);
		for (let i = 0; i < doc.lines.length; i++) {
			const text = doc.lines[i].text;
			if (a.matches[i] || text.trim().length === 0 || text.length > maxLineLength) { continue; }
			if (Date.now() > deadline) {
				yield { ruleId: 'boilerplate.custom', start: doc.lines[i].start, end: doc.lines[i].end, message: ctx.t('boilerplate.customStopped', Date.now() - started, i + 1), maxSeverity: 'info', fixes: [] };
				return;
			}
			for (const p of patterns) {
				const hit = find(p.regex, text) ?? find(p.regex, normalizeLine(text));
				if (!hit) { continue; }
				const message = ctx.t('boilerplate.custom', p.id, p.message ?? excerpt(text.slice(hit.start, hit.end)));
				yield p.fix === 'delete-match' ? spanFinding(doc, 'boilerplate.custom', i, hit.start, hit.end, message, ctx) : lineFinding(doc, 'boilerplate.custom', i, i, message, ctx);
				break;
			}
		}
	},
};
