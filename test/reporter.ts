/** Mocha's spec reporter, plus a closing `N passed, N failed` line that CI systems read. */
import Mocha = require("mocha");

class SpecWithSummary extends Mocha.reporters.Spec {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
        super(runner, options);
        runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
            const stats = runner.stats;
            if (stats) {
                process.stdout.write(`${stats.passes} passed, ${stats.failures} failed${stats.pending ? `, ${stats.pending} skipped` : ""}\n`);
            }
        });
    }
}

export = SpecWithSummary;
