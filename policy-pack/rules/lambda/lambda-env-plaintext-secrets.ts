/**
 * Lambda environment variables must not hold credentials in plaintext.
 *
 * Anyone allowed `lambda:GetFunctionConfiguration` (read-only roles, the
 * console, CI logs of `pulumi preview`) reads a function's environment in
 * clear, whichever way the value got there: `@pulumi/policy` unwraps Pulumi
 * secrets before a rule sees them, so a literal and a value read with
 * `config.requireSecret` look the same, and both are findings. The fix is the
 * same for both: pass a Secrets Manager secret ARN or an SSM parameter name
 * and read the secret at runtime.
 *
 * A value unknown at preview (built from another resource's output) is judged
 * by its name: under a secret-like name it may be a generated password
 * (`DB_PASSWORD: password.result`) or a reference, so it is reported as
 * unverifiable, unless the name says it holds a reference (`DB_SECRET_ARN:
 * secret.arn`, the recommended pattern). Known values are judged in preview
 * and update alike. A whole map (or environment) that is
 * unknown hides names and literals alike (`variables: pulumi.all([...]).apply(...)`
 * with a password from config), so it is reported as unverifiable, not passed.
 */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { isUnknown, known, snapshot } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";
import { HOLD_A_REFERENCE, plaintextSecrets, undecidedSecretNames } from "../lib/secrets";
import { asRecord } from "../lib/values";

/** Known entries of a plain snapshot of a name/value map (unknown values left out). */
export function knownEntries(value: unknown): Record<string, unknown> {
    return Object.fromEntries(Object.entries(asRecord(value)).filter(([, v]) => !isUnknown(v)));
}

export const lambdaEnvPlaintextSecrets = resourceRule({
    name: "lambda-env-plaintext-secrets",
    service: "lambda",
    description:
        "Lambda environment variables must not hold credentials (AWS keys, private keys, API tokens, JWTs, or literal values of secret-named variables); pass Secrets Manager or SSM references instead.",
    remediationSteps:
        "Store the secret in Secrets Manager (or an SSM SecureString), pass its ARN or parameter name in the variable (e.g. DB_SECRET_ARN), grant the function's role read access, and read it at runtime.",
    severity: "critical",
    enforcementLevel: "mandatory",
    controls: {},
    validateResource: validateResourceOfType(aws.lambda.Function, (fn, args, report) => {
        const map = known(() => fn.environment?.variables, "environment.variables");
        if (!map.known) {
            report(unverifiable(describe(args), map.path, "hold no credential in plaintext, only Secrets Manager or SSM references and settings"));
            return;
        }
        const all = snapshot(() => map.value);
        const undecided = undecidedSecretNames(asRecord(all));
        if (undecided.length > 0) {
            report(
                unverifiable(
                    describe(args),
                    undecided.map((v) => `environment.variables.${v}`),
                    HOLD_A_REFERENCE,
                ),
            );
        }
        const variables = knownEntries(all);
        for (const { variable, reason } of plaintextSecrets(variables)) {
            report(
                `${describe(args)} environment.variables.${variable} ${reason}: anyone who may read the function's configuration reads it in clear. ` +
                    `Store it in Secrets Manager or SSM and put the secret's ARN or parameter name in environment.variables.${variable} instead, read at runtime.`,
            );
        }
    }),
});
