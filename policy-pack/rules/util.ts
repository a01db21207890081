/** Small helpers shared by the rules: typed access to untyped props and resource links. */
import type {
    EnforcementLevel,
    PolicyConfigSchema,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";

export type Props = Record<string, unknown>;

export function asRecord(value: unknown): Props {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Props) : {};
}

export function asArray(value: unknown): unknown[] {
    return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

export function asString(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
    if (typeof value === "number") {
        return value;
    }
    if (typeof value === "string" && value.trim() !== "" && !isNaN(Number(value))) {
        return Number(value);
    }
    return undefined;
}

/** Parses a JSON document given as a string or already an object; undefined when it is neither. */
export function parseJsonDocument(value: unknown): Props | undefined {
    if (typeof value === "string") {
        try {
            return asRecord(JSON.parse(value));
        } catch {
            return undefined;
        }
    }
    return value !== null && typeof value === "object" ? asRecord(value) : undefined;
}

/** Common fields of every rule in the pack. */
interface RuleSpec {
    name: string;
    description: string;
    enforcementLevel: EnforcementLevel;
    /** What to do about a violation; printed by the offline plan and the README. */
    remediationSteps: string;
    configSchema?: PolicyConfigSchema;
}

/** A rule over single resources of the given types. */
export function resourceRule(
    spec: RuleSpec & {
        types: string[];
        validate: (props: Props, args: ResourceValidationArgs, report: ReportViolation) => void;
    },
): ResourceValidationPolicy {
    const { types, validate, ...policy } = spec;
    return {
        ...policy,
        validateResource: (args, report) => {
            if (types.includes(args.type)) {
                validate(asRecord(args.props), args, report);
            }
        },
    };
}

/** A rule over the whole stack, for relations between resources. */
export function stackRule(
    spec: RuleSpec & { validate: (args: StackValidationArgs, report: ReportViolation) => void },
): StackValidationPolicy {
    const { validate, ...policy } = spec;
    return { ...policy, validateStack: validate };
}

/** Resources of a type. */
export function ofType(resources: PolicyResource[], type: string): PolicyResource[] {
    return resources.filter((r) => r.type === type);
}

/**
 * True when `from.props[prop]` refers to `to`: the value came from `to` (the
 * engine's dependency record, known even while ids are unknown at preview), or
 * it equals one of `to`'s identifying props.
 */
export function refersTo(from: PolicyResource, prop: string, to: PolicyResource, identifying: string[] = ["id", "arn", "name"]): boolean {
    if ((from.propertyDependencies[prop] ?? []).some((d) => d.urn === to.urn)) {
        return true;
    }
    const value = from.props[prop];
    return value !== undefined && identifying.some((key) => to.props[key] !== undefined && to.props[key] === value);
}

/** Formats a resource for messages: `type "name"`. */
export function describe(r: { type: string; name: string }): string {
    return `${r.type.split(":").pop()} "${r.name}"`;
}

export const TYPES = {
    restApi: "aws:apigateway/restApi:RestApi",
    restApiPolicy: "aws:apigateway/restApiPolicy:RestApiPolicy",
    stage: "aws:apigateway/stage:Stage",
    method: "aws:apigateway/method:Method",
    methodSettings: "aws:apigateway/methodSettings:MethodSettings",
    integrationResponse: "aws:apigateway/integrationResponse:IntegrationResponse",
    gatewayResponse: "aws:apigateway/response:Response",
    authorizer: "aws:apigateway/authorizer:Authorizer",
    usagePlan: "aws:apigateway/usagePlan:UsagePlan",
    usagePlanKey: "aws:apigateway/usagePlanKey:UsagePlanKey",
    apiKey: "aws:apigateway/apiKey:ApiKey",
    domainName: "aws:apigateway/domainName:DomainName",
    basePathMapping: "aws:apigateway/basePathMapping:BasePathMapping",
    webAcl: "aws:wafv2/webAcl:WebAcl",
    webAclAssociation: "aws:wafv2/webAclAssociation:WebAclAssociation",
    webAclLogging: "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
    userPool: "aws:cognito/userPool:UserPool",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    trail: "aws:cloudtrail/trail:Trail",
    bucket: "aws:s3/bucket:Bucket",
    bucketV2: "aws:s3/bucketV2:BucketV2",
    bucketVersioning: "aws:s3/bucketVersioning:BucketVersioning",
    bucketVersioningV2: "aws:s3/bucketVersioningV2:BucketVersioningV2",
    bucketEncryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    bucketEncryptionV2: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    bucketPublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
} as const;
