/**
 * Realistic mock outputs for the resource types this platform creates, so that a
 * program run under `pulumi.runtime.setMocks` sees the same shape of values it
 * would see from the AWS provider: ids, ARNs, URLs and computed attributes.
 */
import * as pulumi from "@pulumi/pulumi";
import { MOCK_ACCOUNT_ID, MOCK_REGION, mockCall } from "./invokes";
import { OutputKind, typeInfo } from "./provider-schema";
import { stackReferenceState, StackReferences } from "./stack-references";

export { MOCK_ACCOUNT_ID, MOCK_REGION, mockCall } from "./invokes";

type State = Record<string, unknown>;

/** A short, stable, deterministic id derived from a resource name. */
export function mockId(name: string): string {
    let hash = 0;
    for (const ch of name) {
        hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    }
    return hash.toString(36).padStart(7, "0").slice(0, 10);
}

function arn(service: string, resource: string, region: string = MOCK_REGION): string {
    return `arn:aws:${service}:${region}:${MOCK_ACCOUNT_ID}:${resource}`;
}

function str(value: unknown, fallback: string): string {
    return typeof value === "string" && value.length > 0 ? value : fallback;
}

/** Computed attributes per resource type; inputs are always echoed back as outputs too. */
const computed: Record<string, (name: string, id: string, inputs: State) => State> = {
    "aws:apigateway/restApi:RestApi": (_n, id) => ({
        arn: `arn:aws:apigateway:${MOCK_REGION}::/restapis/${id}`,
        rootResourceId: `${id}-root`,
        executionArn: arn("execute-api", id),
        createdDate: "2026-01-01T00:00:00Z",
    }),
    "aws:apigateway/resource:Resource": (_n, id, inputs) => ({ path: `/${str(inputs.pathPart, id)}` }),
    "aws:apigateway/stage:Stage": (_n, _id, inputs) => {
        const api = str(inputs.restApi, "api");
        const stage = str(inputs.stageName, "stage");
        return {
            arn: `arn:aws:apigateway:${MOCK_REGION}::/restapis/${api}/stages/${stage}`,
            executionArn: arn("execute-api", `${api}/${stage}`),
            invokeUrl: `https://${api}.execute-api.${MOCK_REGION}.amazonaws.com/${stage}`,
        };
    },
    "aws:apigateway/deployment:Deployment": () => ({ createdDate: "2026-01-01T00:00:00Z" }),
    "aws:apigateway/authorizer:Authorizer": (_n, id, inputs) => ({
        arn: arn("execute-api", `${str(inputs.restApi, "api")}/authorizers/${id}`),
    }),
    "aws:apigateway/apiKey:ApiKey": (name, id) => ({
        arn: `arn:aws:apigateway:${MOCK_REGION}::/apikeys/${id}`,
        value: `mock-api-key-${mockId(name)}${mockId(name + "v")}`,
    }),
    "aws:apigateway/usagePlan:UsagePlan": (_n, id) => ({ arn: `arn:aws:apigateway:${MOCK_REGION}::/usageplans/${id}` }),
    "aws:apigateway/domainName:DomainName": (_n, _id, inputs) => ({
        arn: `arn:aws:apigateway:${MOCK_REGION}::/domainnames/${str(inputs.domainName, "example.com")}`,
        regionalDomainName: `d-${mockId(str(inputs.domainName, "d"))}.execute-api.${MOCK_REGION}.amazonaws.com`,
        regionalZoneId: "Z1UJRXOUMOOFQ8",
    }),
    "aws:cognito/userPool:UserPool": (_n, id) => ({
        arn: arn("cognito-idp", `userpool/${MOCK_REGION}_${id}`),
        endpoint: `cognito-idp.${MOCK_REGION}.amazonaws.com/${MOCK_REGION}_${id}`,
    }),
    "aws:cognito/userPoolClient:UserPoolClient": (name, _id, inputs) => ({
        clientSecret: inputs.generateSecret === true ? `mock-secret-${mockId(name)}` : "",
    }),
    "aws:cognito/resourceServer:ResourceServer": (_n, _id, inputs) => ({
        scopeIdentifiers: (Array.isArray(inputs.scopes) ? inputs.scopes : []).map(
            (s: { scopeName?: string }) => `${str(inputs.identifier, "api")}/${s.scopeName ?? ""}`,
        ),
    }),
    "aws:lambda/function:Function": (_n, _id, inputs) => {
        const fnArn = arn("lambda", `function:${str(inputs.name, "fn")}`);
        return {
            arn: fnArn,
            invokeArn: `arn:aws:apigateway:${MOCK_REGION}:lambda:path/2015-03-31/functions/${fnArn}/invocations`,
            version: "$LATEST",
        };
    },
    "aws:iam/role:Role": (name, _id, inputs) => ({ arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/${str(inputs.name, name)}` }),
    "aws:iam/policy:Policy": (name, _id, inputs) => ({ arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:policy/${str(inputs.name, name)}` }),
    "aws:kms/key:Key": (_n, id) => ({ arn: arn("kms", `key/${id}`), keyId: id }),
    "aws:cloudwatch/logGroup:LogGroup": (name, _id, inputs) => ({ arn: arn("logs", `log-group:${str(inputs.name, name)}`) }),
    "aws:cloudwatch/metricAlarm:MetricAlarm": (name, _id, inputs) => ({ arn: arn("cloudwatch", `alarm:${str(inputs.name, name)}`) }),
    "aws:s3/bucket:Bucket": (name, _id, inputs) => {
        const bucket = str(inputs.bucket, `${name}-${mockId(name)}`);
        return { bucket, arn: `arn:aws:s3:::${bucket}`, bucketRegionalDomainName: `${bucket}.s3.${MOCK_REGION}.amazonaws.com` };
    },
    "aws:s3/bucketObjectv2:BucketObjectv2": (name) => ({ versionId: `v-${mockId(name)}`, etag: mockId(name + "etag") }),
    "aws:acm/certificate:Certificate": (name, id, inputs) => ({
        arn: arn("acm", `certificate/${id}`),
        domainValidationOptions: [
            {
                domainName: str(inputs.domainName, "example.com"),
                resourceRecordName: `_${mockId(name)}.${str(inputs.domainName, "example.com")}.`,
                resourceRecordType: "CNAME",
                resourceRecordValue: `_${mockId(name + "v")}.acm-validations.aws.`,
            },
        ],
    }),
    "aws:route53/record:Record": (_n, _id, inputs) => ({ fqdn: str(inputs.name, "record.example.com").replace(/\.$/, "") }),
    "aws:acm/certificateValidation:CertificateValidation": (_n, _id, inputs) => ({ certificateArn: inputs.certificateArn }),
    "aws:wafv2/webAcl:WebAcl": (name, id, inputs) => ({
        arn: arn("wafv2", `regional/webacl/${str(inputs.name, name)}/${id}`),
        capacity: 700,
    }),
    "aws:wafv2/ipSet:IpSet": (name, id, inputs) => ({ arn: arn("wafv2", `regional/ipset/${str(inputs.name, name)}/${id}`) }),
    "aws:cloudtrail/trail:Trail": (name, _id, inputs) => ({ arn: arn("cloudtrail", `trail/${str(inputs.name, name)}`) }),
    "aws:ec2/vpcEndpoint:VpcEndpoint": (_n, id) => ({
        arn: arn("ec2", `vpc-endpoint/vpce-${id}`),
        dnsEntries: [{ dnsName: `vpce-${id}.execute-api.${MOCK_REGION}.vpce.amazonaws.com`, hostedZoneId: "Z7HUB22UULQXV" }],
    }),
    "aws:ec2/securityGroup:SecurityGroup": (_n, id) => ({ arn: arn("ec2", `security-group/sg-${id}`) }),
    "awsx:ec2:Vpc": (_n, id) => ({
        vpcId: `vpc-${id}`,
        privateSubnetIds: [`subnet-${id}a`, `subnet-${id}b`],
        publicSubnetIds: [`subnet-${id}c`, `subnet-${id}d`],
        isolatedSubnetIds: [],
        subnets: [],
        routeTables: [],
        natGateways: [],
    }),
};

/** Types whose physical `name` the provider generates when the program gives none (auto-naming). */
const AUTO_NAMED = new Set([
    "aws:cloudwatch/logGroup:LogGroup",
    "aws:cloudwatch/metricAlarm:MetricAlarm",
    "aws:iam/role:Role",
    "aws:iam/policy:Policy",
    "aws:lambda/function:Function",
    "aws:wafv2/webAcl:WebAcl",
    "aws:wafv2/ipSet:IpSet",
    "aws:cognito/userPool:UserPool",
    "aws:apigateway/usagePlan:UsagePlan",
    "aws:apigateway/apiKey:ApiKey",
    "aws:apigateway/authorizer:Authorizer",
    "aws:ec2/securityGroup:SecurityGroup",
]);

/** Ids that AWS gives a recognisable prefix. */
const idPrefix: Record<string, string> = {
    "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce-",
    "aws:ec2/securityGroup:SecurityGroup": "sg-",
    "awsx:ec2:Vpc": "vpc-",
};

/**
 * A realistic value for a computed output the mocks have no rule for, so a
 * program never builds `undefined` into an ARN or a URL: ARNs for `arn`/`*Arn`,
 * ids for `*Id`, URLs for `*Url`/`*Endpoint`, and otherwise the empty value the
 * provider reports for an unset computed attribute ("", 0, false, [], {}).
 */
export function syntheticOutput(type: string, name: string, id: string, key: string, kind: OutputKind): unknown {
    const service = type.split(":")[1]?.split("/")[0] ?? "service";
    switch (kind) {
        case "number":
            return 0;
        case "boolean":
            return false;
        case "array":
            return [];
        case "object":
            return {};
    }
    if (key === "executionArn") {
        return arn("execute-api", id);
    }
    if (key === "arn" || /Arn$/.test(key)) {
        return arn(service, `${type.split(":")[2]?.toLowerCase() ?? "resource"}/${name}`);
    }
    if (/(^id|Id)$/.test(key)) {
        return `${key.replace(/Id$/, "") || "id"}-${mockId(`${id}:${key}`)}`;
    }
    if (/^(url|uri|endpoint)$|(Url|Uri|Endpoint)$/.test(key)) {
        return `https://${id}.${service}.${MOCK_REGION}.amazonaws.com`;
    }
    // The provider reports an unset computed string as empty.
    return key === "name" ? autoName(name) : "";
}

/** The engine's sentinel for a value that is not known until the resource is deployed. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * How values are answered. `update`: every id and output known (what `pulumi up`
 * analyzes). `preview`: a first `pulumi preview` of a stack that was never
 * deployed: every planned resource has an unknown id and unknown computed outputs.
 */
export type PlanMode = "preview" | "update";
export const PLAN_MODES: readonly PlanMode[] = ["preview", "update"];

/** Options of the mocks: what other stacks a `StackReference` can read, and the mode. */
export interface PlatformMockOptions {
    /** Plain outputs of other stacks, keyed by fully qualified stack name (`org/project/stack`); none secret. */
    stackOutputs?: Record<string, Record<string, unknown>>;
    /** Outputs of other stacks with their secrets and source (what the plan command builds). */
    references?: StackReferences;
    /** true for stack names this project can plan itself (for the error message). */
    isOwnStack?: (stackName: string) => boolean;
    /** Default `update`. */
    mode?: PlanMode;
    /** Directory the program's provider packages resolve from (for their declarations). */
    resolveFrom?: string;
}

/** Every referenced stack the options know, plain `stackOutputs` included. */
export function allReferences(options: PlatformMockOptions): StackReferences {
    const plain = Object.fromEntries(
        Object.entries(options.stackOutputs ?? {}).map(([name, values]) => [name, { values, secretNames: [], source: "given outputs", complete: true }]),
    );
    return { ...plain, ...options.references };
}

/** The name the provider picks for an auto-named input the program left out. */
export function autoName(name: string): string {
    return `${name}-${mockId(name).slice(0, 7)}`;
}

/**
 * What a first preview knows of a planned resource: its inputs (with the
 * provider's auto-name, chosen at check time) and nothing else — every
 * computed output is unknown, and so is its id.
 */
function plannedState(type: string, name: string, inputs: State, resolveFrom: string | undefined): State {
    const info = typeInfo(type, resolveFrom);
    const state: State = { ...inputs };
    if (info.autoName && state[info.autoName] === undefined) {
        state[info.autoName] = autoName(name);
    }
    const computedKeys = new Set([...info.computed, ...Object.keys(computed[type]?.(name, UNKNOWN, state) ?? {})]);
    for (const key of computedKeys) {
        if (state[key] === undefined) {
            state[key] = UNKNOWN;
        }
    }
    return state;
}

/** The mock implementation handed to `pulumi.runtime.setMocks`. */
export function createPlatformMocks(options: PlatformMockOptions = {}): pulumi.runtime.Mocks {
    return {
        newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: State } {
            const inputs = args.inputs as State;
            if (args.type === "pulumi:pulumi:StackReference") {
                const stackName = str(inputs.name, args.name);
                return { id: stackName, state: stackReferenceState(stackName, allReferences(options), options.isOwnStack ?? (() => false)) };
            }
            if (options.mode === "preview" && !args.id && (args.custom || computed[args.type] !== undefined)) {
                return { id: undefined, state: plannedState(args.type, args.name, inputs, options.resolveFrom) };
            }
            const id = (idPrefix[args.type] ?? "") + mockId(`${args.type}::${args.name}`);
            const named = AUTO_NAMED.has(args.type) && inputs.name === undefined ? { ...inputs, name: autoName(args.name) } : inputs;
            const state: State = { ...named, ...(computed[args.type]?.(args.name, id, named) ?? {}) };
            if (args.custom) {
                const info = typeInfo(args.type, options.resolveFrom);
                for (const key of info.computed) {
                    if (state[key] === undefined && key !== "id" && key !== "urn") {
                        state[key] = syntheticOutput(args.type, args.name, id, key, info.kinds[key]);
                    }
                }
            }
            return { id, state };
        },
        call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
            return mockCall(args.token, args.inputs as Record<string, unknown>);
        },
    };
}
