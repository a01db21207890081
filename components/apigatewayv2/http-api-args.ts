/** Arguments of `HttpApi` and their validation (everything is checked before the first child is created). */
import * as pulumi from "@pulumi/pulumi";
import { API_NAME, ENVIRONMENTS, STAGE_NAME } from "../../policy-pack/baseline";
import { CorsArgs, validateCors } from "../apigateway/cors";
import { ThrottleSettings, validateThrottle } from "../shared/throttle";
import { ComponentArgumentError, Environment, logRetention, matches, oneOf } from "../shared/validation";
import { JwtAuthorizerSettings, V2LambdaAuthorizerSettings, validateV2LambdaAuthorizer } from "./v2-authorizers";
import { HttpAuthKind, HttpRouteArgs, validateHttpRoutes } from "./v2-routes";

/** A VPC link for private integrations. */
export interface VpcLinkArgs {
    /** Subnets the link's network interfaces live in. */
    subnetIds: pulumi.Input<string>[];
    /** Security groups of the link (egress to the backend on 443 only). */
    securityGroupIds: pulumi.Input<string>[];
}

/** Arguments of `HttpApi`. */
export interface HttpApiArgs {
    /** dev or prod: bounds of log retention and CORS. */
    environment: Environment;
    /** API name, 1-128 letters, digits, spaces, _ or -. */
    apiName: string;
    /**
     * Description.
     * @default undefined
     */
    description?: string;
    /** Stage name, or `$default` (served at the root of the URL). */
    stageName: string;
    /**
     * Let API Gateway deploy every change to the stage itself (the stage keeps every other default).
     * @default false (a deployment that follows every route, integration and authorizer)
     */
    autoDeploy?: boolean;
    /** The routes. */
    routes: HttpRouteArgs[];
    /**
     * Authorizers routes may use (`auth: jwt` / `auth: lambda`).
     * @default {} (only `iam` routes)
     */
    authorizers?: { jwt?: JwtAuthorizerSettings; lambda?: V2LambdaAuthorizerSettings };
    /**
     * CORS from the platform's origin list (never `*` with credentials; `*` only in dev with allowWildcard).
     * @default undefined (no CORS configuration)
     */
    cors?: CorsArgs;
    /** Default route throttle of the stage. */
    throttle: ThrottleSettings;
    /** Access log retention (days) and the KMS key of the log group. */
    logging: { retentionInDays: number; kmsKeyArn: pulumi.Input<string> };
    /**
     * VPC links for `private` integrations, by name.
     * @default {}
     */
    vpcLinks?: Record<string, VpcLinkArgs>;
    /**
     * Turn the default execute-api endpoint off (required when a custom domain is mapped).
     * @default false
     */
    disableExecuteApiEndpoint?: boolean;
    /**
     * Tags.
     * @default {}
     */
    tags?: Record<string, string>;
}

/** Validates the arguments; returns the validated CORS and Lambda authorizer settings. */
export function validateHttpApiArgs(args: HttpApiArgs): {
    cors?: Required<CorsArgs>;
    lambda?: { identitySources: string[]; ttl?: number };
} {
    const C = "HttpApi";
    const environment = oneOf(C, "environment", args.environment, ENVIRONMENTS);
    matches(C, "apiName", args.apiName, API_NAME.pattern, API_NAME.expected);
    if (args.stageName !== "$default") {
        matches(C, "stageName", args.stageName, STAGE_NAME.pattern, `${STAGE_NAME.expected}, or $default`);
    }
    if (args.autoDeploy !== undefined && typeof args.autoDeploy !== "boolean") {
        throw new ComponentArgumentError(C, "autoDeploy", `must be true or false (got ${JSON.stringify(args.autoDeploy)})`);
    }
    validateThrottle(C, "throttle", args.throttle);
    if (!args.logging) {
        throw new ComponentArgumentError(C, "logging", "is required (retentionInDays and kmsKeyArn)");
    }
    logRetention(C, "logging.retentionInDays", args.logging.retentionInDays, environment);
    if (args.logging.kmsKeyArn === undefined || args.logging.kmsKeyArn === "") {
        throw new ComponentArgumentError(C, "logging.kmsKeyArn", "is required: access logs hold caller IPs and identities");
    }
    const jwt = args.authorizers?.jwt;
    if (jwt) {
        if (typeof jwt.issuer === "string" && !/^https:\/\/[^/\s]+/.test(jwt.issuer)) {
            throw new ComponentArgumentError(C, "authorizers.jwt.issuer", `must be an https:// URL (got ${JSON.stringify(jwt.issuer)})`);
        }
        if (Array.isArray(jwt.audiences) && jwt.audiences.length === 0) {
            throw new ComponentArgumentError(C, "authorizers.jwt.audiences", "must list at least one app client id");
        }
    }
    const lambda = args.authorizers?.lambda ? validateV2LambdaAuthorizer(C, "authorizers.lambda", args.authorizers.lambda, "HTTP") : undefined;
    const links = Object.entries(args.vpcLinks ?? {});
    for (const [name, link] of links) {
        matches(C, `vpcLinks key`, name, /^[a-z0-9-]{1,64}$/, "a lower-case name of letters, digits and -");
        if (!link.subnetIds?.length) {
            throw new ComponentArgumentError(C, `vpcLinks.${name}.subnetIds`, "must list at least one subnet");
        }
        if (!link.securityGroupIds?.length) {
            throw new ComponentArgumentError(C, `vpcLinks.${name}.securityGroupIds`, "must list at least one security group");
        }
    }
    const available = new Set<HttpAuthKind>(["iam"]);
    if (jwt) {
        available.add("jwt");
    }
    if (lambda) {
        available.add("lambda");
    }
    validateHttpRoutes(C, args.routes, available, new Set(links.map(([n]) => n)));
    return { cors: args.cors ? validateCors(C, args.cors, environment) : undefined, lambda };
}
