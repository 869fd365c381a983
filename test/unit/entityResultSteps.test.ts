/**
 * A file's names and mentions applied to the entity index in steps (the server's thread applies a
 * large file's results between other work, corpusNames.ts) give the index that applying them in
 * one piece gives; the index changes only in the last step; a write begun later stands.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EntityIndex } from '../../server/src/service/entities/entityIndex';
import { discover } from '../../server/src/service/entities/discovery';
import { Discovery, tallyFound } from '../../server/src/service/entities/discoveryTally';
import { FileMatches, matchNames } from '../../server/src/service/entities/matcher';
import { unitsPerStep } from '../../server/src/service/entities/resultSteps';
import { parseGazetteer } from '../../server/src/service/entities/gazetteer';
import { jiebaSegmenter } from '../../server/src/segmenter';
import { seedsAvailable, seedsDir } from './helpers';

const tagger = jiebaSegmenter();

/**
 * The index as its readers see it, by names (not ids). `anyOrder`: lists in an order of their own
 * (files in the order they were applied, entities in the order created) sorted.
 */
function stateOf(index: EntityIndex, uris: readonly string[], anyOrder = false) {
	const sorted = <T>(xs: T[]): T[] => (anyOrder ? xs.map((x) => JSON.stringify(x)).sort().map((x) => JSON.parse(x) as T) : xs);
	const entities = sorted([...index.table.live()].map((e) => ({
		name: e.name, keys: [...e.keys], type: index.table.typeOf(e), votes: sorted([...e.votes]), discoveredIn: sorted([...e.discoveredIn]),
		mentionFiles: sorted([...e.mentionFiles]), total: e.mentionTotal, occurrences: e.occurrences,
		roles: index.roles(e), variants: sorted(index.variants(e)), spelling: index.commonSpelling(e),
	})));
	const files = uris.map((uri) => [uri, index.has(uri), index.mentions(uri).map((m) => [m.line, m.character, m.length, m.entity.name]), [...index.foundIn(uri)]]);
	return { entities, files };
}

/** Steps of several generators in turn, `each` of each at a time (0: each to its end in turn); their results by position. */
function interleaved<T>(steps: Generator<void, T>[], each: number): T[] {
	const results: T[] = [];
	const done = new Set<number>();
	const step = (i: number) => {
		const next = steps[i].next();
		if (next.done) { results[i] = next.value; done.add(i); }
	};
	while (done.size < steps.length) {
		for (let i = 0; i < steps.length; i++) {
			if (each === 0) { while (!done.has(i)) { step(i); } }
			for (let k = 0; k < each && !done.has(i); k++) { step(i); }
		}
	}
	return results;
}

const matchesOf = (index: EntityIndex, uri: string, text: string): FileMatches => matchNames(text, index.foundIn(uri), index.table, tagger.nameModel?.words);

describe('entity index: results applied in steps', () => {
	const files = new Map<string, string>();
	before(function () {
		if (!seedsAvailable()) { this.skip(); }
		// Seeds of both scripts, and one file of many of them (more mentions than a step takes).
		const names = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().slice(0, 12);
		const texts = names.map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));
		texts.forEach((t, i) => files.set(`file:///c/${names[i]}`, t));
		files.set('file:///c/large.txt', texts.join('\n').repeat(30));
	});

	it('equal the index of one-piece application, each file in turn and interleaved', () => {
		const uris = [...files.keys()];
		const tallies = new Map<string, Discovery>(uris.map((u) => [u, tallyFound(discover(files.get(u)!, tagger))]));
		const whole = new EntityIndex(tagger);
		for (const uri of uris) { whole.applyTally(uri, tallies.get(uri)!); }
		for (const uri of uris) { whole.applyMatches(uri, matchesOf(whole, uri, files.get(uri)!)); }
		for (const each of [0, 1, 3]) {
			const stepped = new EntityIndex(tagger);
			for (const uri of uris) { stepped.ensure(uri); }
			const added = interleaved(uris.map((u) => stepped.applyTallyInSteps(u, tallies.get(u)!)), each);
			assert.equal(added.filter((a) => a !== undefined).length, uris.length, 'every tally applied');
			interleaved(uris.map((u) => stepped.applyMatchesInSteps(u, matchesOf(stepped, u, files.get(u)!))), each);
			// In turn: the same index in the same order; interleaved, the large file's steps end after the others'.
			assert.deepEqual(stateOf(stepped, uris, each > 0), stateOf(whole, uris, each > 0), `${each} step(s) at a time`);
		}
		assert.ok(whole.mentions('file:///c/large.txt').length > unitsPerStep, `the large file has ${whole.mentions('file:///c/large.txt').length} mentions`);
	});

	it('change the index in the last step only', () => {
		const uri = 'file:///c/large.txt';
		const index = new EntityIndex(tagger);
		index.ensure(uri);
		const before = JSON.stringify(stateOf(index, [uri]));
		const steps = index.applyTallyInSteps(uri, tallyFound(discover(files.get(uri)!, tagger)));
		let taken = 0;
		for (let next = steps.next(); !next.done; next = steps.next()) {
			taken++;
			assert.equal(JSON.stringify(stateOf(index, [uri])), before, `unchanged after step ${taken}`);
		}
		const tallied = JSON.stringify(stateOf(index, [uri]));
		assert.notEqual(tallied, before);
		const matches = matchesOf(index, uri, files.get(uri)!);
		const matching = index.applyMatchesInSteps(uri, matches);
		let matchSteps = 0;
		for (let next = matching.next(); !next.done; next = matching.next()) {
			matchSteps++;
			assert.equal(JSON.stringify(stateOf(index, [uri])), tallied, `unchanged after step ${matchSteps}`);
		}
		assert.ok(taken > 1 && matchSteps > 1, `${taken} steps of tally, ${matches.mentions.length / 4} mentions in ${matchSteps} steps`);
		assert.ok(index.mentions(uri).length > unitsPerStep);
	});

	it('leave a write begun later standing: a newer tally, a removal, a new gazetteer', () => {
		const [a, b] = [...files.keys()];
		const first = tallyFound(discover(files.get(a)!, tagger)), later = tallyFound(discover(files.get(b)!, tagger));
		// A newer tally of the same file lands between two steps: as if applied after the stepped one.
		const reference = new EntityIndex(tagger);
		reference.applyTally(a, first);
		reference.applyTally(a, later);
		const index = new EntityIndex(tagger);
		index.ensure(a);
		const steps = index.applyTallyInSteps(a, first);
		steps.next();
		index.applyTally(a, later);
		let last = steps.next();
		while (!last.done) { last = steps.next(); }
		assert.equal(last.value, undefined, 'the older tally is not applied');
		assert.deepEqual(stateOf(index, [a]), stateOf(reference, [a]));
		// Removed between two steps: nothing comes back.
		const removed = new EntityIndex(tagger);
		removed.ensure(a);
		const gone = removed.applyTallyInSteps(a, first);
		gone.next();
		removed.remove(a);
		while (!gone.next().done) { /* to its end */ }
		assert.equal(removed.has(a), false);
		assert.equal([...removed.table.live()].length, 0);
		// Matches of the old table are not applied once a new gazetteer made a new one: the file waits to be matched again.
		const regazetteered = new EntityIndex(tagger);
		regazetteered.applyTally(a, first);
		const matching = regazetteered.applyMatchesInSteps(a, matchesOf(regazetteered, a, files.get(a)!));
		matching.next();
		regazetteered.setGazetteer(parseGazetteer('file:///g.json', '{"entities":[{"name":"盛来运","type":"person"}]}'));
		while (!matching.next().done) { /* to its end */ }
		assert.equal(regazetteered.isUnmatched(a), true);
		assert.equal(regazetteered.mentions(a).length, 0);
	});
});
