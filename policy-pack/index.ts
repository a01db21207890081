/**
 * Entry point for the Pulumi CLI: `pulumi preview --policy-pack policy-pack`.
 * Constructing the PolicyPack starts the analyzer's gRPC server, so nothing else
 * imports this file; tests and the offline plan import `./rules` instead.
 */
import { PolicyPack } from "@pulumi/policy";
import { POLICY_PACK_NAME, policies } from "./rules";

new PolicyPack(POLICY_PACK_NAME, {
    description: "Rejects insecure API Gateway, WAF, Cognito, TLS, logging and audit configurations.",
    policies,
});
