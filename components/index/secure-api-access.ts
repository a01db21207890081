/**
 * "Who may call" parts of a {@link SecureApi}: partner roles (cross-account
 * access to AWS_IAM routes) and the reference JWT Lambda authorizer the
 * platform deploys instead of a given function ARN.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ApiEndpoint } from "../apigateway/endpoint";
import { RouteArgs } from "../apigateway/routes";
import { LambdaAuthorizerSettings } from "../auth/lambda-authorizer";
import { PartnerRole, validatePartnerRoleArgs } from "../auth/partner-role";
import { JwtAuthorizerFunction, JwtAuthorizerFunctionArgs, jwtAuthorizerFunctionSettings } from "../lambda/jwt-authorizer-function";
import { slug } from "../shared/naming";
import { ComponentArgumentError } from "../shared/validation";

/** A partner allowed to call some AWS_IAM routes from its own AWS accounts. */
export interface SecureApiPartnerArgs {
    /** Partner name (letters, digits, `-`, `_`), unique; the key of `partnerRoleArns`. */
    name: string;
    /** The partner's AWS accounts allowed to assume its role. */
    accountIds: string[];
    /** `sts:ExternalId` the partner must send: a Pulumi secret. */
    externalId: pulumi.Input<string>;
    /**
     * Require MFA on the partner's AssumeRole call.
     * @default false
     */
    requireMfa?: boolean;
    /**
     * Role session limit, seconds (3600-43200).
     * @default 3600
     */
    maxSessionDurationSeconds?: number;
    /** Granted routes as `"METHOD /path"` keys of the route table; AWS_IAM routes only. */
    routes: string[];
    /**
     * Private APIs only: the partner's execute-api VPC endpoints, admitted by the resource policy.
     * @default [] (none)
     */
    vpcEndpointIds?: string[];
}

/** The reference JWT authorizer's settings, as a stack gives them (logging comes from the API's). */
export type ReferenceAuthorizerArgs = Omit<JwtAuthorizerFunctionArgs, "logging" | "routeScopes" | "tags"> & {
    /**
     * Scopes per route (`"METHOD /path"`), see `JwtAuthorizerFunction`.
     * @default every `auth: "lambda"` route with no scope (a valid token suffices; other requests are denied)
     */
    routeScopes?: JwtAuthorizerFunctionArgs["routeScopes"];
};

/** Lambda authorizer of a {@link SecureApi}: a given function, or the reference function deployed for it. */
export type SecureApiLambdaAuthorizerArgs = Omit<LambdaAuthorizerSettings, "functionArn"> & {
    /**
     * ARN of an authorizer function you own (give it or `reference`).
     * @default undefined
     */
    functionArn?: pulumi.Input<string>;
    /**
     * Deploy the platform's `JwtAuthorizerFunction` with these settings (give it or `functionArn`). The
     * result cache is then off (`resultTtlSeconds` 0): the function's policy names one method ARN, so a cached
     * Allow would answer 403 on the token's other routes.
     * @default undefined
     */
    reference?: ReferenceAuthorizerArgs;
};

const routeKey = (r: Pick<RouteArgs, "method" | "path">) => `${r.method} ${r.path}`;

/** Route scopes of the reference authorizer: the given ones, or every lambda route with none. */
export function referenceRouteScopes(reference: ReferenceAuthorizerArgs, routes: RouteArgs[]): JwtAuthorizerFunctionArgs["routeScopes"] {
    return reference.routeScopes ?? Object.fromEntries(routes.filter((r) => r.auth === "lambda").map((r) => [routeKey(r), []]));
}

/** A placeholder KMS key ARN for validation before the platform key exists. */
const KEY_PLACEHOLDER = "arn:aws:kms:us-east-1:123456789012:key/created-by-secure-api";

/** Validates the Lambda authorizer choice; returns the settings `RestApi` validates (the ARN a placeholder when deployed). */
export function validateLambdaAuthorizerChoice(
    name: string,
    args: SecureApiLambdaAuthorizerArgs,
    routes: RouteArgs[],
    retentionInDays: number,
): LambdaAuthorizerSettings {
    const C = "SecureApi";
    if ((args.functionArn === undefined) === (args.reference === undefined)) {
        throw new ComponentArgumentError(
            C,
            "lambdaAuthorizer",
            "needs exactly one of functionArn (your function) or reference (the platform deploys JwtAuthorizerFunction)",
        );
    }
    if (args.reference === undefined) {
        return { ...args, functionArn: args.functionArn! };
    }
    if ((args.resultTtlSeconds ?? 0) !== 0) {
        throw new ComponentArgumentError(
            C,
            "lambdaAuthorizer.resultTtlSeconds",
            `must be 0 with the reference authorizer (got ${args.resultTtlSeconds}): its policy names one method ARN, so a cached decision would deny the token's other routes`,
        );
    }
    jwtAuthorizerFunctionSettings(`${name}-jwt-authorizer`, {
        ...args.reference,
        routeScopes: referenceRouteScopes(args.reference, routes),
        logging: { retentionInDays, kmsKeyArn: KEY_PLACEHOLDER },
    });
    return { ...args, functionArn: "(deployed by SecureApi)", resultTtlSeconds: 0 };
}

/** Deploys the reference authorizer when asked; returns the settings for `RestApi`'s LambdaAuthorizer. */
export function lambdaAuthorizerFor(
    name: string,
    args: SecureApiLambdaAuthorizerArgs,
    routes: RouteArgs[],
    logging: { retentionInDays: number; kmsKeyArn: pulumi.Input<string> },
    tags: Record<string, string>,
    parent: pulumi.Resource,
): { settings: LambdaAuthorizerSettings; fn?: JwtAuthorizerFunction } {
    if (args.reference === undefined) {
        return { settings: { ...args, functionArn: args.functionArn! } };
    }
    const { reference, functionArn: _none, ...settings } = args;
    const fn = new JwtAuthorizerFunction(
        `${name}-jwt-authorizer`,
        {
            ...reference,
            routeScopes: referenceRouteScopes(reference, routes),
            logging,
            tags,
        },
        { parent },
    );
    return { settings: { ...settings, functionArn: fn.functionArn, resultTtlSeconds: 0 }, fn };
}

/** Validates the partners against the route table and exposure. */
export function validatePartners(partners: SecureApiPartnerArgs[], routes: RouteArgs[], exposure: "public" | "private"): void {
    const C = "SecureApi";
    const names = new Set<string>();
    partners.forEach((p, i) => {
        const at = `partners[${i}]`;
        if (names.has(p.name)) {
            throw new ComponentArgumentError(C, `${at}.name`, `duplicates partner ${JSON.stringify(p.name)}`);
        }
        names.add(p.name);
        if ((p.vpcEndpointIds ?? []).length > 0 && exposure !== "private") {
            throw new ComponentArgumentError(C, `${at}.vpcEndpointIds`, "only apply to private APIs");
        }
        const granted = (p.routes ?? []).map((key, j) => {
            const route = routes.find((r) => routeKey(r) === key);
            if (!route) {
                throw new ComponentArgumentError(C, `${at}.routes[${j}]`, `must be a route of the table as "METHOD /path" (got ${JSON.stringify(key)})`);
            }
            return route;
        });
        try {
            validatePartnerRoleArgs({
                partnerName: p.name,
                trustedAccountIds: p.accountIds,
                externalId: p.externalId,
                requireMfa: p.requireMfa,
                maxSessionDurationSeconds: p.maxSessionDurationSeconds,
                routes: granted,
            });
        } catch (err) {
            if (err instanceof ComponentArgumentError) {
                const arg = err.argument.replace(/^trustedAccountIds/, "accountIds").replace(/^partnerName/, "name");
                throw new ComponentArgumentError(C, `${at}.${arg}`, err.problem);
            }
            throw err;
        }
    });
}

/** One partner role per partner. */
export function createPartnerRoles(
    name: string,
    partners: SecureApiPartnerArgs[],
    routes: RouteArgs[],
    endpoint: ApiEndpoint,
    tags: Record<string, string>,
    parent: pulumi.Resource,
): Map<string, PartnerRole> {
    return new Map(
        partners.map((p) => [
            p.name,
            new PartnerRole(
                `${name}-partner-${slug(p.name)}`,
                {
                    partnerName: p.name,
                    trustedAccountIds: p.accountIds,
                    externalId: p.externalId,
                    requireMfa: p.requireMfa,
                    maxSessionDurationSeconds: p.maxSessionDurationSeconds,
                    endpoint,
                    routes: p.routes.map((key) => routes.find((r) => routeKey(r) === key)!),
                    tags,
                },
                { parent },
            ),
        ]),
    );
}
