/** Shared helpers of the unit tests: an in-memory workspace and a service over it. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusDocument, defaultLintOptions, LanguageService, LintOptions, Problem, Workspace } from '../../server/src/service';
import { jiebaSegmenter } from '../../server/src/segmenter';
import { applyEdits } from '../../server/src/service/edits';

export const fixtures = path.resolve(__dirname, '..', '..', 'test', 'fixtures');
export const seedsDir = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'seeds');

export function readFixture(rel: string): string {
	return fs.readFileSync(path.join(fixtures, rel), 'utf8');
}

export class MemoryWorkspace implements Workspace {
	readonly files = new Map<string, string>();
	reads = 0;
	async listFiles() { return [...this.files.keys()]; }
	async readFile(uri: string) {
		this.reads++;
		const text = this.files.get(uri);
		return text === undefined ? undefined : { text };
	}
}

const segmenter = jiebaSegmenter();

export function service(workspace: Workspace = new MemoryWorkspace()): LanguageService {
	return new LanguageService({ workspace, segmenter, tagger: segmenter });
}

export function options(overrides: Partial<LintOptions> = {}): LintOptions {
	return { ...defaultLintOptions, ...overrides };
}

export function lintText(text: string, opts: Partial<LintOptions> = {}, svc = service()): { doc: CorpusDocument; problems: Problem[] } {
	const doc = new CorpusDocument('file:///test.txt', 1, text);
	return { doc, problems: svc.lint(doc, options(opts)) };
}

/** Applies the preferred fix of a problem. */
export function applyPreferred(text: string, problem: Problem): string {
	const fix = problem.fixes.find((f) => f.isPreferred) ?? problem.fixes[0];
	return applyEdits(text, [...fix.edits].sort((a, b) => a.start - b.start));
}

/**
 * Marks flagged spans in a text with ⟦…⟧ and returns the plain text and the spans, so that a
 * test names exactly which characters must be reported (rust-analyzer style fixtures).
 */
export function marked(source: string): { text: string; spans: [number, number][] } {
	let text = '';
	const spans: [number, number][] = [];
	let open = -1;
	for (const ch of source) {
		if (ch === '⟦') { open = text.length; } else if (ch === '⟧') { spans.push([open, text.length]); } else { text += ch; }
	}
	return { text, spans };
}

export function seedsAvailable(): boolean {
	return fs.existsSync(seedsDir);
}
