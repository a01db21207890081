/**
 * The offline plan: runs a Pulumi program under the mock runtime with a
 * stack's config, prints the resource tree, applies the policy pack and exits
 * 0 (no mandatory violation), 1 (mandatory violations) or 2 (usage, config or
 * program error). No Pulumi CLI, cloud account or network is needed.
 *
 *   npm run plan -- --stack dev
 *   npm run plan -- --program test/fixtures/programs/open-api --sarif --out plan.sarif
 */
import * as fs from "fs";
import * as path from "path";
import { evaluatePolicies, policyConfigErrors, PolicyConfigError, PolicyPackConfigFile, policyConfigWarnings } from "./engine";
import { policies } from "../rules";
import { PLAN_MODES, PlanMode } from "./mocks";
import { loadProgram } from "./program";
import { PlanReport, toJson, toSarif, toText } from "./report";
import { DEFAULT_TIMEOUT_MS, IncompleteRunError, runUnderMocks } from "./runtime";
import { listStacks, readProjectFile, readStackConfig, StackFileError } from "./stack-files";

const ROOT = path.resolve(__dirname, "..", "..");

export const USAGE = `Usage: npm run plan -- [--stack NAME] [--program DIR|FILE] [--config Pulumi.NAME.yaml]
                       [--policy-config FILE.json] [--mode preview|update] [--timeout SECONDS]
                       [--json | --sarif | --format text|json|sarif] [--out FILE]

  --stack NAME          a stack of this project (Pulumi.NAME.yaml); with --program, the stack name
  --program PATH        run another Pulumi TypeScript program (directory or entry file) instead of ours
  --config FILE         stack config file for --program (default: Pulumi.<stack>.yaml next to it, if any)
  --policy-config FILE  policy config, same format as pulumi preview --policy-pack-config
                        (default for our stacks: policy-pack/config/<stack>.json)
  --mode MODE           preview (default): as a first \`pulumi preview\` of a never-deployed stack sees it,
                        ids and computed outputs unknown; update: every value known, as \`pulumi up\`
  --timeout SECONDS     fail (exit 2) when the program has not finished after this long (default ${DEFAULT_TIMEOUT_MS / 1000})
  --json, --sarif       print the report as JSON or SARIF 2.1.0 instead of text
  --out FILE            write the report to FILE (and print the text summary)

Exit codes: 0 no mandatory violation, 1 mandatory violations, 2 usage, config or program error.`;

/** A problem with how the plan was asked for, or with its inputs: exit 2. */
export class UsageError extends Error {}

export interface PlanOptions {
    stack?: string;
    program?: string;
    config?: string;
    policyConfig?: string;
    mode: PlanMode;
    /** Time limit of the program run, seconds. */
    timeoutSeconds?: number;
    format: "text" | "json" | "sarif";
    out?: string;
}

export function parseArgs(argv: string[]): PlanOptions | "help" {
    const options: PlanOptions = { format: "text", mode: "preview" };
    const valued = ["--stack", "--program", "--config", "--policy-config", "--mode", "--timeout", "--format", "--out"];
    for (let i = 0; i < argv.length; i++) {
        const [flag, inline] = argv[i].startsWith("--") && argv[i].includes("=") ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
        if (flag === "--help" || flag === "-h") {
            return "help";
        }
        if (flag === "--json" || flag === "--sarif") {
            options.format = flag === "--json" ? "json" : "sarif";
            continue;
        }
        if (!valued.includes(flag)) {
            throw new UsageError(`unknown argument ${JSON.stringify(argv[i])}`);
        }
        const value = inline ?? argv[++i];
        if (value === undefined || value.startsWith("--")) {
            throw new UsageError(`${flag} needs a value`);
        }
        switch (flag) {
            case "--stack": options.stack = value; break;
            case "--program": options.program = value; break;
            case "--config": options.config = value; break;
            case "--policy-config": options.policyConfig = value; break;
            case "--out": options.out = value; break;
            case "--timeout":
                if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) {
                    throw new UsageError(`--timeout must be a number of seconds above 0 (got ${JSON.stringify(value)})`);
                }
                options.timeoutSeconds = Number(value);
                break;
            case "--mode":
                if (!(PLAN_MODES as readonly string[]).includes(value)) {
                    throw new UsageError(`--mode must be ${PLAN_MODES.join(" or ")} (got ${JSON.stringify(value)})`);
                }
                options.mode = value as PlanMode;
                break;
            case "--format":
                if (value !== "text" && value !== "json" && value !== "sarif") {
                    throw new UsageError(`--format must be text, json or sarif (got ${JSON.stringify(value)})`);
                }
                options.format = value;
                break;
        }
    }
    if (!options.stack && !options.program) {
        throw new UsageError(`give --stack (one of: ${listStacks(ROOT).join(", ")}) or --program`);
    }
    if (options.config && !options.program) {
        throw new UsageError("--config goes with --program; for this project's stacks use --stack");
    }
    return options;
}

interface ResolvedPlan {
    stack: string;
    project: string;
    entry: string;
    configFile?: string;
    policyConfigFile?: string;
}

function resolvePlan(options: PlanOptions): ResolvedPlan {
    if (!options.program) {
        const stacks = listStacks(ROOT);
        if (!stacks.includes(options.stack!)) {
            throw new UsageError(`unknown stack ${JSON.stringify(options.stack)}; this project has: ${stacks.join(", ")}`);
        }
        const project = readProjectFile(ROOT)!;
        const defaultPolicyConfig = path.join(ROOT, "policy-pack", "config", `${options.stack}.json`);
        return {
            stack: options.stack!,
            project: project.name,
            entry: path.join(ROOT, project.main ?? "."),
            configFile: path.join(ROOT, `Pulumi.${options.stack}.yaml`),
            policyConfigFile: options.policyConfig ?? (fs.existsSync(defaultPolicyConfig) ? defaultPolicyConfig : undefined),
        };
    }
    const target = path.resolve(options.program);
    if (!fs.existsSync(target)) {
        throw new UsageError(`--program ${options.program}: no such file or directory`);
    }
    const dir = fs.statSync(target).isDirectory() ? target : path.dirname(target);
    const project = readProjectFile(dir);
    // A trailing separator makes Node resolve the directory itself (its package.json main or index.*),
    // never a sibling file of the same name such as the infra.json a shell redirect just created.
    const entry = fs.statSync(target).isDirectory() ? path.join(dir, project?.main ?? ".") + path.sep : target;
    const stackFromConfig = options.config ? /Pulumi\.(.+)\.yaml$/.exec(path.basename(options.config))?.[1] : undefined;
    const stack = options.stack ?? stackFromConfig ?? "offline";
    const sibling = path.join(dir, `Pulumi.${stack}.yaml`);
    const configFile = options.config ? path.resolve(options.config) : fs.existsSync(sibling) ? sibling : undefined;
    if (options.config && !fs.existsSync(configFile!)) {
        throw new UsageError(`--config ${options.config}: no such file`);
    }
    return { stack, project: project?.name ?? path.basename(dir), entry, configFile, policyConfigFile: options.policyConfig };
}

function readPolicyConfig(file: string | undefined): PolicyPackConfigFile | undefined {
    if (!file) {
        return undefined;
    }
    if (!fs.existsSync(file)) {
        throw new UsageError(`policy config ${file}: no such file`);
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (err) {
        throw new UsageError(`policy config ${file} is not valid JSON: ${(err as Error).message}`);
    }
    // Checked in full before the program runs, as the Pulumi CLI checks --policy-pack-config.
    const errors = policyConfigErrors(policies, parsed);
    if (errors.length > 0) {
        throw new PolicyConfigError(`invalid policy config ${file}:\n${errors.map((e) => `  - ${e}`).join("\n")}`);
    }
    return parsed as PolicyPackConfigFile;
}

const rel = (file: string | undefined) => (file ? path.relative(process.cwd(), file) || "." : undefined);

/** Runs the plan; returns the exit code. */
export async function plan(options: PlanOptions, write: (text: string) => void): Promise<number> {
    const resolved = resolvePlan(options);
    const policyConfig = readPolicyConfig(resolved.policyConfigFile);
    const stackConfig = resolved.configFile ? readStackConfig(resolved.configFile, resolved.project) : { config: {}, secretKeys: [] };
    const run = await runUnderMocks(() => loadProgram(resolved.entry), {
        project: resolved.project,
        stack: resolved.stack,
        config: stackConfig.config,
        secretKeys: stackConfig.secretKeys,
        mode: options.mode,
        resolveFrom: path.dirname(resolved.entry),
        timeoutMs: options.timeoutSeconds === undefined ? undefined : options.timeoutSeconds * 1000,
    });
    const order = new Map(policies.map((p, i) => [p.name, i]));
    const violations = (await evaluatePolicies(policies, run.resources, { config: policyConfig }))
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
    };
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    const rendered = options.format === "json"
        ? JSON.stringify(toJson(report), null, 2)
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
    return violations.some((v) => v.enforcementLevel === "mandatory") ? 1 : 0;
}

function fail(err: unknown): never {
    const known = err instanceof UsageError || err instanceof StackFileError || err instanceof PolicyConfigError || err instanceof IncompleteRunError;
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`error: ${known ? message : `the program failed: ${message}`}\n`);
    if (err instanceof UsageError) {
        process.stderr.write(`\n${USAGE}\n`);
    }
    process.exit(2);
}

if (require.main === module) {
    process.on("unhandledRejection", fail);
    process.on("uncaughtException", fail);
    (async () => {
        const options = parseArgs(process.argv.slice(2));
        if (options === "help") {
            process.stdout.write(`${USAGE}\n`);
            process.exit(0);
        }
        const code = await plan(options, (text) => process.stdout.write(`${text}\n`));
        process.exit(code);
    })().catch(fail);
}
