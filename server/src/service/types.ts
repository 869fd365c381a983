/**
 * Core types of the zh-corpus language service. Everything here is plain data in UTF-16
 * offsets of the document text (JS string indices, the unit of LSP positions); only the
 * server converts them to LSP ranges.
 */

/** Severities a user can give a rule; `off` means the rule does not run. */
export type Severity = 'off' | 'hint' | 'info' | 'warning' | 'error';

export const severityRank: Readonly<Record<Severity, number>> = { off: 0, hint: 1, info: 2, warning: 3, error: 4 };

/** Replace `[start, end)` (UTF-16 offsets) with `newText`. */
export interface TextEdit {
	readonly start: number;
	readonly end: number;
	readonly newText: string;
}

export interface Fix {
	readonly title: string;
	readonly edits: readonly TextEdit[];
	/** The fix the context decides; editors apply it with "auto fix". */
	readonly isPreferred?: boolean;
	/**
	 * True when fix-all may apply this fix without asking: one unambiguous candidate that edits
	 * only the finding's own text. Multi-candidate choices, moves and entity rewrites are not.
	 */
	readonly safe?: boolean;
}

export interface Finding {
	readonly ruleId: string;
	/** Offsets of the flagged text, UTF-16, half-open. */
	readonly start: number;
	readonly end: number;
	/** Rendered in the client's locale through `RuleContext.t`. */
	readonly message: string;
	/**
	 * Upper bound on the severity of this finding: a weak finding stays at Information or a Hint
	 * even when the user raises the rule to Error. Absent: the rule's configured severity.
	 */
	readonly maxSeverity?: Severity;
	readonly fixes: readonly Fix[];
	/** Other places the finding refers to: in this document (offsets), or in another file (a range). */
	readonly related?: readonly RelatedLocation[];
}

export type RelatedLocation =
	| { readonly start: number; readonly end: number; readonly message: string; readonly uri?: undefined }
	| { readonly uri: string; readonly range: { readonly start: Position; readonly end: Position }; readonly message: string };

export interface Position { readonly line: number; readonly character: number }

/** A finding after severities and the cap are applied. */
export interface Problem extends Finding {
	readonly severity: Exclude<Severity, 'off'>;
}

export interface CancellationToken {
	readonly isCancellationRequested: boolean;
}

/** A bounded cache a rule may use for per-line results; shared across documents. */
export interface LineCache<T> {
	get(key: string): T | undefined;
	set(key: string, value: T): void;
	/**
	 * `compute(text)` of every line of `doc` (cached by text; an edited document's unchanged lines by
	 * position). `n` is the line's index in `doc`, for reading what else is known of the same line
	 * text; the result must still depend on the text only.
	 */
	perLine(doc: import('./document').CorpusDocument, compute: (text: string, n: number) => T): readonly T[];
}

export interface RuleContext {
	readonly options: LintOptions;
	/** Renders a catalogue message in the client's locale. */
	readonly t: import('./messages').Translate;
	readonly token?: CancellationToken;
	/** Word segmentation of simplified text, when the host provides it. */
	readonly segmenter?: Segmenter;
	/** What the corpus holds beyond this document (through the injected workspace). */
	readonly corpus: CorpusView;
	/** The named entities of this document and the corpus, when the host recognizes names. */
	readonly entities?: EntityView;
	/** Spans of a line that are names (spelled as their owner spells them): the mixed-script rule leaves them alone. */
	readonly names?: import('./script/names').NameFinder;
	/** A cache owned by the service, per rule and per `scope` string (e.g. the target script). */
	cache<T>(scope: string): LineCache<T>;
}

/** Splits simplified Chinese text into dictionary words whose concatenation is the input (jieba's `cut` without HMM). */
export interface Segmenter {
	cut(text: string): string[];
	/** `texts.map(cut)` in one call (jieba: one crossing into WebAssembly instead of one per text); see `cutEach`. */
	cutMany?(texts: readonly string[]): string[][];
	/**
	 * False only when no word of `cut` can hold the units `first` then `second` side by side (jieba
	 * without its HMM: no word of its dictionary holds them), so a cut there is never joined and
	 * need not be asked. Absent: ask `cut`.
	 */
	mayJoin?(first: number, second: number): boolean;
}

/** The words of each text, in one call when the segmenter can. */
export function cutEach(segmenter: Segmenter, texts: readonly string[]): string[][] {
	return segmenter.cutMany ? segmenter.cutMany(texts) : texts.map((t) => segmenter.cut(t));
}

/** Part-of-speech tagging of simplified text (jieba's `tag` with its HMM): words concatenate to the input. */
export interface Tagger {
	tag(text: string): readonly { readonly word: string; readonly tag: string }[];
	/**
	 * The trained name recognizer (server/data/ner-model.bin, read by the host on first use):
	 * people, organizations and places. Without it only works, events and gazetteer names are found.
	 */
	readonly nameModel?: import('./entities/ner/model').NameModel;
}

/** An entity as rules see it. */
export interface EntityRef {
	readonly id: number;
	readonly name: string;
	readonly type: 'person' | 'organization' | 'place' | 'work' | 'event';
	readonly mentions: number;
	readonly files: number;
	/** Its first mention in the corpus. */
	readonly first?: { readonly uri: string; readonly line: number; readonly character: number; readonly length: number };
}

export interface EntityView {
	/** The document's entity mentions (outermost and nested), indexing the document as it is now. */
	mentionsOf(doc: import('./document').CorpusDocument): readonly { readonly start: number; readonly end: number; readonly entity: EntityRef }[];
	/** Other people whose name sounds the same (toneless pinyin) and differs in one character. */
	soundAlikes(entity: EntityRef): readonly EntityRef[];
}

/** The corpus as rules see it: counts from the workspace index. */
export interface CorpusView {
	readonly fileCount: number;
	/** Files holding a short line with this key (boilerplate/lineKey.ts). */
	filesWithLine(key: string): number;
	/** Other files sharing passages with this text (duplicates/passages.ts). */
	sharedWith(uri: string, text: string): readonly import('./duplicates/passages').SharedFile[];
}

export interface Rule {
	/** Stable kebab-case id with dotted families: `mixed-script`, `boilerplate.copyright`. */
	readonly id: string;
	/** One sentence, reused in the README and settings docs. */
	readonly description: string;
	readonly defaultSeverity: Severity;
	/** Whether `source.fixAll` applies this rule's safe fixes without the user listing it (default true). */
	readonly fixAllByDefault?: boolean;
	/**
	 * The cross-file facts the rule's findings read (through `RuleContext.corpus` or `entities`):
	 * when another file's facts change, the core asks the rule which files to check again
	 * (corpusModel.ts). Absent: the rule reads the document alone.
	 */
	readonly corpus?: CorpusDependency;
	check(doc: import('./document').CorpusDocument, ctx: RuleContext): Iterable<Finding>;
}

/** The facts of one file that other files' findings read. */
export interface CrossFacts {
	/** Its short-line keys (repeated lines). */
	readonly keys: readonly string[];
	/** Other files holding any of its prints (shared passages). */
	readonly neighbours: ReadonlySet<string>;
	/** The corpus size (thresholds move with it). */
	readonly fileCount: number;
}

/** One file's cross-file facts before and after it changed (was indexed, edited, deleted). */
export interface FactsChange { readonly uri: string; readonly before: CrossFacts; readonly after: CrossFacts }

/** What a rule may ask of the whole index to find the files a change affects. */
export interface CorpusFacts {
	filesWithLine(key: string): number;
	/** Every indexed file with its short-line keys. */
	files(): Iterable<readonly [uri: string, keys: readonly string[]]>;
}

export interface CorpusDependency {
	/** What of the corpus the rule reads: short lines' file counts, passages shared with other files, or the names of the corpus. */
	readonly reads: 'line-counts' | 'shared-passages' | 'names';
	/**
	 * Other files whose findings of this rule can change with `change` (the entity index answers
	 * this for `names`: files mentioning a person who gained or lost a sound-alike).
	 */
	affected?(change: FactsChange, corpus: CorpusFacts, options: LintOptions): Iterable<string>;
}

export type ScriptTarget = 'auto' | 'simplified' | 'traditional' | 'traditional-tw' | 'traditional-hk';

/**
 * The options the core sees; the server builds them from the `zhCorpus.*` settings, whose
 * defaults package.json declares (`defaultLintOptions`, defaults.ts).
 */
export interface LintOptions {
	/** Rule id → severity; rules absent here keep their default. */
	readonly rules: Readonly<Record<string, Severity>>;
	readonly scriptTarget: ScriptTarget;
	/** Words accepted in traditional text although OpenCC converts them (user additions). */
	readonly scriptAllow: readonly string[];
	readonly maxProblems: number;
	/** Extra rules fix-all applies: `rule` (at its standard severity) or `rule:info` / `rule:hint` (findings it reports at those tiers too). */
	readonly fixAllRules: readonly string[];
	/** boilerplate.repeated-line: a short line is template text when this many files hold it (and ≥ 1 % of the corpus). */
	readonly repeatedLineMinFiles: number;
	/** The user's boilerplate patterns, already validated (RE2 syntax). */
	readonly customPatterns: readonly CustomPattern[];
	/** punctuation.width: `consistent` flags the minority ASCII form; `fullwidth` / `halfwidth` force one. */
	readonly punctuationWidth: 'consistent' | 'fullwidth' | 'halfwidth';
	/** term.case: the user's terms with their exact case, added to the built-in list. */
	readonly terms: readonly string[];
}

export interface CustomPattern {
	readonly id: string;
	readonly regex: string;
	readonly message?: string;
	readonly fix?: 'delete-line' | 'delete-match';
	/** Measured cost of matching one character (userPatterns.ts): large documents with costly patterns are checked off the server's thread. */
	readonly msPerChar?: number;
}
