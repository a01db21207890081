/**
 * Records every resource a program registers under the mock runtime, as the
 * Pulumi engine hands it to a policy analyzer: type, name, parent, its inputs
 * (what `Analyze` sees), its outputs (what `AnalyzeStack` sees) and its
 * dependencies. Resource references become ids; unknown values stay the
 * engine's unknown sentinel.
 */
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import type { MockMonitorClass } from "./sdk";
import { applyTransforms } from "./transforms";
import type { StructClass, PositionLike, RegisterRequest, RegisterResponse, ReadRequest, ReadResponse, Callback } from "./monitor-messages";
import * as path from "path";
import { fileURLToPath } from "url";
import { PlainResource } from "./engine";
import { UNKNOWN } from "./mocks";
import { typeInfo } from "./provider-schema";

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A resource as the program registered it. */
export interface RecordedResource extends PlainResource {
    /** false for component resources and the stack itself. */
    custom: boolean;
    /** true for resources read rather than created (`StackReference`, `Resource.get`). */
    read: boolean;
    /** Names of the secret values in its inputs, as `a.b[0]` paths (for redaction in reports). */
    secretPaths: string[];
    /** Where the program created it: the program's own line (for a resource inside a component, the component's call site). */
    source?: SourceLocation;
}

/** A position in a source file. */
export interface SourceLocation {
    /** Absolute path. */
    file: string;
    line: number;
    column: number;
}

/**
 * Replaces resource references with the referenced id (as a provider would see
 * them; an id not known yet is the unknown sentinel). With `plain`, also
 * unwraps secrets and output values, giving the values a policy sees. Unknown
 * values stay the engine's unknown sentinel, as the analyzer receives them.
 */
export function normalizeValue(value: Json | undefined, plain: boolean): Json | undefined {
    if (Array.isArray(value)) {
        return value.map((v) => normalizeValue(v, plain) ?? null);
    }
    if (value === null || typeof value !== "object") {
        return value;
    }
    const sig = value[SIG_KEY];
    if (sig === RESOURCE_SIG) {
        const id = value["id"];
        // A custom resource's reference carries its id ("" until known); a component's, only its URN.
        return typeof id === "string" ? (id === "" ? UNKNOWN : id) : value["urn"];
    }
    if (plain && (sig === SECRET_SIG || sig === OUTPUT_SIG)) {
        return normalizeValue(value["value"], plain);
    }
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) {
        const n = normalizeValue(v, plain);
        if (n !== undefined) {
            out[k] = n;
        }
    }
    return out;
}

/** Paths (`a.b[0]`) of the Pulumi secrets inside a raw registration value. */
export function secretPaths(value: Json | undefined, at = ""): string[] {
    if (Array.isArray(value)) {
        return value.flatMap((v, i) => secretPaths(v, `${at}[${i}]`));
    }
    if (value === null || typeof value !== "object") {
        return [];
    }
    if (value[SIG_KEY] === SECRET_SIG) {
        return [at || "(value)"];
    }
    if (value[SIG_KEY] === OUTPUT_SIG) {
        return value["secret"] === true ? [at || "(value)"] : secretPaths(value["value"], at);
    }
    return Object.entries(value).flatMap(([k, v]) => secretPaths(v, at ? `${at}.${k}` : k));
}

type Entry = Omit<RecordedResource, "urn" | "outputs">;

/**
 * Outputs the provider declares secret (`additionalSecretOutputs`, e.g. an API
 * key's `value`) come back secret from the engine; the mock monitor ignores the
 * option, so the recorder applies it.
 */
function markSecret(response: RegisterResponse, keys: string[]): void {
    const object = response.getObject();
    if (!object || keys.length === 0) {
        return;
    }
    const state = object.toJavaScript();
    for (const key of new Set(keys)) {
        const value = state[key];
        const alreadySecret = value !== null && typeof value === "object" && !Array.isArray(value) && value[SIG_KEY] === SECRET_SIG;
        if (value !== undefined && value !== null && !alreadySecret) {
            state[key] = { [SIG_KEY]: SECRET_SIG, value: state[key] };
        }
    }
    response.setObject((object.constructor as unknown as StructClass).fromJavaScript(state));
}

const plainObject = (value: Json | undefined): Record<string, unknown> => (normalizeValue(value, true) ?? {}) as Record<string, unknown>;

function toLocation(pos: PositionLike | undefined): SourceLocation | undefined {
    if (!pos || !pos.getUri()) {
        return undefined;
    }
    const uri = pos.getUri();
    return { file: uri.startsWith("file:") ? fileURLToPath(uri) : uri, line: pos.getLine(), column: pos.getColumn() };
}

/**
 * The line of the program that created a resource: the first frame of the
 * registration's stack trace inside the program's directory (not its
 * node_modules), else the SDK's own source position.
 */
export function programLocation(req: Pick<RegisterRequest, "getSourceposition" | "getStacktrace">, programDir?: string): SourceLocation | undefined {
    if (programDir) {
        const inside = (req.getStacktrace()?.getFramesList() ?? [])
            .map((f) => toLocation(f.getPc()))
            .find((l) => l !== undefined && l.file.startsWith(programDir + path.sep) && !l.file.includes(`${path.sep}node_modules${path.sep}`));
        if (inside) {
            return inside;
        }
    }
    return toLocation(req.getSourceposition());
}

/** A MockMonitor that records registrations and reads. */
export interface RecordingMonitor extends MockMonitor {
    readonly recorded: RecordedResource[];
    /** Registrations and reads sent but not answered yet. */
    pending: number;
}

/**
 * A MockMonitor of the given SDK copy (the one the program loads) that records
 * registrations and reads and hands the mocks plain references.
 */
export function createRecordingMonitor(
    Base: MockMonitorClass,
    mocks: ConstructorParameters<typeof MockMonitor>[0],
    resolveFrom?: string,
    programDir?: string,
    sdkDir?: string,
): RecordingMonitor {
    return new (recordingClass(Base))(mocks, resolveFrom, programDir, sdkDir);
}

function recordingClass(Base: MockMonitorClass) {
    return class Recording extends Base implements RecordingMonitor {
        readonly recorded: RecordedResource[] = [];
        pending = 0;
        /** Transforms (callback tokens) in effect for the children of a resource: its own, then its ancestors'. */
        private readonly transformsOf = new Map<string, string[]>();

        constructor(
            mocks: ConstructorParameters<typeof MockMonitor>[0],
            private readonly resolveFrom?: string,
            private readonly programDir?: string,
            private readonly sdkDir?: string,
        ) {
            super(mocks);
        }

        async registerResource(req: RegisterRequest, callback: Callback): Promise<void> {
            // The engine applies `transforms` (a resource's own, then its parents') before the resource is planned;
            // the mock monitor ignores them, so the recorder applies them, through the SDK's own callbacks.
            const transforms = [...req.getTransformsList().map((t) => t.getToken()), ...(this.transformsOf.get(req.getParent()) ?? [])];
            let struct = req.getObject();
            if (transforms.length > 0) {
                this.pending++;
                try {
                    struct = await applyTransforms(req, struct, transforms, this.sdkDir);
                } finally {
                    this.pending--;
                }
            }
            const raw = struct ? struct.toJavaScript() : {};
            const withIds = normalizeValue(raw, false) as { [key: string]: Json };
            const propertyDependencies: Record<string, string[]> = {};
            req.getPropertydependenciesMap().forEach((deps, key) => {
                propertyDependencies[key] = deps.getUrnsList();
            });
            const entry: Entry = {
                type: req.getType(),
                name: req.getName(),
                custom: req.getCustom(),
                read: false,
                parent: req.getParent() || undefined,
                props: plainObject(raw),
                dependencies: req.getDependenciesList(),
                propertyDependencies,
                secretPaths: secretPaths(raw),
                source: programLocation(req, this.programDir),
            };
            const proxied = new Proxy(req, {
                get(target, prop, receiver) {
                    if (prop === "getObject" && struct) {
                        return () => (struct.constructor as unknown as StructClass).fromJavaScript(withIds);
                    }
                    // A remote (multi-language) component is planned by its provider, like a custom resource.
                    if (prop === "getCustom") {
                        return () => target.getCustom() || target.getRemote();
                    }
                    const v = Reflect.get(target, prop, receiver);
                    return typeof v === "function" ? v.bind(target) : v;
                },
            });
            this.pending++;
            const secretOutputs = req.getAdditionalsecretoutputsList();
            return super.registerResource(proxied, (err, response) => {
                this.pending--;
                if (!err) {
                    const r = response as RegisterResponse;
                    if (transforms.length > 0) {
                        this.transformsOf.set(r.getUrn(), transforms);
                    }
                    markSecret(r, secretOutputs);
                    const state = plainObject(r.getObject()?.toJavaScript());
                    // The provider's auto-name is chosen when inputs are checked: the analyzer sees it as an input.
                    const auto = typeInfo(entry.type, this.resolveFrom).autoName;
                    if (entry.custom && auto && entry.props[auto] === undefined && state[auto] !== undefined) {
                        entry.props = { ...entry.props, [auto]: state[auto] };
                    }
                    const outputs = entry.custom ? { ...entry.props, ...state, id: r.getId() || UNKNOWN } : state;
                    this.recorded.push({ ...entry, urn: r.getUrn(), outputs });
                }
                callback(err, response);
            });
        }

        /** Reads (`StackReference`, `Resource.get`) are recorded too, as custom resources with their inputs. */
        async readResource(req: ReadRequest, callback: Callback): Promise<void> {
            const struct = req.getProperties();
            const entry: Entry = {
                type: req.getType(),
                name: req.getName(),
                custom: true,
                read: true,
                parent: req.getParent() || undefined,
                props: plainObject(struct?.toJavaScript()),
                dependencies: req.getDependenciesList(),
                propertyDependencies: {},
                secretPaths: secretPaths(struct?.toJavaScript()),
                source: programLocation(req, this.programDir),
            };
            this.pending++;
            return super.readResource(req, (err, response) => {
                this.pending--;
                if (!err) {
                    const r = response as ReadResponse;
                    const outputs = { ...plainObject(r.getProperties()?.toJavaScript()), id: req.getId() };
                    this.recorded.push({ ...entry, urn: r.getUrn(), outputs });
                }
                callback(err, response);
            });
        }
    };
}
