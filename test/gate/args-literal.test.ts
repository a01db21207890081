/**
 * gate/args, literally: what `parseArgs` makes of each flag (valued flags, `--flag=value`, the format
 * switches, help), the defaults, and the exact message of every usage error it raises; plus the parts
 * of the usage text a user relies on (the first line, the timeout default, the exit codes).
 */
import * as assert from "assert";
import { parseArgs, PlanOptions, USAGE, UsageError } from "../../policy-pack/gate/args";

const parsed = (...argv: string[]): PlanOptions => {
    const result = parseArgs(argv);
    assert.notStrictEqual(result, "help");
    return result as PlanOptions;
};

/** Asserts that parsing `argv` raises a UsageError with exactly `message`. */
const refuses = (argv: string[], message: string): void => {
    assert.throws(
        () => parseArgs(argv),
        (err: unknown) => {
            assert.ok(err instanceof UsageError, `expected a UsageError, got ${String(err)}`);
            assert.strictEqual(err.message, message);
            return true;
        },
    );
};

describe("gate/args (literal)", () => {
    describe("USAGE", () => {
        it("starts with the command line, states the timeout default in seconds and ends with the exit codes", () => {
            assert.ok(USAGE.startsWith("Usage: npm run plan -- [--stack NAME] [--program DIR|FILE] [--config Pulumi.NAME.yaml]\n"));
            assert.ok(USAGE.includes("has not finished after this long (default 300)\n"));
            assert.ok(USAGE.endsWith("\n\nExit codes: 0 no mandatory violation, 1 mandatory violations, 2 usage, config or program error."));
        });
    });

    describe("defaults and help", () => {
        it("plans in preview mode, as text, with no stack outputs, when only a stack is given", () => {
            assert.deepStrictEqual(parseArgs(["--stack", "dev"]), { format: "text", mode: "preview", stackOutputs: {}, stack: "dev" });
        });

        it("accepts a program alone, without a stack", () => {
            assert.deepStrictEqual(parseArgs(["--program", "app"]), { format: "text", mode: "preview", stackOutputs: {}, program: "app" });
        });

        it("answers help for --help or -h wherever it is, even with --help=x, but only once reached", () => {
            assert.strictEqual(parseArgs(["--help"]), "help");
            assert.strictEqual(parseArgs(["-h"]), "help");
            assert.strictEqual(parseArgs(["--stack", "dev", "-h", "--bogus"]), "help");
            assert.strictEqual(parseArgs(["--help=yes"]), "help");
            refuses(["--bogus", "--help"], 'unknown argument "--bogus"');
        });

        it("reads -h=x as an unknown argument: only --flags take an inline value", () => {
            refuses(["-h=x"], 'unknown argument "-h=x"');
            refuses(["stack=dev"], 'unknown argument "stack=dev"');
        });
    });

    describe("valued flags", () => {
        it("sets each valued flag's option from the next argument", () => {
            assert.deepStrictEqual(
                parsed(
                    "--stack",
                    "dev",
                    "--program",
                    "prog",
                    "--config",
                    "Pulumi.qa.yaml",
                    "--policy-config",
                    "pc.json",
                    "--out",
                    "r.txt",
                    "--outputs-json",
                    "o.json",
                ),
                {
                    format: "text",
                    mode: "preview",
                    stackOutputs: {},
                    stack: "dev",
                    program: "prog",
                    config: "Pulumi.qa.yaml",
                    policyConfig: "pc.json",
                    out: "r.txt",
                    outputsJson: "o.json",
                },
            );
        });

        it("takes --flag=value, keeping every = after the first and any newline in the value", () => {
            const options = parsed("--stack=a=b", "--out=line1\nline2", "--program=p");
            assert.strictEqual(options.stack, "a=b");
            assert.strictEqual(options.out, "line1\nline2");
            assert.strictEqual(options.program, "p");
        });

        it("takes an empty inline value as given, without consuming the next argument", () => {
            const options = parsed("--program=", "--stack", "dev");
            assert.strictEqual(options.program, "");
            assert.strictEqual(options.stack, "dev");
        });

        it("takes a value that starts with a single dash", () => {
            assert.strictEqual(parsed("--stack", "-x").stack, "-x");
        });

        it("refuses a valued flag at the end, or followed by another --flag, or given --x inline", () => {
            refuses(["--stack"], "--stack needs a value");
            refuses(["--program", "--json"], "--program needs a value");
            refuses(["--out=--x", "--stack", "dev"], "--out needs a value");
            refuses(["--stack", "dev", "--outputs-json"], "--outputs-json needs a value");
            refuses(["--stack", "dev", "--policy-config"], "--policy-config needs a value");
            refuses(["--stack", "dev", "--config"], "--config needs a value");
        });

        it("refuses a flag it does not know, quoting it", () => {
            refuses(["--stack", "dev", "--verbose"], 'unknown argument "--verbose"');
            refuses(["dev"], 'unknown argument "dev"');
            refuses(["--stacks=dev"], 'unknown argument "--stacks=dev"');
        });
    });

    describe("--json, --sarif and --format", () => {
        it("switches the format with --json or --sarif, the last one winning, ignoring an inline value", () => {
            assert.strictEqual(parsed("--stack", "dev", "--json").format, "json");
            assert.strictEqual(parsed("--stack", "dev", "--sarif").format, "sarif");
            assert.strictEqual(parsed("--json", "--stack", "dev", "--sarif").format, "sarif");
            assert.strictEqual(parsed("--sarif", "--stack", "dev", "--json").format, "json");
            assert.strictEqual(parsed("--json=no", "--stack", "dev").format, "json");
        });

        it("accepts --format text, json or sarif, the last one winning", () => {
            assert.strictEqual(parsed("--stack", "dev", "--format", "json").format, "json");
            assert.strictEqual(parsed("--stack", "dev", "--format=sarif").format, "sarif");
            assert.strictEqual(parsed("--stack", "dev", "--json", "--format", "text").format, "text");
        });

        it("refuses any other --format, quoting it", () => {
            refuses(["--stack", "dev", "--format", "xml"], '--format must be text, json or sarif (got "xml")');
            refuses(["--stack", "dev", "--format", "JSON"], '--format must be text, json or sarif (got "JSON")');
            refuses(["--stack", "dev", "--format"], "--format needs a value");
        });
    });

    describe("--mode", () => {
        it("accepts preview and update", () => {
            assert.strictEqual(parsed("--stack", "dev", "--mode", "update").mode, "update");
            assert.strictEqual(parsed("--stack", "dev", "--mode", "update", "--mode", "preview").mode, "preview");
        });

        it("refuses any other mode, naming both", () => {
            refuses(["--stack", "dev", "--mode", "up"], '--mode must be preview or update (got "up")');
            refuses(["--stack", "dev", "--mode", ""], '--mode must be preview or update (got "")');
        });
    });

    describe("--timeout", () => {
        it("takes whole or decimal seconds above 0", () => {
            assert.strictEqual(parsed("--stack", "dev", "--timeout", "30").timeoutSeconds, 30);
            assert.strictEqual(parsed("--stack", "dev", "--timeout", "1.25").timeoutSeconds, 1.25);
            assert.strictEqual(parsed("--stack", "dev", "--timeout=0.5").timeoutSeconds, 0.5);
            assert.strictEqual(parsed("--stack", "dev", "--timeout", "007").timeoutSeconds, 7);
        });

        it("refuses 0, negatives, exponents, units, stray characters and half-written decimals", () => {
            for (const value of ["0", "0.0", "-1", "1e3", "5s", "x5", " 5", "1x5", "1.", ".5", "1.2.3", "abc", "Infinity"]) {
                refuses(["--stack", "dev", "--timeout", value], `--timeout must be a number of seconds above 0 (got ${JSON.stringify(value)})`);
            }
            refuses(["--stack", "dev", "--timeout"], "--timeout needs a value");
        });
    });

    describe("--stack-outputs", () => {
        it("records each referenced stack's outputs file, inline or not, splitting at the first = of the value", () => {
            assert.deepStrictEqual(
                parsed("--stack", "dev", "--stack-outputs", "acme/net/prod=net.json", "--stack-outputs=acme/db/prod=a=b.json").stackOutputs,
                {
                    "acme/net/prod": "net.json",
                    "acme/db/prod": "a=b.json",
                },
            );
        });

        it("refuses a value that is not ORG/PROJECT/STACK=FILE, with the parser's message", () => {
            refuses(["--stack", "dev", "--stack-outputs", "net.json"], '--stack-outputs expects ORG/PROJECT/STACK=FILE (got "net.json")');
            refuses(["--stack", "dev", "--stack-outputs", "acme/net=net.json"], '--stack-outputs expects ORG/PROJECT/STACK=FILE (got "acme/net=net.json")');
        });

        it("refuses the same referenced stack twice, even with the same file", () => {
            refuses(
                ["--stack", "dev", "--stack-outputs", "acme/net/prod=a.json", "--stack-outputs", "acme/net/prod=a.json"],
                "--stack-outputs names acme/net/prod twice",
            );
        });
    });

    describe("what must go together", () => {
        it("needs a stack or a program, listing this project's stacks", () => {
            refuses([], "give --stack (one of: dev, prod) or --program");
            refuses(["--json", "--mode", "update"], "give --stack (one of: dev, prod) or --program");
            refuses(["--stack="], "give --stack (one of: dev, prod) or --program");
        });

        it("takes --config only with --program", () => {
            refuses(["--stack", "dev", "--config", "Pulumi.dev.yaml"], "--config goes with --program; for this project's stacks use --stack");
            assert.strictEqual(parsed("--program", "p", "--config", "Pulumi.qa.yaml").config, "Pulumi.qa.yaml");
            assert.strictEqual(parsed("--program", "p", "--stack", "qa", "--config", "c.yaml").stack, "qa");
        });
    });
});
