/** The plan command's arguments: usage text, parsing and the errors they raise (exit 2). */
import * as path from "path";
import { PLAN_MODES, PlanMode } from "./mocks";
import { DEFAULT_TIMEOUT_MS } from "./runtime";
import { listStacks } from "./stack-files";
import { parseStackOutputsArg } from "./stack-references";

const ROOT = path.resolve(__dirname, "..", "..");

export const USAGE = `Usage: npm run plan -- [--stack NAME] [--program DIR|FILE] [--config Pulumi.NAME.yaml]
                       [--policy-config FILE.json] [--mode preview|update] [--timeout SECONDS]
                       [--stack-outputs ORG/PROJECT/STACK=FILE ...] [--outputs-json FILE]
                       [--json | --sarif | --format text|json|sarif] [--out FILE]

  --stack NAME          a stack of this project (Pulumi.NAME.yaml); with --program, the stack name
  --program PATH        run another Pulumi TypeScript program (directory or entry file) instead of ours
  --config FILE         stack config file for --program (default: Pulumi.<stack>.yaml next to it, if any)
  --policy-config FILE  policy config, same format as pulumi preview --policy-pack-config
                        (default for our stacks: policy-pack/config/<stack>.json)
  --mode MODE           preview (default): as a first \`pulumi preview\` of a never-deployed stack sees it,
                        ids and computed outputs unknown; update: every value known, as \`pulumi up\`
  --stack-outputs R=F   outputs of stack R (as a StackReference names it) from F, a JSON file written by
                        \`pulumi stack output --json --show-secrets\`; repeatable. This project's own stacks
                        (<org>/secure-api-platform/<stack>) need none: they are planned offline first
  --outputs-json FILE   also write the plan's stack outputs to FILE in \`pulumi stack output --json\` format
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
    /** `--stack-outputs`: referenced stack name to outputs file. */
    stackOutputs: Record<string, string>;
    /** `--outputs-json`: where to write the plan's stack outputs. */
    outputsJson?: string;
}

export function parseArgs(argv: string[]): PlanOptions | "help" {
    const options: PlanOptions = { format: "text", mode: "preview", stackOutputs: {} };
    const valued = ["--stack", "--program", "--config", "--policy-config", "--mode", "--timeout", "--format", "--out", "--stack-outputs", "--outputs-json"];
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
            case "--stack":
                options.stack = value;
                break;
            case "--program":
                options.program = value;
                break;
            case "--config":
                options.config = value;
                break;
            case "--policy-config":
                options.policyConfig = value;
                break;
            case "--out":
                options.out = value;
                break;
            case "--outputs-json":
                options.outputsJson = value;
                break;
            case "--stack-outputs": {
                let parsed: { stackName: string; file: string };
                try {
                    parsed = parseStackOutputsArg(value);
                } catch (err) {
                    throw new UsageError((err as Error).message);
                }
                if (options.stackOutputs[parsed.stackName] !== undefined) {
                    throw new UsageError(`--stack-outputs names ${parsed.stackName} twice`);
                }
                options.stackOutputs[parsed.stackName] = parsed.file;
                break;
            }
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
