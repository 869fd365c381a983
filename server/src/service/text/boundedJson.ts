/**
 * JSON with comments from files a workspace supplies (`.zh-corpus/entities.json`, `config.json`),
 * read within limits. jsonc-parser descends recursively, so a file of 10,000 nested brackets
 * overflowed the stack and took the names or every setting with it. Here an iterative pass of
 * its scanner first measures size, nesting and the number of values; a file beyond a limit is
 * refused as a whole with a message that names the limit, and only a file within them is parsed.
 */
import { createScanner, Node, ParseError, parseTree, printParseErrorCode, SyntaxKind } from 'jsonc-parser';
import type { MessageId } from '../messages';

export interface JsonLimits {
	/** UTF-16 characters of the text. */
	readonly maxChars: number;
	/** Objects and arrays inside each other. */
	readonly maxDepth: number;
	/** Values of any kind (property names count). */
	readonly maxValues: number;
}

export interface JsonProblem { readonly offset: number; readonly length: number; readonly message: string }

export type BoundedJson =
	| { readonly tree: Node | undefined; readonly errors: readonly JsonProblem[] }
	| { readonly refused: { readonly message: MessageId; readonly args: readonly (string | number)[]; readonly offset: number } };

export function parseBoundedJsonc(text: string, limits: JsonLimits): BoundedJson {
	if (text.length > limits.maxChars) {
		return { refused: { message: 'json.tooLarge', args: [mb(text.length), mb(limits.maxChars)], offset: 0 } };
	}
	const scanner = createScanner(text, true);
	let depth = 0, values = 0;
	for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
		switch (kind) {
			case SyntaxKind.OpenBraceToken: case SyntaxKind.OpenBracketToken:
				if (++depth > limits.maxDepth) { return { refused: { message: 'json.tooDeep', args: [limits.maxDepth, scanner.getTokenOffset()], offset: scanner.getTokenOffset() } }; }
				values++;
				break;
			case SyntaxKind.CloseBraceToken: case SyntaxKind.CloseBracketToken:
				depth = Math.max(0, depth - 1);
				break;
			case SyntaxKind.StringLiteral: case SyntaxKind.NumericLiteral: case SyntaxKind.TrueKeyword: case SyntaxKind.FalseKeyword: case SyntaxKind.NullKeyword:
				values++;
				break;
		}
		if (values > limits.maxValues) { return { refused: { message: 'json.tooMany', args: [limits.maxValues], offset: scanner.getTokenOffset() } }; }
	}
	const errors: ParseError[] = [];
	const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
	return { tree, errors: errors.map((e) => ({ offset: e.offset, length: e.length, message: printParseErrorCode(e.error) })) };
}

/** A node's value as plain data, built without recursion (the depth is bounded, but a tree of a million values makes deep call chains cheap to avoid). */
export function nodeValue(node: Node): unknown {
	const root: { value?: unknown } = {};
	const work: { node: Node; put: (v: unknown) => void }[] = [{ node, put: (v) => { root.value = v; } }];
	for (let item = work.pop(); item; item = work.pop()) {
		const n = item.node;
		if (n.type === 'array') {
			const a: unknown[] = new Array<unknown>(n.children?.length ?? 0);
			item.put(a);
			(n.children ?? []).forEach((c, i) => work.push({ node: c, put: (v) => { a[i] = v; } }));
		} else if (n.type === 'object') {
			const o: Record<string, unknown> = {};
			item.put(o);
			for (const p of n.children ?? []) {
				const [key, value] = p.children ?? [];
				if (key && value && typeof key.value === 'string') { const k = key.value; work.push({ node: value, put: (v) => { o[k] = v; } }); }
			}
		} else {
			item.put(n.value);
		}
	}
	return root.value;
}

/** The value node of a property of an object node. */
export function propertyNode(object: Node | undefined, name: string): Node | undefined {
	if (object?.type !== 'object') { return undefined; }
	for (const p of object.children ?? []) {
		if (p.children?.[0]?.value === name) { return p.children[1]; }
	}
	return undefined;
}

/** Line starts of a text, for offset → line and character by binary search (linear once, not per entry). */
export function lineStarts(text: string): Int32Array {
	let n = 1;
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) { n++; }
	const starts = new Int32Array(n);
	for (let i = text.indexOf('\n'), k = 1; i >= 0; i = text.indexOf('\n', i + 1)) { starts[k++] = i + 1; }
	return starts;
}

export function positionAt(starts: Int32Array, offset: number): { line: number; character: number } {
	let lo = 0, hi = starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (starts[mid] <= offset) { lo = mid; } else { hi = mid - 1; }
	}
	return { line: lo, character: offset - starts[lo] };
}

const mb = (chars: number) => (chars / 2 ** 20).toFixed(1);
