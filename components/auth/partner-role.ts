/**
 * Cross-account access for a partner: a role in the API's account that only
 * the partner's named accounts may assume, with an external id and
 * (optionally) MFA, allowed to invoke only the AWS_IAM routes granted to them.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ApiEndpoint } from "../apigateway/endpoint";
import { slug } from "../shared/naming";
import { document, invokePolicy, methodArn, PolicyDocument } from "../shared/policies";
import { ComponentArgumentError, intInRange, matches } from "../shared/validation";

/**
 * Session duration bounds, seconds: IAM accepts 3600 (its default) to 43200
 * for `MaxSessionDuration` (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html).
 */
export const PARTNER_SESSION_SECONDS = { min: 3600, max: 43200, default: 3600 } as const;

/** A route of the API, as the partner grant names it. */
export interface GrantedRoute {
    /** HTTP method of the route. */
    method: string;
    /** Route path. */
    path: string;
    /** The route's auth kind: only `iam` routes can be granted (others do not look at the caller's role). */
    auth: string;
}

/** Arguments of {@link PartnerRole}. */
export interface PartnerRoleArgs {
    /** Partner name (letters, digits, `-`, `_`), used in the role's name. */
    partnerName: string;
    /** The partner's AWS accounts (12 digits) allowed to assume the role; never `*`. */
    trustedAccountIds: string[];
    /**
     * `sts:ExternalId` the partner must send (2-1224 characters of `\w+=,.@:/-`); pass a Pulumi secret.
     * See "Access to AWS accounts owned by third parties", https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html
     */
    externalId: pulumi.Input<string>;
    /**
     * Require `aws:MultiFactorAuthPresent` on the partner's AssumeRole call.
     * @default false
     */
    requireMfa?: boolean;
    /**
     * Maximum session duration, seconds (3600-43200).
     * @default 3600
     */
    maxSessionDurationSeconds?: number;
    /** The endpoint whose routes are granted. */
    endpoint: ApiEndpoint;
    /** Routes granted to the partner: AWS_IAM routes of `endpoint`, on its stage only. */
    routes: GrantedRoute[];
    /**
     * Tags of the role.
     * @default {}
     */
    tags?: Record<string, string>;
}

const C = "PartnerRole";
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

/** Checks every argument before anything exists. */
export function validatePartnerRoleArgs(args: Omit<PartnerRoleArgs, "endpoint">): void {
    matches(C, "partnerName", args.partnerName, /^[A-Za-z0-9_-]{1,40}$/, "1-40 letters, digits, - or _");
    if (!args.trustedAccountIds?.length) {
        throw new ComponentArgumentError(C, "trustedAccountIds", "must list at least one partner account id");
    }
    args.trustedAccountIds.forEach((a, i) => matches(C, `trustedAccountIds[${i}]`, a, /^\d{12}$/, "a 12-digit AWS account id"));
    if (args.externalId === undefined || args.externalId === null || args.externalId === "") {
        throw new ComponentArgumentError(C, "externalId", "is required (a Pulumi secret the partner sends as sts:ExternalId)");
    }
    if (typeof args.externalId === "string" && !EXTERNAL_ID.test(args.externalId)) {
        throw new ComponentArgumentError(C, "externalId", "must be 2-1224 characters of letters, digits and +=,.@:/-_ (value not shown)");
    }
    intInRange(
        C,
        "maxSessionDurationSeconds",
        args.maxSessionDurationSeconds ?? PARTNER_SESSION_SECONDS.default,
        PARTNER_SESSION_SECONDS.min,
        PARTNER_SESSION_SECONDS.max,
    );
    if (!args.routes?.length) {
        throw new ComponentArgumentError(C, "routes", "must grant at least one AWS_IAM route");
    }
    args.routes.forEach((r, i) => {
        if (r.auth !== "iam") {
            throw new ComponentArgumentError(
                C,
                `routes[${i}]`,
                `must be an AWS_IAM route (auth "iam"); ${r.method} ${r.path} is auth ${JSON.stringify(r.auth)}, which the role's permissions do not control`,
            );
        }
    });
}

/**
 * Trust policy: the partner's account roots (the partner then delegates to its own principals), only with the
 * external id, and with MFA when required ("How to use an external ID",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html).
 */
export function partnerTrustPolicy(accountIds: string[], externalId: string, requireMfa: boolean): PolicyDocument {
    return document({
        Sid: "PartnerAccountsWithExternalId",
        Effect: "Allow",
        Principal: { AWS: accountIds.map((a) => `arn:aws:iam::${a}:root`) },
        Action: "sts:AssumeRole",
        Condition: {
            StringEquals: { "sts:ExternalId": externalId },
            ...(requireMfa ? { Bool: { "aws:MultiFactorAuthPresent": "true" } } : {}),
        },
    });
}

/** The partner's role: assumable by its accounts only, allowed to invoke its granted AWS_IAM routes only. */
export class PartnerRole extends pulumi.ComponentResource {
    /** The `aws.iam.Role`. */
    public readonly role: aws.iam.Role;
    /** ARN of the role, for the partner to assume. */
    public readonly roleArn: pulumi.Output<string>;
    /** The method ARNs the role may invoke. */
    public readonly methodArns: pulumi.Output<string[]>;

    constructor(name: string, args: PartnerRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        validatePartnerRoleArgs(args);
        super("secure-api:auth:PartnerRole", name, {}, opts);
        const parent = { parent: this };
        const requireMfa = args.requireMfa ?? false;
        const accounts = [...args.trustedAccountIds];
        this.role = new aws.iam.Role(
            name,
            {
                name: `${slug(args.partnerName)}-api-partner`.slice(0, 64),
                description: `Partner ${args.partnerName}: invoke its granted AWS_IAM routes only`,
                assumeRolePolicy: pulumi.secret(pulumi.output(args.externalId).apply((id) => JSON.stringify(partnerTrustPolicy(accounts, id, requireMfa)))),
                maxSessionDuration: args.maxSessionDurationSeconds ?? PARTNER_SESSION_SECONDS.default,
                tags: args.tags,
            },
            parent,
        );
        const routes = args.routes;
        this.methodArns = pulumi
            .all([args.endpoint.executionArn, args.endpoint.stageName])
            .apply(([arn, stage]) => routes.map((r) => methodArn(arn, stage, r.method, r.path)));
        new aws.iam.RolePolicy(
            `${name}-invoke`,
            {
                role: this.role.id,
                policy: this.methodArns.apply((arns) => JSON.stringify(invokePolicy(arns))),
            },
            parent,
        );
        this.roleArn = this.role.arn;
        this.registerOutputs({ roleArn: this.roleArn, methodArns: this.methodArns });
    }
}
