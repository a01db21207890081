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
import { describe } from "../lib/messages";
import { resourceRule } from "../lib/rule";
import { secretMapFindings } from "../lib/secrets";

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
        secretMapFindings(describe(args), "environment.variables", () => fn.environment?.variables, {
            readers: "anyone who may read the function's configuration",
            fix: (path) => `Store it in Secrets Manager or SSM and put the secret's ARN or parameter name in ${path} instead, read at runtime.`,
        }).forEach((m) => report(m));
    }),
});
