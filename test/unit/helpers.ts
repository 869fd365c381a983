/** Shared helpers of the unit tests: an in-memory workspace and a service over it. */
import * as assert from 'node:assert/strict';
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

/** One edit of a property test: `remove` characters at `at` (taken modulo the text's length + 1) replaced by `insert`. */
export interface TextEdit { readonly at: number; readonly remove: number; readonly insert: string }

/**
 * Applies `edits` to a document one version at a time (as an editor does) and, after each,
 * requires `findings` of the edited document to deep-equal `findings` of the same text checked
 * fresh (version 0, another uri). Returns the last version.
 */
export function assertEditsMatchFresh(uri: string, text: string, edits: readonly TextEdit[], findings: (doc: CorpusDocument, fresh: boolean) => unknown): CorpusDocument {
	let doc = new CorpusDocument(uri, 1, text);
	findings(doc, false);
	for (const e of edits) {
		const at = e.at % (doc.text.length + 1);
		const next = doc.text.slice(0, at) + e.insert + doc.text.slice(Math.min(doc.text.length, at + e.remove));
		doc = CorpusDocument.derive(doc, doc.version + 1, next);
		assert.deepEqual(findings(doc, false), findings(new CorpusDocument('file:///fresh.txt', 0, next), true));
	}
	return doc;
}
