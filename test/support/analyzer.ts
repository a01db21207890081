/**
 * The Pulumi CLI's side of the policy analyzer protocol, played against the
 * project's real policy pack: it starts `policy-pack/` the way the CLI's
 * `pulumi-analyzer-policy` shim does (`@pulumi/pulumi/cmd/run-policy-pack`,
 * ts-node with type checking, the port on the first line of stdout), then
 * sends ConfigureStack, GetAnalyzerInfo and Configure, `Analyze` for every
 * registered resource (its inputs) and `AnalyzeStack` once (every resource's
 * outputs, parent, dependencies and property dependencies), as the engine
 * does. Unknown values travel as the engine's unknown sentinel, so a first
 * preview is analyzed exactly as the real `@pulumi/policy` server sees it.
 *
 * One pack process serves a whole test run (see hooks.ts for its shutdown).
 */
import type * as grpcTypes from "@grpc/grpc-js";
import { ChildProcess, spawn } from "child_process";
import { createRequire } from "module";
import * as path from "path";
import type * as rpcTypes from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import type * as pbTypes from "@pulumi/pulumi/proto/analyzer_pb";
import type { Empty as EmptyType } from "google-protobuf/google/protobuf/empty_pb";
import type { Struct as StructType } from "google-protobuf/google/protobuf/struct_pb";
import { PolicyPackConfigFile } from "../../policy-pack/gate/engine";
import { PlanMode } from "../../policy-pack/gate/mocks";
import { RecordedResource } from "../../policy-pack/gate/runtime";

const ROOT = path.resolve(__dirname, "..", "..");
const PACK_DIR = path.join(ROOT, "policy-pack");
// The protocol modules exactly as @pulumi/pulumi ships them (its own grpc-js and protobuf copies).
const fromSdk = createRequire(require.resolve("@pulumi/pulumi/proto/analyzer_grpc_pb"));
const grpc = fromSdk("@grpc/grpc-js") as typeof grpcTypes;
const pb = fromSdk("./analyzer_pb") as typeof pbTypes;
const rpc = fromSdk("./analyzer_grpc_pb") as typeof rpcTypes;
const { Struct } = fromSdk("google-protobuf/google/protobuf/struct_pb") as { Struct: typeof StructType };
const { Empty } = fromSdk("google-protobuf/google/protobuf/empty_pb") as { Empty: typeof EmptyType };

/** pulumirpc.EnforcementLevel, by enum value. */
const LEVELS = ["advisory", "mandatory", "disabled", "remediate"] as const;
type Level = (typeof LEVELS)[number];

/** One diagnostic the real analyzer returned. */
export interface AnalyzerFinding {
    policyName: string;
    enforcementLevel: Level;
    urn?: string;
    /** The violation message, without the policy description the SDK puts in front of it. */
    message: string;
    /** The SDK skipped the rule because it read an unknown value ("can't run policy ... during preview"). */
    cantRun: boolean;
    call: "Analyze" | "AnalyzeStack";
}

interface PolicyInfo {
    name: string;
    description: string;
    level: Level;
    defaults: Record<string, unknown>;
}

interface Pack {
    child: ChildProcess;
    client: rpcTypes.AnalyzerClient;
    policies: PolicyInfo[];
    stderr: () => string;
}

let started: Promise<Pack> | undefined;

function call<Req, Res>(client: rpcTypes.AnalyzerClient, method: string, request: Req): Promise<Res> {
    const fn = (client as unknown as Record<string, (r: Req, o: object, cb: (e: Error | null, r: Res) => void) => void>)[method];
    return new Promise((resolve, reject) => fn.call(client, request, { deadline: Date.now() + 60_000 }, (err, res) => (err ? reject(err) : resolve(res))));
}

async function start(): Promise<Pack> {
    const runScript = createRequire(path.join(PACK_DIR, "index.ts")).resolve("@pulumi/pulumi/cmd/run-policy-pack");
    const child = spawn(process.execPath, [runScript, "127.0.0.1:1", "."], {
        cwd: PACK_DIR,
        env: {
            ...process.env,
            PULUMI_CONFIG: "{}",
            PULUMI_NODEJS_PROJECT: "analyzer-test",
            PULUMI_NODEJS_STACK: "test",
            PULUMI_NODEJS_ORGANIZATION: "organization",
        },
        stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += d));
    const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`policy pack printed no port within 120 s; stderr: ${stderr}`)), 120_000);
        child.stdout!.on("data", (d) => {
            stdout += d;
            const first = stdout.split("\n")[0].trim();
            if (stdout.includes("\n") && /^\d+$/.test(first)) {
                clearTimeout(timer);
                resolve(Number(first));
            }
        });
        child.on("exit", (code) => {
            clearTimeout(timer);
            reject(new Error(`policy pack exited with ${code} before serving; stdout: ${stdout} stderr: ${stderr}`));
        });
    });
    const client = new rpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const info = await call<EmptyType, pbTypes.AnalyzerInfo>(client, "getAnalyzerInfo", new Empty());
    const policies = info.getPoliciesList().map((p) => ({
        name: p.getName(),
        description: p.getDescription(),
        level: LEVELS[p.getEnforcementlevel()],
        defaults: Object.fromEntries(
            Object.entries((p.getConfigschema()?.getProperties()?.toJavaScript() ?? {}) as Record<string, { default?: unknown }>)
                .filter(([, s]) => s && s.default !== undefined)
                .map(([k, s]) => [k, s.default]),
        ),
    }));
    return { child, client, policies, stderr: () => stderr };
}

/** The running pack (started on first use). */
export function policyPack(): Promise<Pack> {
    started ??= start();
    return started;
}

/** Stops the pack process, if one was started. */
export async function stopPolicyPack(): Promise<void> {
    if (!started) {
        return;
    }
    const pack = await started.catch(() => undefined);
    started = undefined;
    pack?.client.close();
    pack?.child.kill();
}

/** Effective level and properties per policy, as the CLI's ReconcilePolicyPackConfig computes them. */
function reconcile(policies: PolicyInfo[], file: PolicyPackConfigFile, only?: string[]): Map<string, { level: Level; properties: Record<string, unknown> }> {
    const all = file["all"];
    const allLevel = typeof all === "string" ? all : all?.enforcementLevel;
    const out = new Map<string, { level: Level; properties: Record<string, unknown> }>();
    for (const p of policies) {
        const entry = file[p.name];
        const { enforcementLevel, ...properties } = typeof entry === "object" && entry !== null ? entry : { enforcementLevel: entry };
        const level = (enforcementLevel ?? allLevel ?? p.level) as Level;
        out.set(p.name, { level: only && !only.includes(p.name) ? "disabled" : level, properties: { ...p.defaults, ...properties } });
    }
    return out;
}

const jsonable = (v: unknown): Record<string, never> => JSON.parse(JSON.stringify(v ?? {}));

function resourceOptions(r: RecordedResource): pbTypes.AnalyzerResourceOptions {
    const o = new pb.AnalyzerResourceOptions();
    const t = new pb.AnalyzerResourceOptions.CustomTimeouts();
    t.setCreate(0);
    t.setUpdate(0);
    t.setDelete(0);
    o.setProtect(false);
    o.setIgnorechangesList([]);
    o.setDeletebeforereplacedefined(false);
    o.setAdditionalsecretoutputsList([]);
    o.setAliasesList([]);
    o.setCustomtimeouts(t);
    if (r.parent) {
        o.setParent(r.parent);
    }
    return o;
}

/** Options of {@link analyzeWithPack}. */
export interface AnalyzeOptions {
    mode: PlanMode;
    /** Policy config in `--policy-pack-config` format. */
    config?: PolicyPackConfigFile;
    /** Only these policies run; the others are disabled. */
    only?: string[];
    project?: string;
    stack?: string;
}

/** Sends recorded resources through the real analyzer as the engine would, and returns every diagnostic. */
export async function analyzeWithPack(resources: RecordedResource[], options: AnalyzeOptions): Promise<AnalyzerFinding[]> {
    const pack = await policyPack();
    const stackConfigure = new pb.AnalyzerStackConfigureRequest();
    stackConfigure.setStack(options.stack ?? "test");
    stackConfigure.setProject(options.project ?? "analyzer-test");
    stackConfigure.setOrganization("organization");
    stackConfigure.setDryRun(options.mode === "preview");
    await call(pack.client, "configureStack", stackConfigure);
    const configure = new pb.ConfigureAnalyzerRequest();
    for (const [name, c] of reconcile(pack.policies, options.config ?? {}, options.only)) {
        const pc = new pb.PolicyConfig();
        pc.setEnforcementlevel(LEVELS.indexOf(c.level));
        pc.setProperties(Struct.fromJavaScript(jsonable(c.properties)));
        configure.getPolicyconfigMap().set(name, pc);
    }
    await call(pack.client, "configure", configure);

    const descriptions = new Map(pack.policies.map((p) => [p.name, p.description]));
    const findings: AnalyzerFinding[] = [];
    const collect = (callName: AnalyzerFinding["call"], urn: string | undefined, response: pbTypes.AnalyzeResponse) => {
        for (const d of response.getDiagnosticsList()) {
            const raw = d.getMessage();
            const description = descriptions.get(d.getPolicyname()) ?? "";
            findings.push({
                policyName: d.getPolicyname(),
                enforcementLevel: LEVELS[d.getEnforcementlevel()],
                urn: d.getUrn() || urn,
                message: raw.startsWith(`${description}\n`) ? raw.slice(description.length + 1) : raw,
                cantRun: /^can't run policy /.test(raw),
                call: callName,
            });
        }
    };
    for (const r of resources.filter((x) => !x.read)) {
        const req = new pb.AnalyzeRequest();
        req.setUrn(r.urn);
        req.setType(r.type);
        req.setName(r.name);
        req.setProperties(Struct.fromJavaScript(jsonable(r.props)));
        req.setOptions(resourceOptions(r));
        collect("Analyze", r.urn, await call(pack.client, "analyze", req));
    }
    const stackReq = new pb.AnalyzeStackRequest();
    for (const r of resources) {
        const ar = new pb.AnalyzerResource();
        ar.setUrn(r.urn);
        ar.setType(r.type);
        ar.setName(r.name);
        ar.setProperties(Struct.fromJavaScript(jsonable(r.outputs ?? r.props)));
        ar.setOptions(resourceOptions(r));
        if (r.parent) {
            ar.setParent(r.parent);
        }
        ar.setDependenciesList(r.dependencies);
        for (const [key, urns] of Object.entries(r.propertyDependencies)) {
            if (urns.length > 0) {
                const deps = new pb.AnalyzerPropertyDependencies();
                deps.setUrnsList(urns);
                ar.getPropertydependenciesMap().set(key, deps);
            }
        }
        stackReq.addResources(ar);
    }
    collect("AnalyzeStack", undefined, await call(pack.client, "analyzeStack", stackReq));
    return findings;
}
