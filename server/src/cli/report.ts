/**
 * How `zh-corpus check` reports: readable lines (`file:line:col severity rule message`), JSON,
 * or SARIF 2.1.0 for code-scanning UIs (columns in UTF-16 code units, as the rules count them).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Problem, Rule, Severity } from '../service';
import type { CorpusDocument } from '../service';

export interface Reported {
	readonly file: string;
	/** 1-based. */
	readonly line: number;
	readonly column: number;
	readonly endLine: number;
	readonly endColumn: number;
	readonly severity: Exclude<Severity, 'off'>;
	readonly rule: string;
	readonly message: string;
}

export function reported(file: string, doc: CorpusDocument, p: Problem): Reported {
	const start = doc.positionAt(p.start);
	const end = doc.positionAt(p.end);
	return { file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, severity: p.severity, rule: p.ruleId, message: p.message };
}

/** A file-level note (not read, read in parts) as a report row on line 1. */
export function fileNote(file: string, rule: string, message: string, severity: Reported['severity'] = 'info'): Reported {
	return { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity, rule, message };
}

export function textLine(r: Reported, cwd = process.cwd()): string {
	return `${path.relative(cwd, r.file) || r.file}:${r.line}:${r.column} ${r.severity} ${r.rule} ${r.message}`;
}

const sarifLevel: Record<Reported['severity'], string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function sarif(results: readonly Reported[], rules: readonly Rule[], version: string): object {
	const ids = [...new Set([...rules.map((r) => r.id), ...results.map((r) => r.rule)])];
	const described = new Map(rules.map((r) => [r.id, r.description]));
	return {
		$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
		version: '2.1.0',
		runs: [{
			tool: { driver: { name: 'zh-corpus', version, informationUri: 'https://github.com/zh-corpus/zh-corpus', rules: ids.map((id) => ({ id, shortDescription: { text: described.get(id) ?? id } })) } },
			columnKind: 'utf16CodeUnits',
			results: results.map((r) => ({
				ruleId: r.rule,
				ruleIndex: ids.indexOf(r.rule),
				level: sarifLevel[r.severity],
				message: { text: r.message },
				locations: [{ physicalLocation: { artifactLocation: { uri: pathToFileURL(r.file).href }, region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn } } }],
			})),
		}],
	};
}
