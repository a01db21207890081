/**
 * What the provider SDK declares about a resource type, read from its
 * TypeScript declarations: the output properties the provider always sets
 * (`readonly x: pulumi.Output<T>` without `| undefined`) and the input the
 * provider auto-names. The preview mode uses it to make exactly those outputs
 * unknown, as the engine does on a first `pulumi preview`.
 */
import * as fs from "fs";
import * as path from "path";

/** What the gate knows of one resource type. */
export interface TypeInfo {
    /** Output properties that are always present once the resource exists. */
    computed: string[];
    /** The JSON kind of each computed output, from its declared type. */
    kinds: Record<string, OutputKind>;
    /** The input the provider fills in when the program gives none (auto-naming), if any. */
    autoName?: string;
}

/** The JSON kind of a declared output type. */
export type OutputKind = "string" | "number" | "boolean" | "array" | "object";

function kindOf(declared: string): OutputKind {
    const t = declared.trim();
    if (/\[\]$/.test(t) || /^(Array|ReadonlyArray)</.test(t)) {
        return "array";
    }
    if (t === "string" || t === "number" || t === "boolean") {
        return t;
    }
    return "object";
}

const cache = new Map<string, TypeInfo>();

/** `aws:apigateway/restApi:RestApi` -> `<pkg root>/apigateway/restApi.d.ts`. */
function declarationFile(type: string, resolveFrom: string): string | undefined {
    const [pkg, mod, cls] = type.split(":");
    if (!cls || pkg === "pulumi" || pkg.startsWith("pulumi")) {
        return undefined;
    }
    let root: string;
    try {
        root = path.dirname(require.resolve(`@pulumi/${pkg}/package.json`, { paths: [resolveFrom] }));
    } catch {
        return undefined;
    }
    const rel = mod.includes("/") ? mod : `${mod}/${cls[0].toLowerCase()}${cls.slice(1)}`;
    const file = path.join(root, `${rel.replace(/^index\//, "")}.d.ts`);
    return fs.existsSync(file) ? file : undefined;
}

/** The text between a `<` at `start - 1` and its matching `>` (generic arguments may nest and contain `=>`). */
function genericArgument(text: string, start: number): string {
    let depth = 1;
    let i = start;
    for (; i < text.length && depth > 0; i++) {
        if (text[i] === "<") {
            depth++;
        } else if (text[i] === ">" && text[i - 1] !== "=") {
            depth--;
        }
    }
    return text.slice(start, i - 1);
}

/** Parses the class and args declarations of a resource type. */
export function parseDeclarations(text: string, cls: string): TypeInfo {
    const classStart = text.indexOf(`export declare class ${cls} `);
    const info: TypeInfo = { computed: [], kinds: {} };
    if (classStart < 0) {
        return info;
    }
    const classBody = text.slice(classStart, text.indexOf("\n}", classStart));
    for (const m of classBody.matchAll(/readonly (\w+): pulumi\.Output</g)) {
        const inner = genericArgument(classBody, m.index! + m[0].length);
        if (!/\|\s*undefined\s*$/.test(inner)) {
            info.computed.push(m[1]);
            info.kinds[m[1]] = kindOf(inner);
        }
    }
    const argsStart = text.indexOf(`export interface ${cls}Args {`);
    if (argsStart >= 0) {
        const argsBody = text.slice(argsStart, text.indexOf("\n}", argsStart));
        if (/\n\s+name\?: pulumi\.Input<string>;/.test(argsBody)) {
            info.autoName = "name";
        }
    }
    return info;
}

/**
 * What the provider declares about `type`, resolving the provider package from
 * `resolveFrom` (the program's directory, so its own provider version counts).
 * Unknown types (components, packages not installed) have no computed outputs.
 */
export function typeInfo(type: string, resolveFrom: string = __dirname): TypeInfo {
    const key = `${resolveFrom}\0${type}`;
    const cached = cache.get(key);
    if (cached) {
        return cached;
    }
    const file = declarationFile(type, resolveFrom);
    const info = file ? parseDeclarations(fs.readFileSync(file, "utf8"), type.split(":")[2]) : { computed: [], kinds: {} };
    // S3 buckets auto-name `bucket`, not `name`.
    if (type === "aws:s3/bucket:Bucket" || type === "aws:s3/bucketV2:BucketV2") {
        info.autoName = "bucket";
    }
    cache.set(key, info);
    return info;
}
