/**
 * The zh-corpus language service: the only entry point the server uses. Pure: it works on
 * strings and UTF-16 offsets and reaches files only through the injected `Workspace`.
 */
import { CorpusDocument } from './document';
import { ruleFamily } from './clean';
import { fixAll, fixAllTiers, RuleEdit } from './fixAll';
import { lint } from './lint';
import { CachePolicy, forgetLines, LineStore, LruCache } from './lruCache';
import { outline, OutlineNode } from './outline';
import { messagesFor, Translate } from './messages';
export { grouped } from './messages';
import { allRules } from './rules';
import { reportable } from './rules/duplicateDocument';
import { conversionEdits, ConversionTarget } from './script/convert';
import { NameFinder, nameFinder } from './script/names';
import type { CancellationToken, CrossFacts, EntityView, FactsChange, Fix, LintOptions, Problem, Rule, RuleContext, Segmenter, Tagger, TextEdit } from './types';
import { crossFacts, crossFactsInSteps, filesToRecheck } from './corpusModel';
import { EntityService } from './entities/service';
import { EntityRuleView } from './entities/ruleView';
import { nameSpans, DocumentNameSpan } from './entities/nameSpans';
import { WorkspaceIndex } from './workspace';
import type { CorpusViews, ServiceInit } from './serviceInit';
import { forgetAnalysis } from './boilerplate/analysis';
import { forgetFindings } from './duplicates/reuse';
import { forgetSpelling } from './script/spellingTally';

export { changedRange, CorpusDocument } from './document';
export type { CorpusViews, ServiceInit } from './serviceInit';
export type { TextRange } from './document';
/** Which shared passages duplicate.document can report on: a host computing them for a check keeps only these. */
export { reportable as reportableSharing } from './rules/duplicateDocument';
export { crossFacts, filesToRecheck } from './corpusModel';
export { finish } from './steps';
export * from './types';
export { defaultLintOptions } from './defaults';
export { allRules, ruleIds } from './rules';
export type { Workspace, FileText, CorpusSummary } from './workspace';
export type { ConversionTarget } from './script/convert';
export type { NameFinder, NameSpan } from './script/names';
export type { RuleEdit } from './fixAll';
export type { OutlineNode, OutlineKind } from './outline';
export { foldingRanges } from './outline';
export { ruleFamilies, ruleFamily, reviewRows } from './clean';
export { EntityService } from './entities/service';
export type { EntityLocation } from './entities/service';
export type { Entity } from './entities/entityTable';
export type { Mention } from './entities/entityIndex';
export type { EntityType } from './entities/recognize';
export { entityTypes } from './entities/recognize';
export { parseGazetteer, emptyGazetteer } from './entities/gazetteer';
export type { Gazetteer } from './entities/gazetteer';
export { entityHover } from './entities/hover';
export { foldText } from './entities/discovery';
export { nameSpans } from './entities/nameSpans';
export type { DocumentNameSpan } from './entities/nameSpans';
export type { RuleFamily, ReviewRow } from './clean';

/** Lines remembered per rule and scope: enough for the open documents of a large session. */
const cacheLines = 50_000;

/** An editor closed `uri`: what the rules kept of its last version for the next one is dropped. */
export function forgetEdits(uri: string): void {
	forgetAnalysis(uri);
	forgetFindings(uri);
	forgetSpelling(uri);
	forgetLines(uri);
}

export class LanguageService {
	readonly index: WorkspaceIndex;
	readonly t: Translate;
	readonly rules: readonly Rule[];
	readonly segmenter?: Segmenter;
	readonly tagger?: Tagger;
	readonly entities: EntityService;
	/** Per rule id, its caches by scope (two lookups: no key string made per rule and file). */
	readonly #caches = new Map<string, Map<string, LruCache<unknown>>>();
	/** The caches' results for closed files' lines, one record per line text (lruCache.ts). */
	readonly #lines: LineStore;
	/** Names new to the corpus that the other files have not been matched for yet. */
	#newNames = 0;
	readonly #entityView: EntityRuleView;
	readonly #cachePolicy: CachePolicy | undefined;
	readonly #names: NameFinder;

	constructor(init: ServiceInit) {
		this.index = new WorkspaceIndex(init.workspace);
		this.entities = new EntityService(init.workspace, init.tagger);
		this.#entityView = new EntityRuleView(this.entities);
		this.t = messagesFor(init.locale);
		this.rules = init.rules ?? allRules;
		this.segmenter = init.segmenter;
		this.tagger = init.tagger;
		this.#cachePolicy = init.cachePolicy;
		this.#lines = new LineStore(cacheLines, init.cachePolicy);
		this.#names = init.nameFinder ?? nameFinder(init.tagger);
	}

	/** Every problem of the document, severities applied, at most `options.maxProblems`. */
	lint(doc: CorpusDocument, options: LintOptions, token?: CancellationToken): Problem[] {
		return this.#lint(doc, this.rules, options, undefined, token);
	}

	/**
	 * Lints with a view of the corpus the caller gives (a worker checking a closed file gets the
	 * counts and shared passages the server's index holds for it) instead of this service's index.
	 */
	lintWithView(doc: CorpusDocument, options: LintOptions, view: CorpusViews): Problem[] {
		return this.#lint(doc, this.rules, options, view);
	}

	/** `rules` over `doc`, with this service's index or the corpus `view` a caller gives. */
	#lint(doc: CorpusDocument, rules: readonly Rule[], options: LintOptions, view?: CorpusViews, token?: CancellationToken): Problem[] {
		this.#findRecords(doc);
		return lint(doc, rules, options, view
			? (rule) => ({ ...this.#context(rule, options), corpus: view.corpus, entities: rule.id.startsWith('entity.') ? view.entities : undefined })
			: (rule) => this.#context(rule, options, token));
	}

	/**
	 * One minimal edit list applying every safe preferred fix of a finding at its rule's standard
	 * severity or above (lower tiers only for rules listed with them in `options.fixAllRules`),
	 * re-linting until stable.
	 * @param ruleId only this rule's problems (the "fix all X problems" action); otherwise every
	 * rule fix-all applies by default plus `options.fixAllRules`.
	 */
	fixAll(doc: CorpusDocument, options: LintOptions, ruleId?: string): RuleEdit[] {
		return this.#fixAll(doc, options, { ruleId });
	}

	/**
	 * Fix-all limited to rule families (the "Clean workspace…" command): the rules of those
	 * families that fix-all applies (by default or listed in `options.fixAllRules`).
	 */
	clean(doc: CorpusDocument, options: LintOptions, families: readonly string[]): RuleEdit[] {
		return this.#fixAll(doc, options, { families });
	}

	/**
	 * `fixAll` (or, with `families`, `clean`) linting with a view of the corpus the caller gives:
	 * a worker fixing a closed file for the command line, with what the indexes said about it;
	 * with `ruleId`, only that rule's problems (a large open document's "fix all X problems").
	 */
	fixWithView(doc: CorpusDocument, options: LintOptions, view: CorpusViews, families?: readonly string[], ruleId?: string): RuleEdit[] {
		return this.#fixAll(doc, options, { families, ruleId }, view);
	}

	/** Fix-all of `ruleId`'s problems, or of every rule fix-all applies (of `families`, when given). */
	#fixAll(doc: CorpusDocument, options: LintOptions, which: { readonly ruleId?: string; readonly families?: readonly string[] }, view?: CorpusViews): RuleEdit[] {
		const { ruleId, families } = which;
		const tiers = fixAllTiers(this.rules, options.fixAllRules, ruleId);
		const acceptRule = (id: string) => (ruleId ? id === ruleId : tiers.has(id) && (!families || families.includes(ruleFamily(id))));
		// Fix-all is not limited by the problem cap: it must reach the whole document.
		const uncapped = { ...options, maxProblems: Number.MAX_SAFE_INTEGER };
		// Only the rules whose fixes it may apply: a rule's findings do not depend on the others'
		// (they share what they read, the page analysis, not what they find). "Fix all X problems"
		// on a 1 MB document ran every rule in each of its passes.
		const rules = this.rules.filter((r) => acceptRule(r.id));
		const accept = (p: Problem) => acceptRule(p.ruleId);
		return fixAll({ doc, lint: (d) => this.#lint(d, rules, uncapped, view), accept, lowestTier: (id) => tiers.get(id) });
	}

	/** Fixes of the current problems of `ruleId` that overlap `[start, end]` (a stale diagnostic's fixes are recomputed here). */
	fixesAt(doc: CorpusDocument, options: LintOptions, ruleId: string, start: number, end: number): Fix[] {
		const rule = this.rules.find((r) => r.id === ruleId);
		if (!rule) { return []; }
		return lint(doc, [rule], { ...options, maxProblems: Number.MAX_SAFE_INTEGER }, (r) => this.#context(r, options))
			.filter((p) => p.start <= end && p.end >= start)
			.flatMap((p) => p.fixes);
	}

	/** The document's outline (articles, paragraphs, chrome); uses the problems for cut-paragraph continuations. */
	outline(doc: CorpusDocument, options: LintOptions): OutlineNode[] {
		const continuations = this.rules.filter((r) => r.id === 'layout.broken-paragraph');
		const problems = lint(doc, continuations, { ...options, rules: {}, maxProblems: Number.MAX_SAFE_INTEGER }, (r) => this.#context(r, options));
		return outline(doc, problems, this.t);
	}

	/** A file's cross-file facts now: take them before and after it changes, and ask `affectedBy`. */
	crossFacts(uri: string): CrossFacts {
		return crossFacts(this.index, uri);
	}

	/** `crossFacts` in steps, for a host that drives them between other work (a large document's neighbours). */
	crossFactsInSteps(uri: string): Generator<void, CrossFacts> {
		return crossFactsInSteps(this.index, uri);
	}

	/** The other files whose findings can change with one file's change of facts (per the rules that read the corpus). */
	affectedBy(change: FactsChange, options: LintOptions): Set<string> {
		return filesToRecheck(this.rules, options, this.index, change);
	}

	removeFile(uri: string): void {
		this.index.remove(uri);
		this.entities.remove(uri);
	}

	/** The document's entity mentions, indexing it as it is now (an edited open document). */
	entityMentions(doc: CorpusDocument): ReturnType<EntityView['mentionsOf']> {
		this.#newNames += this.entities.update(doc.uri, doc.text, doc.stamp).length;
		this.openDocumentIndexed(doc);
		return this.#entityView.mentionsIn(doc);
	}

	/**
	 * Open documents as their names were last indexed (`entityMentions`, or in a worker and told
	 * here): an edited version's mentions are moved from it. The same text kept already stays.
	 */
	openDocumentIndexed(doc: CorpusDocument): void {
		if (this.#indexedOpen.get(doc.uri)?.text !== doc.text) { this.#indexedOpen.set(doc.uri, doc); }
	}

	readonly #indexedOpen = new Map<string, CorpusDocument>();

	documentClosed(uri: string): void { this.#indexedOpen.delete(uri); }

	/** The version of an open document the entity index holds the mentions of, if it is kept. */
	indexedVersion(uri: string): CorpusDocument | undefined {
		const doc = this.#indexedOpen.get(uri);
		return doc && this.entities.isFreshText(doc) ? doc : undefined;
	}

	/**
	 * The names in the document (people, organizations, places, works, events) as UTF-16 spans:
	 * text a fix must not rewrite. The recognizer's own finds, line by line; no corpus needed.
	 */
	nameSpans(doc: CorpusDocument): DocumentNameSpan[] {
		return nameSpans(doc.text, this.tagger);
	}

	/** What entity.variant needs of an indexed file, for a worker's check (undefined: nothing), in steps (yields between parts of a large file's mentions). */
	entitySnapshotInSteps(uri: string): ReturnType<EntityRuleView['snapshotForInSteps']> {
		return this.#entityView.snapshotForInSteps(uri);
	}

	/** People with sound-alikes (entity id → the others' ids): what entity.variant reports on. */
	soundAlikeMap(): Map<number, string> {
		return this.#entityView.soundAlikeMap();
	}

	/** `soundAlikeMap` in steps, for a host that must not hold its thread (yields between groups of entities). */
	soundAlikeMapInSteps(): Generator<void, Map<number, string>> {
		return this.#entityView.soundAlikeMapInSteps();
	}

	/** Files mentioning any of these entities. */
	filesMentioning(ids: Iterable<number>): Set<string> {
		return this.#entityView.filesOf(ids);
	}

	/** True when the document's entities are not indexed for this text (the host should call `entityMentions`, then re-check). */
	entitiesStale(doc: CorpusDocument): boolean {
		return !this.entities.isFreshText(doc);
	}

	/** True when names were discovered that the other files have not been searched for. */
	get hasNewNames(): boolean { return this.#newNames > 0; }

	/** The host took charge of looking for the new names in the other files. */
	clearNewNames(): void { this.#newNames = 0; }

	/** Edits converting the whole document to a script (the "Convert document to …" commands). */
	convert(doc: CorpusDocument, target: ConversionTarget): TextEdit[] {
		return conversionEdits(doc.text, target);
	}

	/**
	 * A closed file's line records, found before the first rule runs: the page analysis (which the
	 * first rules ask for) keeps its facts of each line there too (lruCache.ts, `lineRecords`).
	 */
	#findRecords(doc: CorpusDocument): void {
		if (doc.version <= 0) { this.#lines.recordsOf(doc); }
	}

	#context(rule: Rule, options: LintOptions, token?: CancellationToken): RuleContext {
		return {
			options,
			token,
			t: this.t,
			segmenter: this.segmenter,
			names: this.#names,
			entities: rule.id.startsWith('entity.') ? this.#entityView.forRules((uri) => this.indexedVersion(uri), this.tagger) : undefined,
			corpus: { fileCount: this.index.size, filesWithLine: (key) => this.index.filesWithLine(key), sharedWith: (uri, text) => this.index.sharedWith(uri, text, reportable) },
			cache: <T>(scope: string) => {
				let ofRule = this.#caches.get(rule.id);
				if (!ofRule) { this.#caches.set(rule.id, ofRule = new Map()); }
				let cache = ofRule.get(scope);
				if (!cache) {
					cache = new LruCache<unknown>(cacheLines, this.#cachePolicy, this.#lines);
					ofRule.set(scope, cache);
				}
				return cache as LruCache<T>;
			},
		};
	}
}

