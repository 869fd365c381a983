/**
 * `zh-corpus fix --jsonl`: a map step for engines that already distribute a corpus (Spark
 * `RDD.pipe`, Hadoop streaming). Each input line is a record `{"id": …, "text": …}`; each output
 * line is the record with its text cleaned by fix-all (and, with --removed, what each rule
 * removed or replaced). Records are independent: rules that compare files do not apply. A line
 * that is not such a record gets `{"id", "error"}` and the stream goes on.
 */
import { createInterface } from 'node:readline';
import { CorpusDocument, LanguageService, reviewRows } from '../service';
import { applyEdits } from '../service/edits';
import type { Settings } from '../settings';
import { jiebaSegmenter } from '../segmenter';

export interface JsonLinesOptions {
	readonly settings: Settings;
	readonly locale: string;
	readonly families?: readonly string[];
	readonly removed: boolean;
	readonly input?: NodeJS.ReadableStream;
	readonly output?: NodeJS.WritableStream;
}

export async function fixJsonLines(o: JsonLinesOptions): Promise<number> {
	const jieba = jiebaSegmenter((m) => process.stderr.write(`${m}\n`));
	const service = new LanguageService({ workspace: { listFiles: async () => [], readFile: async () => undefined }, locale: o.locale, segmenter: jieba });
	const out = o.output ?? process.stdout;
	let errors = 0;
	for await (const line of createInterface({ input: o.input ?? process.stdin, crlfDelay: Infinity })) {
		if (line.trim() === '') { continue; }
		let record: { id?: unknown; text?: unknown };
		try { record = JSON.parse(line) as typeof record; } catch (e) {
			errors++;
			out.write(`${JSON.stringify({ id: null, error: `not JSON: ${e instanceof Error ? e.message : String(e)}` })}\n`);
			continue;
		}
		if (typeof record.text !== 'string') {
			errors++;
			out.write(`${JSON.stringify({ id: record.id ?? null, error: 'the record has no "text" string' })}\n`);
			continue;
		}
		const doc = new CorpusDocument(`jsonl:${String(record.id)}`, 0, record.text);
		const edits = o.families ? service.clean(doc, o.settings, o.families) : service.fixAll(doc, o.settings);
		const cleaned = { ...record, text: applyEdits(doc.text, edits) };
		if (o.removed) { Object.assign(cleaned, { removed: reviewRows(doc, edits) }); }
		// Backpressure: wait when the consumer reads slower than we write.
		if (!out.write(`${JSON.stringify(cleaned)}\n`)) { await new Promise((r) => out.once('drain', r)); }
	}
	if (errors > 0) { process.stderr.write(`zh-corpus: ${errors} records could not be read\n`); }
	return errors > 0 ? 1 : 0;
}
