/**
 * Cognito identity pools must not hand AWS credentials to anonymous callers
 * (`allowUnauthenticatedIdentities`), nor use the basic (classic) flow
 * (`allowClassicFlow`), in which the client picks the role to assume with
 * its own AssumeRoleWithWebIdentity call instead of Cognito applying the
 * pool's role mapping. Credentials from either can sign AWS_IAM-authorized calls.
 */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

export const cognitoIdentityPoolUnauthenticated = resourceRule({
    name: "cognito-identity-pool-unauthenticated",
    service: "cognito",
    description: "Cognito identity pools must not allow unauthenticated identities (allowUnauthenticatedIdentities) nor the classic flow (allowClassicFlow).",
    remediationSteps:
        "Set allowUnauthenticatedIdentities: false and allowClassicFlow: false (or leave them unset); sign callers in through a user pool or identity provider.",
    severity: "high",
    enforcementLevel: "mandatory",
    controls: { securityHub: ["Cognito.2"], cdkNag: ["AwsSolutions-COG7"], checkov: ["CKV_AWS_366"] },
    validateResource: validateResourceOfType(aws.cognito.IdentityPool, (pool, args, report) => {
        const label = describe(args);
        const unauthenticated = known(() => pool.allowUnauthenticatedIdentities, "allowUnauthenticatedIdentities");
        if (!unauthenticated.known) {
            report(unverifiable(label, unauthenticated.path, "be false"));
        } else if (unauthenticated.value === true) {
            report(
                `${label} gives AWS credentials to anyone, signed in or not (allowUnauthenticatedIdentities: true), and they can sign AWS_IAM-authorized calls. ` +
                    "Set allowUnauthenticatedIdentities: false.",
            );
        }
        const classic = known(() => pool.allowClassicFlow, "allowClassicFlow");
        if (!classic.known) {
            report(unverifiable(label, classic.path, "be false"));
        } else if (classic.value === true) {
            report(
                `${label} enables the basic (classic) auth flow (allowClassicFlow: true), in which the client chooses the role it assumes instead of the pool's role mapping. ` +
                    "Set allowClassicFlow: false.",
            );
        }
    }),
});
