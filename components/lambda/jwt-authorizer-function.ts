import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { LOG_RETENTION_DAYS } from "../../policy-pack/baseline";
import { EncryptedLogGroup } from "../observability/encrypted-log-group";
import { assumeRolePolicy, document, PolicyDocument } from "../shared/policies";
import { ComponentArgumentError, intInRange, oneOf } from "../shared/validation";
import { bundleJwtAuthorizer } from "./bundle";
import {
    AuthorizerSettings,
    checkAlgorithms,
    checkAudience,
    checkClockSkew,
    checkIssuer,
    checkJwksUri,
    checkRouteScopes,
    CLOCK_SKEW_SECONDS,
    DEFAULT_ALGORITHMS,
    JwtAlgorithm,
    RouteScopes,
    SettingError,
    toEnvironment,
} from "./jwt-authorizer/settings";

const C = "JwtAuthorizerFunction";

/** Lambda runtimes the function may use (the bundle targets Node.js 20+; Node.js 20 itself reached end of life in April 2026). */
export const JWT_AUTHORIZER_RUNTIMES = ["nodejs22.x", "nodejs24.x"] as const;
export type JwtAuthorizerRuntime = (typeof JWT_AUTHORIZER_RUNTIMES)[number];
export const JWT_AUTHORIZER_ARCHITECTURES = ["arm64", "x86_64"] as const;

/**
 * Function timeout, seconds. API Gateway waits at most 10 seconds for a Lambda
 * authorizer's response ("Timeout for Lambda authorizer response: 10000 ms",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html;
 * REST API integrations are capped at 29 s,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html),
 * so the function must give up before that: at most 9 s, 5 s by default (the
 * JWKS fetch itself times out after 2 s).
 */
export const JWT_AUTHORIZER_TIMEOUT_SECONDS = { default: 5, min: 1, max: 9 } as const;
export const JWT_AUTHORIZER_MEMORY_MB = { default: 256, min: 128, max: 10240 } as const;
export const JWT_AUTHORIZER_CONCURRENCY = { default: 50, min: 1, max: 1000 } as const;
/** Lambda limits the environment (names plus values) to 4 KB. */
export const LAMBDA_ENVIRONMENT_MAX_BYTES = 4096;

/** Log settings of {@link JwtAuthorizerFunction}. */
export interface JwtAuthorizerLoggingArgs {
    /** Retention of `/aws/lambda/<functionName>`, days: one of the values CloudWatch accepts (`LOG_RETENTION_DAYS`). */
    retentionInDays: number;
    /** KMS key ARN encrypting the log group (its key policy must let CloudWatch Logs use it). */
    kmsKeyArn: pulumi.Input<string>;
}

/** Arguments of {@link JwtAuthorizerFunction}. */
export interface JwtAuthorizerFunctionArgs {
    /** Token issuer, an https URL; a token's `iss` must equal it exactly. */
    issuer: string;
    /** The audience a token's `aud` must contain (e.g. the API's identifier or an app client id). */
    audience: string;
    /**
     * The issuer's JWKS, an https URL.
     * @default `${issuer}/.well-known/jwks.json` (Cognito, Auth0 and most OIDC issuers)
     */
    jwksUri?: string;
    /**
     * Signature algorithms accepted, a subset of `JWT_ALGORITHMS` (asymmetric only: never `none` or HS*).
     * @default ["RS256", "ES256"]
     */
    allowedAlgorithms?: JwtAlgorithm[];
    /**
     * Clock skew tolerated on `exp` and `nbf`, whole seconds from 0 to 300.
     * @default 60
     */
    clockSkewSeconds?: number;
    /**
     * Scopes each route requires: `"METHOD /path"` (path parameters as `{id}`, a last `{proxy+}`, method
     * `ANY` for all) to the scopes a token must all hold, `[]` for none. A request matching no key is
     * denied (403); one matching several keys needs the scopes of all of them.
     */
    routeScopes: RouteScopes;
    /** Log group retention and encryption. */
    logging: JwtAuthorizerLoggingArgs;
    /**
     * Physical function name (letters, digits, `-`, `_`; at most 64).
     * @default `<resource name>-<stack>`
     */
    functionName?: string;
    /**
     * Lambda runtime.
     * @default "nodejs24.x"
     */
    runtime?: JwtAuthorizerRuntime;
    /**
     * Instruction set.
     * @default "arm64"
     */
    architecture?: "arm64" | "x86_64";
    /**
     * Memory, MB (128-10240).
     * @default 256
     */
    memorySize?: number;
    /**
     * Timeout, seconds (1-9: below API Gateway's 10 s wait for an authorizer).
     * @default 5
     */
    timeoutSeconds?: number;
    /**
     * Reserved concurrency (1-1000): caps what a token flood can cost and keeps capacity for the authorizer.
     * @default 50
     */
    reservedConcurrentExecutions?: number;
    /**
     * Tags for the function, its role and its log group.
     * @default no tags
     */
    tags?: Record<string, string>;
}

/** Runs a shared setting check, re-throwing its problem as a ComponentArgumentError about `argument`. */
function checked<T>(argument: string, check: () => T): T {
    try {
        return check();
    } catch (err) {
        if (err instanceof SettingError) {
            throw new ComponentArgumentError(C, `${argument}${err.at}`, err.problem);
        }
        throw err;
    }
}

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;

/** Checks every argument; returns the function name and the handler's settings. */
export function jwtAuthorizerFunctionSettings(name: string, args: JwtAuthorizerFunctionArgs): { functionName: string; settings: AuthorizerSettings } {
    const issuer = checked("issuer", () => checkIssuer(args.issuer));
    const settings: AuthorizerSettings = {
        issuer,
        audience: checked("audience", () => checkAudience(args.audience)),
        jwksUri: checked("jwksUri", () => checkJwksUri(args.jwksUri ?? `${issuer.replace(/\/+$/, "")}/.well-known/jwks.json`)),
        algorithms: checked("allowedAlgorithms", () => checkAlgorithms(args.allowedAlgorithms ?? [...DEFAULT_ALGORITHMS])),
        clockSkewSeconds: checked("clockSkewSeconds", () => checkClockSkew(args.clockSkewSeconds ?? CLOCK_SKEW_SECONDS.default)),
        routeScopes: args.routeScopes,
    };
    checked("routeScopes", () => checkRouteScopes(args.routeScopes));
    if (!args.logging) {
        throw new ComponentArgumentError(C, "logging", "is required (retentionInDays and kmsKeyArn)");
    }
    if (!(LOG_RETENTION_DAYS as readonly number[]).includes(args.logging.retentionInDays)) {
        throw new ComponentArgumentError(
            C,
            "logging.retentionInDays",
            `must be one of ${LOG_RETENTION_DAYS.join(", ")} days (got ${JSON.stringify(args.logging.retentionInDays)})`,
        );
    }
    const kms = args.logging.kmsKeyArn;
    // A string must be a key ARN; otherwise only an Output or a Promise (an object) can resolve to one.
    if (typeof kms === "string" ? !KMS_KEY_ARN.test(kms) : typeof kms !== "object" || kms === null) {
        throw new ComponentArgumentError(C, "logging.kmsKeyArn", `must be a KMS key ARN, arn:aws:kms:REGION:ACCOUNT:key/ID (got ${JSON.stringify(kms)})`);
    }
    const functionName = args.functionName ?? `${name}-${pulumi.getStack()}`.replace(/[^A-Za-z0-9_-]+/g, "-").slice(0, 64);
    if (typeof functionName !== "string" || !FUNCTION_NAME.test(functionName)) {
        throw new ComponentArgumentError(C, "functionName", `must be 1-64 letters, digits, - or _ (got ${JSON.stringify(functionName)})`);
    }
    oneOf(C, "runtime", args.runtime ?? "nodejs24.x", JWT_AUTHORIZER_RUNTIMES);
    oneOf(C, "architecture", args.architecture ?? "arm64", JWT_AUTHORIZER_ARCHITECTURES);
    const { min: memMin, max: memMax } = JWT_AUTHORIZER_MEMORY_MB;
    intInRange(C, "memorySize", args.memorySize ?? JWT_AUTHORIZER_MEMORY_MB.default, memMin, memMax);
    const { min: tMin, max: tMax } = JWT_AUTHORIZER_TIMEOUT_SECONDS;
    intInRange(C, "timeoutSeconds", args.timeoutSeconds ?? JWT_AUTHORIZER_TIMEOUT_SECONDS.default, tMin, tMax);
    const { min: cMin, max: cMax } = JWT_AUTHORIZER_CONCURRENCY;
    intInRange(C, "reservedConcurrentExecutions", args.reservedConcurrentExecutions ?? JWT_AUTHORIZER_CONCURRENCY.default, cMin, cMax);
    const size = Object.entries(toEnvironment(settings)).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
    if (size > LAMBDA_ENVIRONMENT_MAX_BYTES) {
        throw new ComponentArgumentError(
            C,
            "routeScopes",
            `makes the function environment ${size} bytes; Lambda allows ${LAMBDA_ENVIRONMENT_MAX_BYTES} (use fewer or shorter route keys)`,
        );
    }
    return { functionName, settings };
}

/**
 * The execution role's only permissions: create streams in and write to the
 * function's own log group (not AWSLambdaBasicExecutionRole's `logs:*` on `*`),
 * and send X-Ray traces (those two actions support no resource scoping).
 */
export function jwtAuthorizerRolePolicy(logGroupArn: string): PolicyDocument {
    return document(
        {
            Sid: "WriteOwnLogGroup",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: [logGroupArn, `${logGroupArn}:log-stream:*`],
        },
        {
            Sid: "WriteTraces",
            Effect: "Allow",
            Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
            Resource: "*",
        },
    );
}

/**
 * A Lambda function that validates JWTs for a REST API authorizer (TOKEN or
 * REQUEST): signature against the issuer's JWKS, allowed asymmetric
 * algorithms, exact `iss`, `aud`, `exp`/`nbf` with bounded skew, per-route
 * scopes; Allow or Deny on exactly the request's method ARN. Pass
 * `functionArn` to {@link LambdaAuthorizer}.
 *
 * The decision covers one method ARN, so with result caching (the
 * authorizer's `resultTtlSeconds`, 300 s unless set) a cached Allow for one
 * method and path answers 403 for the same token on another. Use
 * `resultTtlSeconds: 0`, or a REQUEST authorizer whose identity sources
 * distinguish the requests it caches.
 */
export class JwtAuthorizerFunction extends pulumi.ComponentResource {
    /** ARN of the function: the `functionArn` a {@link LambdaAuthorizer} takes. */
    public readonly functionArn: pulumi.Output<string>;
    /** Physical name of the function. */
    public readonly functionName: pulumi.Output<string>;
    /** ARN of the function's execution role (trusted by lambda.amazonaws.com only). */
    public readonly roleArn: pulumi.Output<string>;
    /** The function's log group, `/aws/lambda/<functionName>` (KMS-encrypted, bounded retention). */
    public readonly logGroupName: pulumi.Output<string>;

    constructor(name: string, args: JwtAuthorizerFunctionArgs, opts?: pulumi.ComponentResourceOptions) {
        const { functionName, settings } = jwtAuthorizerFunctionSettings(name, args);
        const bundle = bundleJwtAuthorizer();
        super("secure-api:lambda:JwtAuthorizerFunction", name, {}, opts);
        const parent = { parent: this };
        const logs = new EncryptedLogGroup(
            `${name}-logs`,
            {
                logGroupName: `/aws/lambda/${functionName}`,
                retentionInDays: args.logging.retentionInDays,
                kmsKeyArn: args.logging.kmsKeyArn,
                tags: args.tags,
            },
            parent,
        );
        const role = new aws.iam.Role(
            `${name}-role`,
            {
                description: `Execution role of the ${functionName} JWT authorizer: its own logs and X-Ray only`,
                assumeRolePolicy: JSON.stringify(assumeRolePolicy("lambda.amazonaws.com")),
                tags: args.tags,
            },
            parent,
        );
        // ARNs built from names the program gives (and the account and region), not from computed outputs:
        // the policy is then known at a first preview, so the pack can check it there too.
        const partition = aws.getPartitionOutput({}, parent).partition;
        const region = aws.getRegionOutput({}, parent).region;
        const account = aws.getCallerIdentityOutput({}, parent).accountId;
        const logGroupArn = pulumi.interpolate`arn:${partition}:logs:${region}:${account}:log-group:${logs.logGroupName}`;
        const policy = new aws.iam.RolePolicy(
            `${name}-role`,
            {
                role: role.id,
                policy: logGroupArn.apply((arn) => JSON.stringify(jwtAuthorizerRolePolicy(arn))),
            },
            parent,
        );
        const fn = new aws.lambda.Function(
            name,
            {
                name: functionName,
                description: `JWT authorizer for ${settings.issuer}`,
                role: role.arn,
                runtime: args.runtime ?? "nodejs24.x",
                architectures: [args.architecture ?? "arm64"],
                handler: "index.handler",
                code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(bundle.code) }),
                memorySize: args.memorySize ?? JWT_AUTHORIZER_MEMORY_MB.default,
                timeout: args.timeoutSeconds ?? JWT_AUTHORIZER_TIMEOUT_SECONDS.default,
                reservedConcurrentExecutions: args.reservedConcurrentExecutions ?? JWT_AUTHORIZER_CONCURRENCY.default,
                tracingConfig: { mode: "Active" },
                environment: { variables: toEnvironment(settings) },
                loggingConfig: { logFormat: "JSON", logGroup: logs.logGroupName, applicationLogLevel: "INFO", systemLogLevel: "WARN" },
                tags: args.tags,
            },
            { parent: this, dependsOn: [logs, policy] },
        );
        // The function's ARN from its name (an input, so known at a first preview), depending on the function.
        this.functionArn = pulumi.interpolate`arn:${partition}:lambda:${region}:${account}:function:${fn.name}`;
        this.functionName = fn.name;
        this.roleArn = role.arn;
        this.logGroupName = logs.logGroupName;
        this.registerOutputs({
            functionArn: this.functionArn,
            functionName: this.functionName,
            roleArn: this.roleArn,
            logGroupName: this.logGroupName,
        });
    }
}
