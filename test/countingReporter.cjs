// Mocha's spec output plus one machine-readable line with the counts, read by test/run-all.mjs.
const Mocha = require('mocha');

class CountingReporter extends Mocha.reporters.Spec {
	constructor(runner, options) {
		super(runner, options);
		let passed = 0;
		let failed = 0;
		runner.on('pass', () => { passed++; });
		runner.on('fail', () => { failed++; });
		runner.once('end', () => { console.log(`@@counts ${passed} ${failed}`); });
	}
}

module.exports = CountingReporter;
