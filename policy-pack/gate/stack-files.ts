/**
 * Reading Pulumi project and stack files without the CLI: the project name
 * from Pulumi.yaml, and a stack's config as the flat `namespace:key` map
 * Pulumi hands a program.
 */
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";

/** A file the plan cannot use: missing, unreadable or malformed. */
export class StackFileError extends Error {}

/** Largest project or stack file read, in bytes. */
export const MAX_STACK_FILE_BYTES = 1024 * 1024;
/** Most values one config key may expand to: YAML aliases can make a small file expand exponentially. */
export const MAX_CONFIG_VALUES = 100_000;

/** Number of values (scalars, lists and maps) `value` expands to, counting what aliases repeat; stops past `limit`. */
export function expandedSize(value: unknown, limit: number): number {
    let count = 0;
    const stack: unknown[] = [value];
    while (stack.length > 0 && count <= limit) {
        const v = stack.pop();
        count++;
        if (Array.isArray(v)) {
            stack.push(...v);
        } else if (v !== null && typeof v === "object") {
            stack.push(...Object.values(v));
        }
    }
    return count;
}

function readYaml(absolute: string): unknown {
    const file = path.relative(process.cwd(), absolute) || absolute;
    let text: string;
    try {
        if (fs.statSync(absolute).size > MAX_STACK_FILE_BYTES) {
            throw new StackFileError(`${file} is larger than ${MAX_STACK_FILE_BYTES} bytes; a Pulumi project or stack file never needs to be`);
        }
        text = fs.readFileSync(absolute, "utf8");
    } catch (err) {
        throw err instanceof StackFileError ? err : new StackFileError(`cannot read ${file}: no such file`);
    }
    let docs: unknown[];
    try {
        // loadAll, not load: js-yaml 5 refuses an empty or comment-only file ("expected a document"), which the
        // Pulumi CLI reads as a stack with no config.
        docs = yaml.loadAll(text);
    } catch (err) {
        throw new StackFileError(`${file} is not valid YAML: ${(err as Error).message.split("\n")[0]}`);
    }
    if (docs.length > 1) {
        throw new StackFileError(`${file} is not valid YAML: it holds ${docs.length} documents, a Pulumi project or stack file is one`);
    }
    return docs[0] ?? null;
}

/** The project of a program directory (Pulumi.yaml), or undefined when it has none. */
export interface ProjectFile {
    name: string;
    /** Entry point relative to the project directory, from `main` (default: the directory). */
    main?: string;
    /** `runtime.options.typescript` (false: Pulumi runs the program as JavaScript, without ts-node). */
    typescript?: boolean;
}

export function readProjectFile(dir: string): ProjectFile | undefined {
    const file = path.join(dir, "Pulumi.yaml");
    if (!fs.existsSync(file)) {
        return undefined;
    }
    const doc = readYaml(file) as { name?: unknown; main?: unknown; runtime?: { options?: { typescript?: unknown } } } | null;
    if (!doc || typeof doc.name !== "string") {
        throw new StackFileError(`${file} has no project name (name: ...)`);
    }
    const typescript = typeof doc.runtime === "object" && doc.runtime !== null ? doc.runtime.options?.typescript : undefined;
    return { name: doc.name, main: typeof doc.main === "string" ? doc.main : undefined, typescript: typeof typescript === "boolean" ? typescript : undefined };
}

/** A stack's config, as Pulumi passes it to the program. */
export interface StackConfig {
    config: Record<string, string>;
    /** Keys whose values are `secure:` (encrypted): offline they hold a placeholder. */
    secretKeys: string[];
}

/** Reads `Pulumi.<stack>.yaml`: unqualified keys get the project namespace; structured values become JSON. */
export function readStackConfig(file: string, project: string): StackConfig {
    const doc = readYaml(file);
    if (doc !== null && doc !== undefined && (typeof doc !== "object" || Array.isArray(doc))) {
        throw new StackFileError(`${file} must be a YAML mapping with a config: section`);
    }
    const section = (doc as { config?: unknown } | null)?.config ?? {};
    if (typeof section !== "object" || section === null || Array.isArray(section)) {
        throw new StackFileError(`${file}: config must be a mapping of keys to values`);
    }
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [key, value] of Object.entries(section as Record<string, unknown>)) {
        const fullKey = key.includes(":") ? key : `${project}:${key}`;
        if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 1 && "secure" in value) {
            config[fullKey] = "[secret]";
            secretKeys.push(fullKey);
            continue;
        }
        if (expandedSize(value, MAX_CONFIG_VALUES) > MAX_CONFIG_VALUES) {
            throw new StackFileError(
                `${path.relative(process.cwd(), file) || file}: ${fullKey} expands to more than ${MAX_CONFIG_VALUES} values (YAML aliases repeating each other?); write the value out instead`,
            );
        }
        config[fullKey] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return { config, secretKeys };
}

/** Names of the stacks that have a `Pulumi.<stack>.yaml` in the directory. */
export function listStacks(dir: string): string[] {
    return fs
        .readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}
