/**
 * What the server says about one open document beyond its problems: its script and problem count
 * (the status bar), and whether the file behind it is UTF-8 text at all.
 */
import { promises as fs } from 'node:fs';
import type { CorpusStatus, DocumentStatus } from '../protocol';
import type { FileProblems } from '../corpus/problemTally';
import { decodeCorpusBytes } from '../files/fileReader';
import type { CorpusDocument } from '../service';
import { countScript } from '../service/script/detect';
import type { Skipped } from '../worker/protocol';

/** The document's script (mixed when both have at least 10 characters of their own) and its problem count. */
export function documentStatus(doc: CorpusDocument, problems: FileProblems | undefined, corpus: CorpusStatus): DocumentStatus {
	const script = countScript(doc.text);
	const mixed = Math.min(script.simplified, script.traditional) >= 10;
	const dominant = script.simplified + script.traditional === 0 ? undefined : script.simplified >= script.traditional ? 'simplified' : 'traditional';
	return {
		script: mixed ? 'mixed' : dominant,
		problems: problems ? Object.values(problems.counts).reduce((a, b) => a + b, 0) : 0,
		capped: problems?.capped ?? false,
		corpus,
	};
}

/**
 * Why the file behind an open document is not UTF-8 text (binary, another encoding), or
 * undefined when it is: the editor decoded it with replacement characters, which means nothing
 * when the bytes on disk are in GB18030.
 */
export async function notUtf8OnDisk(file: string | undefined): Promise<Skipped | undefined> {
	const bytes = file ? await fs.readFile(file).catch(() => undefined) : undefined;
	const outcome = bytes && decodeCorpusBytes(bytes);
	return outcome?.skipped === 'encoding' || outcome?.skipped === 'binary' ? { reason: outcome.skipped, detail: outcome.detail, encoding: outcome.encoding } : undefined;
}
