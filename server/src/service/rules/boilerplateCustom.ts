/**
 * boilerplate.custom — the user's own boilerplate patterns (`zhCorpus.boilerplate.patterns`):
 * `{ id, regex, message?, fix? }`, in RE2 syntax, run by re2js, a linear-time engine, so that no
 * pattern can hang the server (no look-behind, no back-references). A pattern matches a line as
 * written or in its normalized form (simplified characters, ASCII punctuation). `fix` is
 * `delete-line` (default) or `delete-match`.
 */
import { RE2JS } from 're2js';
import type { CustomPattern, Rule } from '../types';
import { analyze } from '../boilerplate/analysis';
import { excerpt, lineFinding, spanFinding } from '../boilerplate/findings';
import { normalizeLine } from '../boilerplate/normalize';

/** Lines are matched up to this length: re2js is linear but not fast (about 1 MB/s). */
const maxLineLength = 5000;
const compiled = new Map<string, RE2JS>();

/** Compiles an RE2 pattern; throws with the engine's message when it is invalid. */
export function compileCustomPattern(regex: string): RE2JS {
	let re = compiled.get(regex);
	if (!re) {
		re = RE2JS.compile(regex);
		compiled.set(regex, re);
	}
	return re;
}

function find(re: RE2JS, text: string): { start: number; end: number } | undefined {
	const m = re.matcher(text);
	return m.find() && m.end() > m.start() ? { start: m.start(), end: m.end() } : undefined;
}

export const boilerplateCustom: Rule = {
	id: 'boilerplate.custom',
	description: 'Your own boilerplate patterns (zhCorpus.boilerplate.patterns, RE2 syntax).',
	defaultSeverity: 'warning',
	*check(doc, ctx) {
		const patterns: readonly CustomPattern[] = ctx.options.customPatterns;
		if (patterns.length === 0) { return; }
		const a = analyze(doc);
		for (let i = 0; i < doc.lines.length; i++) {
			const text = doc.lines[i].text;
			if (a.matches[i] || text.trim().length === 0 || text.length > maxLineLength) { continue; }
			for (const p of patterns) {
				const re = compileCustomPattern(p.regex);
				const hit = find(re, text) ?? find(re, normalizeLine(text));
				if (!hit) { continue; }
				const message = ctx.t('boilerplate.custom', p.id, p.message ?? excerpt(text.slice(hit.start, hit.end)));
				yield p.fix === 'delete-match' ? spanFinding(doc, 'boilerplate.custom', i, hit.start, hit.end, message, ctx) : lineFinding(doc, 'boilerplate.custom', i, i, message, ctx);
				break;
			}
		}
	},
};
