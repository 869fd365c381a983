/**
 * Names scored end to end, as a user sees them: the public benchmarks' dev splits written as a
 * workspace (100 sentences a file, one a line), every file opened, its semantic tokens read
 * and scored by exact span and type (PER/ORG/LOC). The same sentences in traditional script
 * (opencc-js cn→tw) make a second workspace. Skipped when ../shared is absent.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Converter } from 'opencc-js';
import type { SemanticTokens } from 'vscode-languageserver-protocol';
import { GoldMention, NerScore } from '../support/nerScore';
import { LspClient, repoRoot } from './lspClient';

const nerTrain = path.resolve(repoRoot, '..', 'shared', 'corpus', 'ner-train');
const tokenTypes = ['person', 'organization', 'place', 'work', 'event'];
const goldType: Record<string, GoldMention['type'] | undefined> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC' };

interface Sentence { readonly text: string; readonly gold: GoldMention[] }

function readSet(name: string): Sentence[] {
	return fs.readFileSync(path.join(nerTrain, name), 'utf8').split('\n').filter(Boolean).map((line) => {
		const r = JSON.parse(line) as { text: string; entities: { start: number; end: number; type: string }[] };
		const text = r.text.replace(/[\r\n]/g, ' ');
		const gold = r.entities.flatMap((e) => goldType[e.type] ? [{ start: e.start, end: e.end, text: text.slice(e.start, e.end), type: goldType[e.type]! }] : []);
		return { text, gold };
	});
}

/** Writes the sentences as files of a new workspace, runs the server on it and scores its tokens. */
async function scoreThroughServer(sentences: readonly Sentence[]): Promise<NerScore> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-corpus-ner-'));
	const files: Sentence[][] = [];
	for (let i = 0; i < sentences.length; i += 100) { files.push(sentences.slice(i, i + 100)); }
	files.forEach((f, i) => fs.writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}.txt`), f.map((s) => s.text).join('\n') + '\n'));
	const client = new LspClient({ workspaceFolder: dir, progress: true });
	const score = new NerScore();
	try {
		await client.initialize();
		await client.namesReady();
		for (const [i, f] of files.entries()) {
			const uri = pathToFileURL(path.join(dir, `${String(i).padStart(3, '0')}.txt`)).href;
			await client.open(uri, f.map((s) => s.text).join('\n') + '\n');
			const tokens = await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } }) as SemanticTokens;
			const byLine = f.map(() => [] as { start: number; end: number; type: string }[]);
			let line = 0, character = 0;
			for (let k = 0; k < tokens.data.length; k += 5) {
				const [dLine, dChar, length, type] = tokens.data.slice(k, k + 4);
				line += dLine;
				character = dLine === 0 ? character + dChar : dChar;
				byLine[line]?.push({ start: character, end: character + length, type: tokenTypes[type] });
			}
			f.forEach((s, l) => score.add(s.text, s.gold, byLine[l].filter((p) => p.type === 'person' || p.type === 'organization' || p.type === 'place')));
		}
	} finally {
		await client.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	}
	return score;
}

describe('names scored through the server (benchmark dev splits)', function () {
	this.timeout(300_000);
	const report = (label: string, s: NerScore) => console.log(`      ${s.report(label).split('\n').join('\n      ')}`);
	before(function () { if (!fs.existsSync(nerTrain)) { console.log('      (skipped: ../shared/corpus/ner-train is absent)'); this.skip(); } });

	it('msra-dev, simplified and traditional: F1 ≥ 0.80 each', async () => {
		const sentences = readSet('msra-dev.jsonl');
		const simplified = await scoreThroughServer(sentences);
		report('msra-dev (server, simplified)', simplified);
		const toTraditional = Converter({ from: 'cn', to: 'tw' });
		const traditional = await scoreThroughServer(sentences.map((s) => {
			const text = toTraditional(s.text);
			assert.equal(text.length, s.text.length, 'cn→tw keeps the length');
			return { text, gold: s.gold.map((g) => ({ ...g, text: text.slice(g.start, g.end) })) };
		}));
		report('msra-dev (server, traditional)', traditional);
		assert.ok(simplified.total(['PER', 'ORG', 'LOC']).f1 >= 0.80, simplified.report('msra-dev'));
		assert.ok(traditional.total(['PER', 'ORG', 'LOC']).f1 >= 0.80, traditional.report('msra-dev traditional'));
	});

	it('cluener-dev mapped to PER/ORG/LOC (reported; F1 ≥ 0.60)', async () => {
		const score = await scoreThroughServer(readSet('cluener-dev.jsonl'));
		report('cluener-dev (server)', score);
		assert.ok(score.total(['PER', 'ORG', 'LOC']).f1 >= 0.60, score.report('cluener-dev'));
	});
});
