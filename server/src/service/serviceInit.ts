/** What a host gives the language service (index.ts): its workspace, locale, rules, segmenter and tagger, and what it tells the rules instead of the service's own index. */
import type { CachePolicy } from './lruCache';
import type { NameFinder } from './script/names';
import type { CorpusView, EntityView, Rule, Segmenter, Tagger } from './types';
import type { Workspace } from './workspace';

export interface ServiceInit {
	readonly workspace: Workspace;
	/** The client's locale (`initialize`'s `locale`), e.g. `zh-cn`. */
	readonly locale?: string;
	readonly rules?: readonly Rule[];
	/** Word segmentation (jieba, injected by the server: the core does no I/O). Rules that need words do less without it. */
	readonly segmenter?: Segmenter;
	/** Part-of-speech tagging (jieba) for entity recognition; without it only gazetteer names are found. */
	readonly tagger?: Tagger;
	/** How much the rules' line caches keep (default: all lines, for open documents being edited). */
	readonly cachePolicy?: CachePolicy;
	/** Finds the names of a line that mixed-script must not respell (default: the entity recognizer's rules over the tagger). */
	readonly nameFinder?: NameFinder;
}

/** What a host tells the rules of the corpus instead of this service's index (a worker's snapshot). */
export interface CorpusViews { readonly corpus: CorpusView; readonly entities?: EntityView }
