/**
 * The server's own protocol beyond LSP, shared by the server and the VS Code client: every custom
 * request, notification and server command by name, what they carry, and the options the server
 * process starts with. Constants and types only (it imports nothing, so the client bundles
 * nothing else of the server).
 */

/** Requests the client sends. */
export const requests = {
	/** {type?, limit?} → the entity view's rows (counts per type without a type). */
	entities: 'zhCorpus/entities',
	/** {uri, position} or {id} → an entity's mentions in the workspace. */
	entityMentions: 'zhCorpus/entityMentions',
	/** {uri} → DocumentStatus (the status bar). */
	documentStatus: 'zhCorpus/documentStatus',
	/** → the corpus summary with its markdown. */
	corpusSummary: 'zhCorpus/corpusSummary',
	/** → the rule families Clean Workspace offers. */
	ruleFamilies: 'zhCorpus/ruleFamilies',
} as const;

/** Test and benchmark requests, answered only when the client starts the server with `debug`. */
export const debugRequests = {
	documentHash: 'zhCorpus/debug/documentHash',
	crash: 'zhCorpus/debug/crash',
	memory: 'zhCorpus/debug/memory',
	/** → {server, workers}: the system thread ids of the server's thread and of every corpus worker started (Linux). */
	threads: 'zhCorpus/debug/threads',
} as const;

/** Notifications the server sends. */
export const notifications = {
	/** CorpusStatus: the scan's progress and the corpus's counts. */
	status: 'zhCorpus/status',
	/** Names changed: the entity view reloads. */
	entitiesChanged: 'zhCorpus/entitiesChanged',
} as const;

/** Commands the server runs (`workspace/executeCommand`); their arguments are checked in commandArguments.ts. */
export const serverCommands = {
	/** [uri, target]: converts the document to a script. */
	convertDocument: 'zhCorpus.convertDocument',
	/** [{families?, assumeYes?}]: fixes the chosen rule families in every corpus file. */
	cleanWorkspace: 'zhCorpus.server.cleanWorkspace',
	/** []: restores the files of the last clean. */
	undoLastClean: 'zhCorpus.server.undoLastClean',
	/** [uri, {assumeYes?}]: rewrites a file in a legacy encoding as UTF-8. */
	convertToUtf8: 'zhCorpus.server.convertToUtf8',
	/** [uri, rule?]: computes a fix-all and applies it (clients that do not resolve code actions). */
	fixAll: 'zhCorpus.server.fixAll',
} as const;

/**
 * Node options the server process is started with (the VS Code client, the LSP tests and
 * benches; the README gives them to other editors). V8's options are fixed when the process
 * starts (`v8.setFlagsFromString` no longer resizes the heap), so they cannot be set from inside;
 * they apply to the workers' heaps too.
 * `--min-semi-space-size=4 --max-semi-space-size=8`: the young generation neither starts at 1 MB
 * and shrinks back to it when allocation slows (then a large document's results arriving from a
 * worker are scavenged, and copied again, every few hundred kB: pauses of 45–55 ms; a longest
 * request wait of 157–165 ms on opening a 1 MB document) nor grows to 16 MB a semi-space, whose
 * scavenges of a full young generation stalled the server's thread by up to 130 ms during the
 * 10k corpus scan. Measured with `out/bench/responsive.js` (3 alternated pairs, the server's part
 * of the longest wait): scan 43–79 ms against 52–133 with a fixed 16 MB, a 100 MB file 19–25
 * against 38–66, a 1 MB document opened 13–49 against 16–56; cold-start peak memory 772–789 MB
 * against 843–851 (`out/bench/scale.js`); keystroke latency unchanged (`out/bench/latency.js`).
 * `--no-allocation-site-pretenuring`: V8 otherwise learns that most objects of some allocation
 * sites survive and allocates those straight into the old generation. A keystroke's check of a
 * large open document makes such objects anew each time (and drops the last ones), so its worker
 * grew the old generation by fresh pages per keystroke (a first touch costs ≈ 11 µs on the bench
 * machine) and marked it over and over. In the worker's job alone (the bench's 1 MB document,
 * its real job replayed): 11.8 ms of CPU against 13.3–13.8, a sixth fewer page faults. Through the
 * server (`LATENCY_EDITS=201`, 3 alternated pairs): p90 33–35 ms against 41–43, the median the
 * same (22–24 ms). Cold start, its memory and the longest waits of `responsive.js` did not change
 * beyond the machine's noise.
 */
export const serverNodeOptions: readonly string[] = ['--min-semi-space-size=4', '--max-semi-space-size=8', '--no-allocation-site-pretenuring'];

/**
 * Environment variables the server process is started with unless the caller's environment sets
 * them (the VS Code client, and the LSP tests and benches, which measure the server as the
 * extension runs it; the README gives them to other editors).
 * `MALLOC_MMAP_THRESHOLD_=131072` (glibc): a block above 128 KB is mapped on its own and given
 * back when freed, where glibc would otherwise raise its threshold (up to 32 MB) and keep what a
 * corpus worker freed in its arenas. On the 10k bench (`out/bench/scale.js`): resident once idle
 * 659 MB against 783 and peak after the re-checks for names 815 MB against 919 (a full run
 * each), cold-start peak 720–727 MB against 764–780. It costs CPU (each such block mapped and
 * its pages faulted in afresh): cold start 22.2–22.7 s against 20.5–21.2 on a loaded machine
 * (2 alternated pairs).
 */
export const serverEnvironmentDefaults: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };

/** `zhCorpus/status`: the scan's progress and the corpus's counts. */
export const statusNotification = notifications.status;

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
