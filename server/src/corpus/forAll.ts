/** Runs `work` over `items` with at most `limit` at once; stops taking new items when cancelled. */
export async function forAll<T>(items: readonly T[], limit: number, token: { isCancellationRequested: boolean } | undefined, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const lane = async () => {
		while (next < items.length && !token?.isCancellationRequested) { await work(items[next++]); }
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
