/**
 * What a program's `StackReference`s read offline: the outputs of another
 * stack, from a `pulumi stack output --json --show-secrets` file
 * (`--stack-outputs NAME=FILE`) or, for this project's own stacks, computed by
 * planning that stack first. Secret outputs stay secret in the run; outputs
 * the referenced stack does not have are unknown at a first preview (the
 * engine sends them so until that stack is deployed) and an error on update.
 */
import * as fs from "fs";
import * as pulumi from "@pulumi/pulumi";

/** The outputs of one referenced stack, and where they came from. */
export interface ReferencedStack {
    /** Output name to value; outputs not listed are missing (unknown at preview). */
    values: Record<string, unknown>;
    /** Names of the outputs that are secrets. */
    secretNames: string[];
    /** For reports: "FILE" or "computed by planning stack dev ...". */
    source: string;
    /**
     * true when `values` lists every output the stack has (computed by planning
     * it): a name not listed does not exist. false for files, which may be
     * older than the stack: a name not listed is unknown at a first preview.
     */
    complete: boolean;
}

/** Referenced stacks by fully qualified name (`org/project/stack`). */
export type StackReferences = Record<string, ReferencedStack>;

/** A stack the program references and nothing supplies: the run stops, naming it (exit 2). */
export class MissingStackReferenceError extends Error {
    constructor(
        readonly stackName: string,
        remedy: string,
    ) {
        super(`no outputs are known for stack reference "${stackName}"; ${remedy}`);
        this.name = "MissingStackReferenceError";
    }
}

/** How a user supplies outputs for a stack the gate cannot compute. */
export function stackOutputsRemedy(stackName: string, ownProject?: string, ownStacks: string[] = []): string {
    const own = ownProject
        ? `; or reference one of this project's own stacks (${ownStacks.map((s) => `<org>/${ownProject}/${s}`).join(", ")}), which the gate plans offline itself`
        : "";
    return `pass --stack-outputs ${stackName}=FILE with FILE written by \`pulumi stack output --json --show-secrets\` in that stack${own}`;
}

/** Output names that hold credentials: kept secret even when the file shows them in plain text. */
const SECRET_NAME = /secret|password|passwd|token|credential|private|api[-_]?key|keyvalues/i;
/** What `pulumi stack output --json` prints for a secret without --show-secrets. */
const HIDDEN_SECRET = "[secret]";

/**
 * Reads a `pulumi stack output --json [--show-secrets]` file. A value printed
 * as "[secret]" is a secret whose value the file does not show: it is left
 * out (unknown at preview, an error on update, naming the output).
 */
export function readStackOutputsFile(stackName: string, file: string): ReferencedStack {
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (err) {
        // eslint-disable-next-line preserve-caught-error -- the message carries the cause; the target (ES2020) has no Error cause
        throw new Error(`--stack-outputs ${stackName}=${file}: ${fs.existsSync(file) ? `not valid JSON: ${(err as Error).message}` : "no such file"}`);
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new Error(`--stack-outputs ${stackName}=${file}: expected a JSON object of output names to values, as \`pulumi stack output --json\` prints`);
    }
    const values: Record<string, unknown> = {};
    const secretNames: string[] = [];
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
        if (value === HIDDEN_SECRET || SECRET_NAME.test(key)) {
            secretNames.push(key);
        }
        if (value !== HIDDEN_SECRET) {
            values[key] = value;
        }
    }
    return { values, secretNames, source: file, complete: false };
}

/** Parses `NAME=FILE` arguments of `--stack-outputs`. */
export function parseStackOutputsArg(arg: string): { stackName: string; file: string } {
    const match = /^([^=\s]+\/[^=\s]+\/[^=\s]+)=(.+)$/.exec(arg);
    if (!match) {
        throw new Error(`--stack-outputs expects ORG/PROJECT/STACK=FILE (got ${JSON.stringify(arg)})`);
    }
    return { stackName: match[1], file: match[2] };
}

interface StackReferenceLike {
    name: pulumi.Output<string>;
    getOutput(name: pulumi.Input<string>): pulumi.Output<unknown>;
    requireOutput(name: pulumi.Input<string>): pulumi.Output<unknown>;
}

/**
 * Makes `getOutput` / `requireOutput` (and through them `getOutputDetails`,
 * `getOutputValue`, `requireOutputValue`) of the given SDK copy answer outputs
 * the referenced stack's outputs do not list: at a first preview, when the
 * list may be incomplete (a file), they are unknown, as the engine sends them;
 * otherwise `requireOutput` fails naming the output and its source, and
 * `getOutput` gives undefined, as on `pulumi up`. Returns the function that undoes it.
 */
export function guardStackReferenceOutputs(sdk: typeof pulumi, references: StackReferences, preview: boolean): () => void {
    const proto = sdk.StackReference.prototype as unknown as StackReferenceLike;
    const original = { getOutput: proto.getOutput, requireOutput: proto.requireOutput };
    const guarded = (method: "getOutput" | "requireOutput") =>
        function (this: StackReferenceLike, name: pulumi.Input<string>): pulumi.Output<unknown> {
            return sdk.all([this.name, name]).apply(([stack, key]) => {
                const known = references[stack];
                if (known && Object.prototype.hasOwnProperty.call(known.values, key)) {
                    return original[method].call(this, key);
                }
                if (preview && !known?.complete) {
                    return sdk.output(sdk.unknown);
                }
                if (method === "getOutput") {
                    return sdk.output(undefined);
                }
                throw new Error(
                    `stack reference "${stack}" has no output "${key}"${known ? ` in ${known.source}` : ""}; ` +
                        "requireOutput needs every output it names to exist (at a first preview, an output a file does not list is unknown instead)",
                );
            });
        };
    proto.getOutput = guarded("getOutput");
    proto.requireOutput = guarded("requireOutput");
    return () => {
        proto.getOutput = original.getOutput;
        proto.requireOutput = original.requireOutput;
    };
}

/** The state the mock monitor returns for a `StackReference` read: outputs, secrets wrapped as secrets. */
export function stackReferenceState(stackName: string, references: StackReferences, own: (name: string) => boolean): Record<string, unknown> {
    const known = references[stackName];
    if (!known) {
        throw new MissingStackReferenceError(
            stackName,
            own(stackName) ? "it is one of this project's stacks: it is planned offline first, so this should not happen" : stackOutputsRemedy(stackName),
        );
    }
    const outputs = Object.fromEntries(Object.entries(known.values).map(([k, v]) => [k, known.secretNames.includes(k) ? pulumi.secret(v) : v]));
    return { name: stackName, outputs, secretOutputNames: known.secretNames };
}
