/**
 * The corpus model: which facts of one file other files' findings read, and which files need a
 * check again when those facts change. Each rule that reads the corpus declares it
 * (`Rule.corpus`); the host asks here and never repeats a rule's arithmetic.
 */
import { severityOf } from './lint';
import type { CorpusFacts, CrossFacts, FactsChange, LintOptions, Rule } from './types';
import type { WorkspaceIndex } from './workspace';
import { finish } from './steps';

/** A file's cross-file facts as the index holds them now (take them before and after a change). */
export function crossFacts(index: WorkspaceIndex, uri: string): CrossFacts {
	return finish(crossFactsInSteps(index, uri));
}

/**
 * `crossFacts` in steps: the neighbours of a large document are looked up in steps. The keys
 * and the count are those when it begins; a file indexed meanwhile is checked after it anyway.
 */
export function* crossFactsInSteps(index: WorkspaceIndex, uri: string): Generator<void, CrossFacts> {
	const keys = index.get(uri)?.lineKeys ?? [], fileCount = index.size;
	return { keys, neighbours: yield* index.printNeighboursInSteps(uri), fileCount };
}

/** The index as the rules' `affected` read it. */
export function corpusFacts(index: WorkspaceIndex): CorpusFacts {
	return {
		filesWithLine: (key) => index.filesWithLine(key),
		*files() { for (const uri of index.uris()) { yield [uri, index.get(uri)!.lineKeys] as const; } },
	};
}

/** The other files whose findings can change with `change`, by the rules that are on. */
export function filesToRecheck(rules: readonly Rule[], options: LintOptions, index: WorkspaceIndex, change: FactsChange): Set<string> {
	const out = new Set<string>();
	const facts = corpusFacts(index);
	for (const rule of rules) {
		if (!rule.corpus?.affected || severityOf(rule, options) === 'off') { continue; }
		for (const uri of rule.corpus.affected(change, facts, options)) { out.add(uri); }
	}
	out.delete(change.uri);
	return out;
}
