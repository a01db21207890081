/**
 * Runs a Pulumi program under the mock runtime and records every resource it
 * registers: type, name, parent, plain inputs and dependencies. This is what the
 * offline plan and the tests inspect, and what the policy engine validates.
 */
import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { createPlatformMocks, PlatformMockOptions } from "./mocks";
import { PlainResource } from "./engine";

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A resource as the program registered it. */
export interface RecordedResource extends PlainResource {
    /** false for component resources and the stack itself. */
    custom: boolean;
}

/**
 * Replaces resource references with the referenced id (as a provider would see
 * them). With `plain`, also unwraps secrets and output values and drops unknowns,
 * giving the values a policy sees.
 */
export function normalizeValue(value: Json | undefined, plain: boolean): Json | undefined {
    if (Array.isArray(value)) {
        return value.map((v) => normalizeValue(v, plain) ?? null);
    }
    if (value === UNKNOWN) {
        return plain ? undefined : value;
    }
    if (value === null || typeof value !== "object") {
        return value;
    }
    const sig = value[SIG_KEY];
    if (sig === RESOURCE_SIG) {
        const id = value["id"];
        return typeof id === "string" && id !== "" ? id : value["urn"];
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

interface StructLike {
    toJavaScript(): { [key: string]: Json };
}
interface StructClass {
    fromJavaScript(value: { [key: string]: Json }): StructLike;
}
interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getObject(): StructLike | undefined;
    getDependenciesList(): string[];
    getPropertydependenciesMap(): { forEach(cb: (value: { getUrnsList(): string[] }, key: string) => void): void };
}
interface RegisterResponse {
    getUrn(): string;
}
interface ReadRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getProperties(): StructLike | undefined;
}
type Callback = (err: unknown, response: unknown) => void;

/** A MockMonitor that records registrations and hands the mocks plain references. */
class RecordingMonitor extends MockMonitor {
    readonly recorded: RecordedResource[] = [];

    async registerResource(req: RegisterRequest, callback: Callback): Promise<void> {
        const struct = req.getObject();
        const raw = struct ? struct.toJavaScript() : {};
        const withIds = normalizeValue(raw, false) as { [key: string]: Json };
        const propertyDependencies: Record<string, string[]> = {};
        req.getPropertydependenciesMap().forEach((deps, key) => {
            propertyDependencies[key] = deps.getUrnsList();
        });
        const entry = {
            type: req.getType(),
            name: req.getName(),
            custom: req.getCustom(),
            parent: req.getParent() || undefined,
            props: normalizeValue(raw, true) as Record<string, unknown>,
            dependencies: req.getDependenciesList(),
            propertyDependencies,
        };
        const proxied = new Proxy(req, {
            get(target, prop, receiver) {
                if (prop === "getObject" && struct) {
                    return () => (struct.constructor as unknown as StructClass).fromJavaScript(withIds);
                }
                const v = Reflect.get(target, prop, receiver);
                return typeof v === "function" ? v.bind(target) : v;
            },
        });
        return super.registerResource(proxied, this.recordOnSuccess(entry, callback));
    }

    /** Wraps a monitor callback so the resource is recorded, with the URN the monitor gave it, once registered. */
    private recordOnSuccess(entry: Omit<RecordedResource, "urn">, callback: Callback): Callback {
        return (err, response) => {
            if (!err) {
                this.recorded.push({ ...entry, urn: (response as RegisterResponse).getUrn() });
            }
            callback(err, response);
        };
    }

    /** Reads (`StackReference`, `Resource.get`) are recorded too, as custom resources with their inputs. */
    async readResource(req: ReadRequest, callback: Callback): Promise<void> {
        const struct = req.getProperties();
        const entry = {
            type: req.getType(),
            name: req.getName(),
            custom: true,
            parent: req.getParent() || undefined,
            props: normalizeValue(struct ? struct.toJavaScript() : {}, true) as Record<string, unknown>,
            dependencies: [],
            propertyDependencies: {},
        };
        return super.readResource(req, this.recordOnSuccess(entry, callback));
    }
}

/** How to run a program under mocks. */
export interface MockRunOptions extends PlatformMockOptions {
    /** Pulumi project name (first part of config keys). */
    project: string;
    /** Stack name returned by `pulumi.getStack()`. */
    stack: string;
    /** Config as Pulumi passes it to a program: `namespace:key` to string (objects as JSON). */
    config?: Record<string, string>;
    /** Config keys whose values are secrets. */
    secretKeys?: string[];
}

/** One stack output, resolved. */
export interface ResolvedOutput {
    value: unknown;
    secret: boolean;
}

/** What a program run under mocks produced. */
export interface MockRunResult {
    resources: RecordedResource[];
    outputs: Record<string, ResolvedOutput>;
}

/** The program threw; carries what it had registered by then. */
export class ProgramError extends Error {
    constructor(readonly error: unknown, readonly resources: RecordedResource[]) {
        super(error instanceof Error ? error.message : String(error));
        this.name = "ProgramError";
    }
}

async function resolveOutput(value: unknown): Promise<ResolvedOutput> {
    const out: pulumi.Output<unknown> = pulumi.output(value as pulumi.Input<unknown>);
    const secret = await pulumi.isSecret(out);
    const resolved = await new Promise<unknown>((resolve) => out.apply((v) => resolve(v)));
    return { value: resolved, secret };
}

/**
 * Runs `program` as the body of a Pulumi stack under the mock runtime and returns
 * every registered resource and the resolved stack outputs.
 */
export async function runUnderMocks(
    program: () => unknown,
    options: MockRunOptions,
): Promise<MockRunResult> {
    const mocks = createPlatformMocks(options);
    const monitor = new RecordingMonitor(mocks);
    // setMocks switches the runtime's feature flags to mock mode; then our recording monitor replaces its plain one.
    await pulumi.runtime.setMocks(mocks, options.project, options.stack, false);
    pulumi.runtime.setMockOptions(monitor, options.project, options.stack, false);
    pulumi.runtime.setAllConfig(options.config ?? {}, options.secretKeys ?? []);
    let exported: Record<string, unknown> | undefined;
    let failure: ProgramError | undefined;
    try {
        await pulumi.runtime.runInPulumiStack(async () => {
            const result = await program();
            // A plain object of values becomes the stack outputs (as a program's exports do).
            exported = result !== null && typeof result === "object" && !pulumi.Resource.isInstance(result)
                ? (result as Record<string, unknown>)
                : undefined;
            return exported;
        });
    } catch (err) {
        failure = new ProgramError(err, monitor.recorded);
    } finally {
        await pulumi.runtime.disconnect();
    }
    if (failure) {
        throw failure;
    }
    const outputs: Record<string, ResolvedOutput> = {};
    for (const [key, value] of Object.entries(exported ?? {})) {
        outputs[key] = await resolveOutput(value);
    }
    return { resources: monitor.recorded, outputs };
}
