/**
 * The corpus summary as Markdown, in the client's language: what the status bar opens. The
 * server renders it so that every editor shows the same text and the message catalogue stays
 * the only place with words in it.
 */
import { grouped, type Translate } from '../service/messages';

export interface SummaryData {
	readonly files: number;
	readonly characters: number;
	readonly simplifiedFiles: number;
	readonly traditionalFiles: number;
	readonly mixedFiles: number;
	readonly indexing?: { readonly phase: string; readonly done: number; readonly total: number };
	readonly tagging: boolean;
	readonly problems: number;
	readonly cappedFiles: number;
	readonly problemsPerRule: Readonly<Record<string, number>>;
	readonly skipped: Readonly<Record<string, number>>;
	readonly topEntities: Readonly<Record<string, readonly { name: string; mentions: number; files: number }[]>>;
}

const n = grouped;

export function summaryMarkdown(s: SummaryData, t: Translate): string {
	const out = [`# ${t('summary.title')}`, ''];
	if (s.indexing) { out.push(`_${t('summary.indexing', n(s.indexing.done), n(s.indexing.total))}_`, ''); }
	if (s.tagging) { out.push(`_${t('summary.tagging')}_`, ''); }
	out.push(`| | |`, `|---|---:|`,
		`| ${t('summary.files')} | ${n(s.files)} |`,
		`| ${t('summary.characters')} | ${n(s.characters)} |`,
		`| ${t('summary.simplifiedFiles')} | ${n(s.simplifiedFiles)} |`,
		`| ${t('summary.traditionalFiles')} | ${n(s.traditionalFiles)} |`,
		`| ${t('summary.mixedFiles')} | ${n(s.mixedFiles)} |`,
		`| ${t('summary.problems')} | ${n(Object.values(s.problemsPerRule).reduce((a, b) => a + b, 0))} |`,
		`| ${t('summary.cappedFiles')} | ${n(s.cappedFiles)} |`, '');
	const rules = Object.entries(s.problemsPerRule).sort((a, b) => b[1] - a[1]);
	if (rules.length > 0) {
		out.push(`## ${t('summary.perRule')}`, '', `| ${t('summary.rule')} | ${t('summary.count')} |`, '|---|---:|');
		for (const [rule, count] of rules) { out.push(`| \`${rule}\` | ${n(count)} |`); }
		out.push('');
	}
	const skipped = Object.entries(s.skipped);
	if (skipped.length > 0) {
		out.push(`## ${t('summary.skipped')}`, '');
		for (const [reason, count] of skipped) { out.push(`- \`file.${reason}\`: ${n(count)}`); }
		out.push('');
	}
	const types = Object.entries(s.topEntities).filter(([, list]) => list.length > 0);
	if (types.length > 0) {
		out.push(`## ${t('summary.names')}`, '');
		for (const [type, list] of types) {
			out.push(`**${t(`entity.${type}` as Parameters<Translate>[0])}**: ${list.map((e) => `${e.name} (${n(e.mentions)})`).join('、')}`, '');
		}
	}
	return out.join('\n');
}
