/**
 * The script tables generated at build time (server/data/script-tables.json, by
 * tools/build-script-tables.mjs) are what working them out at run time gives: every risk bit,
 * default regional form and neighbour, from the same OpenCC tables. Fails when the file is stale
 * (script.json or derivedTables.ts changed without `npm run build`).
 */
import * as assert from 'node:assert/strict';
import derived from '../../server/data/script-tables.json';
import { decodeDerived, deriveTables, encodeDerived } from '../../server/src/service/script/derivedTables';
import { readOpenccTables } from '../../server/src/service/script/openccTables';
import { scriptTables } from '../../server/src/service/script/tables';

const sortedNeighbours = (m: ReadonlyMap<number, ReadonlySet<number>>) => [...m].map(([code, set]) => [code, [...set].sort((a, b) => a - b)] as const).sort((a, b) => a[0] - b[0]);

describe('the generated script tables', () => {
	const built = deriveTables(readOpenccTables());
	const read = scriptTables();

	it('hold what the run-time build gives, table by table', () => {
		for (const name of ['risky', 'defaultTw', 'defaultHk'] as const) {
			assert.ok(built[name].some((v) => v !== 0), `${name} is not empty`);
			assert.deepEqual(read[name], built[name], `${name} differs from the run-time build: run npm run build`);
		}
		assert.ok(built.neighbours.size > 0);
		assert.deepEqual(sortedNeighbours(read.neighbours), sortedNeighbours(built.neighbours), 'neighbours differ from the run-time build: run npm run build');
	});

	it('are the file as the build script writes it', () => {
		const stored: Partial<typeof derived> = { ...derived };
		delete stored.about;
		assert.deepEqual(stored, encodeDerived(built));
	});

	it('decode to what was encoded', () => {
		const again = decodeDerived(encodeDerived(built));
		assert.deepEqual(again.risky, built.risky);
		assert.deepEqual(sortedNeighbours(again.neighbours), sortedNeighbours(built.neighbours));
	});
});
