/** Builders and expected wording shared by the iam specs (a spec must not import another spec: its tests would register twice). */
import * as aws from "@pulumi/aws";
import { ACCOUNT } from "../builders";
import { exactly } from "../expect";

/** A log group ARN: the narrow resource a backend's policy names. */
export const LOGS = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:fn:*`;
export const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

/** A policy document allowing `action` on `resource`. */
export const doc = (action: string | string[], resource: string | string[] = LOGS) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: resource }] });

/** iam-backend-role-least-privilege's fix, its requirement, and its subject for role "exec" of Function "backend". */
export const FIX = "Grant only the actions the backend needs on the ARNs it uses, or list a deliberate exception in allowedPolicyArns / allowedActions.";
export const BROAD = 'no AWS-managed AdministratorAccess, PowerUserAccess or *FullAccess policy and no Allow of "*" or "service:*", on any resource';
export const EXEC = 'Role "exec" (execution role of Function "backend")';
export const allowedBy = (subject: string, grants: string, by: string) =>
    exactly(`${subject} is allowed ${grants} by ${by}, far more than a backend needs. ${FIX}`);
export const holds = (subject: string, name: string, where: string) =>
    exactly(`${subject} holds the AWS-managed ${name} (${where}), which grants far more than a backend needs. ${FIX}`);

/** A Lambda execution role (trusting lambda.amazonaws.com). */
export const lambdaRole = (name: string, args: Partial<aws.iam.RoleArgs> = {}) =>
    new aws.iam.Role(name, {
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
        ...args,
    });
/** A Lambda Function executing as `r` (a role of the program, or a literal role ARN). */
export const fn = (name: string, r: aws.iam.Role | string) =>
    new aws.lambda.Function(name, {
        role: typeof r === "string" ? r : r.arn,
        runtime: "nodejs20.x",
        handler: "index.handler",
        s3Bucket: "code",
        s3Key: "fn.zip",
    });

/** A trust-policy statement. */
export type Statement = Record<string, unknown>;
/** The partner account iam-cross-account-role-trust's specs trust, and the ExternalId condition it requires. */
export const PARTNER = "111122223333";
export const EXTERNAL_ID = { StringEquals: { "sts:ExternalId": "partner-ext-7f3a" } };
/** The compliant partner statement (root of PARTNER, sts:AssumeRole with an ExternalId), with `overrides`. */
export const partnerStatement = (overrides: Statement = {}): Statement => ({
    Sid: "Partner",
    Effect: "Allow",
    Principal: { AWS: `arn:aws:iam::${PARTNER}:root` },
    Action: "sts:AssumeRole",
    Condition: EXTERNAL_ID,
    ...overrides,
});
/** A trust policy of `statements`. */
export const trust = (...statements: Statement[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
