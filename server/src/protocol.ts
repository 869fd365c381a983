/**
 * What the server tells clients about the corpus, shared by the server and the VS Code client
 * (type-only: nothing of the server is bundled into the client).
 */

/** `zhCorpus/status`: the scan's progress and the corpus's counts. */
export const statusNotification = 'zhCorpus/status';

export interface CorpusStatus {
	readonly indexing?: { readonly phase: 'indexing' | 'checking'; readonly done: number; readonly total: number };
	readonly tagging: boolean;
	/** Files being checked again in the background (another file changed what they share). */
	readonly rechecking: number;
	readonly files: number;
	readonly problems: number;
	readonly cappedFiles: number;
	/** Restricted Mode: workspace-supplied patterns and gazetteers are ignored. */
	readonly restricted: boolean;
}

/** `zhCorpus/documentStatus` {uri}: the open document's script and problems, and the corpus's status. */
export interface DocumentStatus {
	readonly script?: 'simplified' | 'traditional' | 'mixed';
	readonly problems: number;
	readonly capped: boolean;
	readonly corpus: CorpusStatus;
}
