/**
 * The offline plan: runs a Pulumi program under the mock runtime with a
 * stack's config, prints the resource tree, applies the policy pack and exits
 * 0 (no mandatory violation), 1 (mandatory violations) or 2 (usage, config or
 * program error). No Pulumi CLI, cloud account or network is needed.
 *
 *   npm run plan -- --stack dev
 *   npm run plan -- --program test/fixtures/programs/open-api --sarif --out plan.sarif
 */
import type { EnforcementLevel } from "@pulumi/policy";
import * as fs from "fs";
import * as path from "path";
import { policies, ruleCatalog } from "../rules";
import { parseArgs, PlanOptions, USAGE, UsageError } from "./args";
import { REDACTED, redactMessage, secretStrings } from "./redact";
import { redactCredentials } from "../rules/lib/secrets";
import { evaluatePolicies, PolicyConfigError, policyConfigWarnings, resolvePolicyConfig, RuleError } from "./engine";
import { readPolicyConfig, resolvePlan, ROOT } from "./inputs";
import { loadProgram } from "./program";
import { coverageOf } from "./coverage";
import { passes, PlanReport, toJson, toSarif, toText } from "./report";
import { IncompleteRunError, isRunActive, MockRunResult, ProgramError, runUnderMocks } from "./runtime";
import { listStacks, readProjectFile, readStackConfig, StackFileError } from "./stack-files";
import { TypeCheckError, typeCheck } from "./typecheck";
import { loadSdk, MixedSdkError, packagesFor, withFallback } from "./sdk";
import { MissingStackReferenceError, readStackOutputsFile, ReferencedStack, stackOutputsRemedy, StackReferences } from "./stack-references";

export { parseArgs, PlanOptions, USAGE, UsageError } from "./args";

const rel = (file: string | undefined) => (file ? path.relative(process.cwd(), file) || "." : undefined);

/** The stack of this project a fully qualified reference names (`<any org>/<our project>/<stack>`), if any. */
function ownStack(stackName: string): string | undefined {
    const [, project, stack] = stackName.split("/");
    return project === readProjectFile(ROOT)?.name && listStacks(ROOT).includes(stack) ? stack : undefined;
}

/**
 * Plans one of this project's stacks offline for the outputs a reference to it
 * reads. A StackReference reads a stack that exists, so its outputs are those
 * of the deployed stack (update mode), whichever mode the referencing program runs in.
 */
async function planOwnStack(stack: string, options: PlanOptions): Promise<ReferencedStack> {
    const resolved = resolvePlan({ ...options, program: undefined, config: undefined, stack });
    const config = readStackConfig(resolved.configFile!, resolved.project);
    const run = await runUnderMocks(() => loadProgram(resolved.entry), { project: resolved.project, stack, ...config, mode: "update" });
    const known = Object.entries(run.outputs).filter(([, o]) => o.known);
    return {
        values: Object.fromEntries(known.map(([k, o]) => [k, o.value])),
        secretNames: known.filter(([, o]) => o.secret).map(([k]) => k),
        source: `computed by planning stack ${stack} of this project offline, as deployed`,
        complete: true,
    };
}

const MISSING_REFERENCE = /no outputs are known for stack reference "([^"]+)"/;

/**
 * Runs the program under mocks. Stack references read the `--stack-outputs`
 * files; a reference to one of this project's own stacks without a file is
 * answered by planning that stack first, then the program runs again.
 */
async function runProgram(resolved: ReturnType<typeof resolvePlan>, options: PlanOptions): Promise<{ run: MockRunResult; references: StackReferences }> {
    const stackConfig = resolved.configFile ? readStackConfig(resolved.configFile, resolved.project) : { config: {}, secretKeys: [] };
    const references: StackReferences = {};
    for (const [name, file] of Object.entries(options.stackOutputs)) {
        references[name] = readStackOutputsFile(name, file);
    }
    // Packages the program lacks come from the gate's node_modules; the mocks go on the @pulumi/pulumi it loads.
    const release = withFallback(resolved.programDir);
    try {
        const sdk = loadSdk(resolved.programDir);
        return await runWithReferences(resolved, options, stackConfig, references, sdk);
    } catch (err) {
        throw err instanceof ProgramError && !(err instanceof IncompleteRunError) ? programFailure(err, configTarget(resolved, options)) : err;
    } finally {
        release();
    }
}

/** Where a missing config value goes, for hints. */
function configTarget(resolved: ReturnType<typeof resolvePlan>, options: PlanOptions): string {
    if (!options.program) {
        return rel(resolved.configFile)!;
    }
    return `the --config file (${options.config ? rel(resolved.configFile) : "e.g. Pulumi.ci.yaml"})`;
}

/** The program threw: its message, at the program's line, with the offline fix where one is known. */
export class ProgramFailure extends Error {}

function programFailure(err: ProgramError, target: string): ProgramFailure {
    const at = err.location ? ` at ${rel(err.location.file)}:${err.location.line}:${err.location.column}` : "";
    const message = err.message
        .replace(
            /^(Missing required configuration variable '([^']+)')\n\s*please set a value using the command `pulumi config set[^`]*`/,
            `$1: add $2 to ${target}`,
        )
        .replace(/^No AWS region has been configured$/m, `No AWS region has been configured: add aws:region to ${target}`);
    return new ProgramFailure(`the program failed${at}: ${message}`);
}

async function runWithReferences(
    resolved: ReturnType<typeof resolvePlan>,
    options: PlanOptions,
    stackConfig: { config: Record<string, string>; secretKeys: string[] },
    references: StackReferences,
    sdk: ReturnType<typeof loadSdk>,
): Promise<{ run: MockRunResult; references: StackReferences }> {
    for (;;) {
        try {
            const run = await runUnderMocks(() => loadProgram(resolved.entry), {
                sdk,
                project: resolved.project,
                stack: resolved.stack,
                config: stackConfig.config,
                secretKeys: stackConfig.secretKeys,
                mode: options.mode,
                references,
                isOwnStack: (name) => ownStack(name) !== undefined,
                resolveFrom: resolved.programDir,
                programDir: resolved.programDir,
                timeoutMs: options.timeoutSeconds === undefined ? undefined : options.timeoutSeconds * 1000,
            });
            return { run, references };
        } catch (err) {
            const missing = err instanceof ProgramError ? MISSING_REFERENCE.exec(err.message)?.[1] : undefined;
            const own = missing ? ownStack(missing) : undefined;
            if (!missing || references[missing]) {
                throw err;
            }
            if (!own) {
                throw new MissingStackReferenceError(missing, stackOutputsRemedy(missing, readProjectFile(ROOT)?.name, listStacks(ROOT)));
            }
            references[missing] = await planOwnStack(own, options);
        }
    }
}

/** The plan's stack outputs as `pulumi stack output --json` prints them: secrets hidden, unknown outputs left out. */
export function stackOutputsJson(outputs: MockRunResult["outputs"]): Record<string, unknown> {
    return Object.fromEntries(
        Object.entries(outputs)
            .filter(([, o]) => o.known)
            .map(([k, o]) => [k, o.secret ? REDACTED : o.value]),
    );
}

/** The program's entry file, if Node can resolve it (when not, running it reports why). */
function resolvedEntry(resolved: ReturnType<typeof resolvePlan>): string | undefined {
    const release = withFallback(resolved.programDir);
    try {
        return require.resolve(resolved.entry);
    } catch {
        return undefined;
    } finally {
        release();
    }
}

/** The rules the policy config runs at another level than their own. */
function levelOverrides(policyConfig: ReturnType<typeof readPolicyConfig>): Record<string, EnforcementLevel> {
    const changed = policies.flatMap((p) => {
        const { level } = resolvePolicyConfig(p, policyConfig);
        return level === (p.enforcementLevel ?? "advisory") ? [] : [[p.name, level] as const];
    });
    return Object.fromEntries(changed);
}

/** Runs the plan; returns the exit code. */
export async function plan(options: PlanOptions, write: (text: string) => void): Promise<number> {
    const resolved = resolvePlan(options);
    const policyConfig = readPolicyConfig(resolved.policyConfigFile);
    const entryFile = resolvedEntry(resolved);
    if (entryFile) {
        typeCheck({ entryFile, projectDir: resolved.projectDir, typescript: resolved.typescript });
    }
    const { run, references } = await runProgram(resolved, options);
    const order = new Map(policies.map((p, i) => [p.name, i]));
    // A finding never prints a Pulumi secret of the plan (an input or output marked secret), whatever a rule quotes.
    const secrets = [
        ...run.resources.flatMap((r) => secretStrings(r.props, r.secretPaths)),
        ...Object.values(run.outputs).flatMap((o) => (o.secret ? secretStrings(o.value, ["(value)"]) : [])),
    ];
    const violations = (await evaluatePolicies(policies, run.resources, { config: policyConfig }))
        .map((v) => ({ ...v, message: redactMessage(v.message, secrets) }))
        .sort((a, b) => order.get(a.policyName)! - order.get(b.policyName)! || (a.urn ?? "").localeCompare(b.urn ?? ""));
    const report: PlanReport = {
        mode: run.mode,
        stack: resolved.stack,
        project: resolved.project,
        program: rel(resolved.entry)!,
        configFile: rel(resolved.configFile),
        policyConfigFile: rel(resolved.policyConfigFile),
        resources: run.resources,
        outputs: run.outputs,
        violations,
        warnings: policyConfigWarnings(policies, policyConfig),
        references: Object.entries(references).map(([stack, r]) => ({ stack, source: rel(r.source) ?? r.source })),
        coverage: coverageOf(run.resources, ruleCatalog()),
        packages: packagesFor(resolved.programDir).map((p) => ({ ...p, dir: rel(p.dir)! })),
        levelOverrides: levelOverrides(policyConfig),
    };
    if (options.outputsJson) {
        fs.writeFileSync(options.outputsJson, JSON.stringify(stackOutputsJson(run.outputs), null, 2) + "\n");
    }
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    const rendered =
        options.format === "json"
            ? JSON.stringify(toJson(report, policies), null, 2)
            : options.format === "sarif"
              ? JSON.stringify(toSarif(report, policies, version), null, 2)
              : toText(report, policies);
    if (options.out) {
        fs.writeFileSync(options.out, rendered + "\n");
        write(options.format === "text" ? rendered : toText(report, policies));
        write(`\nReport written to ${options.out}`);
    } else {
        write(rendered);
    }
    return passes(report) ? 0 : 1;
}

/** The message the command prints for an error (exit 2): known errors as they are, anything else as the program's failure. */
export function errorMessage(err: unknown): string {
    const known =
        err instanceof UsageError ||
        err instanceof StackFileError ||
        err instanceof PolicyConfigError ||
        err instanceof IncompleteRunError ||
        err instanceof RuleError ||
        err instanceof MissingStackReferenceError ||
        err instanceof ProgramFailure ||
        err instanceof TypeCheckError ||
        err instanceof MixedSdkError ||
        (err instanceof Error && /^--stack-outputs /.test(err.message));
    const message = err instanceof Error ? err.message : String(err);
    // An error quotes what failed, which may be a value of the program: never a credential.
    return redactCredentials(`error: ${known ? message : `the program failed: ${message}`}`) + (err instanceof UsageError ? `\n\n${USAGE}` : "");
}

/** The whole command: parses `argv`, plans, and returns the exit code; never throws. */
export async function main(argv: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
    try {
        const options = parseArgs(argv);
        if (options === "help") {
            out(USAGE);
            return 0;
        }
        return await plan(options, out);
    } catch (e) {
        err(errorMessage(e));
        return 2;
    }
}

/** What {@link cli} drives: the process, by default; a spec passes its own. */
export interface CliProcess {
    readonly argv: readonly string[];
    readonly stdout: { write(text: string, done?: () => void): unknown };
    readonly stderr: { write(text: string, done?: () => void): unknown };
    on(event: "unhandledRejection" | "uncaughtException", listener: (e: unknown) => void): unknown;
    exit(code: number): void;
}

/** The command line: runs `main` on the process's arguments and exits with its code. */
export function cli(proc: CliProcess = process): Promise<void> {
    // Exit only once what was written has left: stdout to a pipe is asynchronous, and process.exit
    // right after a large report (a JSON report of 200 KB) would cut it short.
    const exit = (code: number): void => {
        proc.stdout.write("", () => proc.stderr.write("", () => proc.exit(code)));
    };
    const fail = (e: unknown): void => {
        proc.stderr.write(`${errorMessage(e)}\n`);
        exit(2);
    };
    // During a program run the run's own watch records these (and fails the run); outside one they are the gate's own.
    proc.on("unhandledRejection", (e) => isRunActive() || fail(e));
    proc.on("uncaughtException", (e) => isRunActive() || fail(e));
    return main(
        proc.argv.slice(2),
        (text) => proc.stdout.write(`${text}\n`),
        (text) => proc.stderr.write(`${text}\n`),
    ).then(exit, fail);
}

if (require.main === module) {
    void cli();
}
