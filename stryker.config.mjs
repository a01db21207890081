// Mutation testing (StrykerJS). `npm run mutate` (test/mutation/run.ts) runs this once per scope of
// test/mutation/scopes.ts, setting MUTATE_SCOPE, MUTATE (what to mutate) and MUTATE_SPEC (the specs
// that test it); by hand, for one file and its spec:
//   SECURE_API_MUTATION_RUN=1 MUTATE="policy-pack/rules/s3/s3-bucket-tls-only.ts" MUTATE_SPEC="test/rules/s3/s3-bucket-tls-only.test.ts" npx stryker run
// Reports (HTML + JSON) go to reports/mutation/<scope>/ (git-ignored). The incremental file, the last
// run's result, is committed in test/mutation/incremental/<scope>.json: a run on a fresh clone (or after
// a small change) re-tests only the mutants whose code or covering tests changed. See README "Mutation testing".
const scope = process.env.MUTATE_SCOPE ?? "custom";
const out = `reports/mutation/${scope}`;
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
    packageManager: "npm",
    testRunner: "mocha",
    // test/mutation/file-checker.mjs ("typescript-files") judges the same mutants "does not compile" as
    // Stryker's TypeScript checker ("typescript"), re-checking only the files a mutant's change reaches:
    // about 0.65 s a mutant instead of 4 s here. MUTATE_CHECKER=stryker (`npm run mutate -- --checker
    // stryker`) uses Stryker's own.
    plugins: ["@stryker-mutator/*", "./test/mutation/file-checker.mjs"],
    checkers: [process.env.MUTATE_CHECKER === "stryker" ? "typescript" : "typescript-files"],
    // The checker type-checks each mutant against the code under test only (not the specs): about half the cost.
    tsconfigFile: process.env.MUTATE_TSCONFIG ?? "tsconfig.mutation.json",
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    coverageAnalysis: "perTest",
    mutate: process.env.MUTATE
        ? process.env.MUTATE.split(",")
        : [
              // The pack: rules, their helpers and the limits they read.
              "policy-pack/rules/**/*.ts",
              "policy-pack/baseline/**/*.ts",
              // The offline gate: exit codes, report formats, waivers, policy config, mocks.
              "policy-pack/gate/**/*.ts",
              // The stack config schema and the components' secure defaults.
              "stacks/config*.ts",
              "components/**/*.ts",
              // Not code under test: the Lambda handler bundle is tested as a bundle; pure docs/types files.
              "!components/lambda/jwt-authorizer/**/*.ts",
              "!**/index.ts",
          ],
    mochaOptions: {
        spec: process.env.MUTATE_SPEC ? process.env.MUTATE_SPEC.split(",") : ["test/**/*.test.ts"],
        // SWC transpiles unless the scope asks for TypeScript's own (MUTATE_TRANSPILER=typescript): a static
        // mutant reloads the project's modules, ~0.6 s with SWC instead of ~6 s.
        require: [
            process.env.MUTATE_TRANSPILER === "typescript" ? "ts-node/register/transpile-only" : "./test/support/register-swc.js",
            "./test/support/hooks.ts",
        ],
    },
    // Stryker's default adds "// @ts-nocheck" to every file under test/, fixtures included: the gate's spec that a
    // program broken against @pulumi/aws fails type-checking would then pass it. Only the instrumented code needs it.
    disableTypeChecks: "{policy-pack,components,stacks}/**/*.ts",
    // The gate's scope leaves static mutants out (test/mutation/scopes.ts `ignoreStatic`); reported "Ignored".
    ignoreStatic: process.env.MUTATE_IGNORE_STATIC === "1",
    incremental: true,
    incrementalFile: `test/mutation/incremental/${scope}.json`,
    reporters: ["html", "json", "clear-text", "progress"],
    htmlReporter: { fileName: `${out}/index.html` },
    jsonReporter: { fileName: `${out}/mutation.json` },
    thresholds: { high: 90, low: 85, break: null },
    concurrency: 2,
    timeoutMS: 120000,
    // The gate's dry run (every gate spec, TypeScript transpiling, coverage per test) passes Stryker's 5-minute
    // default when another job shares the two cores.
    dryRunTimeoutMinutes: 30,
    tempDirName: ".stryker-tmp",
    ignorePatterns: ["reports", ".plan", "out", ".scratch", ".stryker-tmp"],
};
