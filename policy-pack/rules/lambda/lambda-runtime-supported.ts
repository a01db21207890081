/** Lambda functions should run on a runtime AWS still patches. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { DEPRECATED_LAMBDA_RUNTIMES } from "../../baseline";
import { known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

const DEPRECATED: readonly string[] = DEPRECATED_LAMBDA_RUNTIMES;

export const lambdaRuntimeSupported = resourceRule({
    name: "lambda-runtime-supported",
    service: "lambda",
    description: "Lambda functions should not use a runtime AWS has deprecated (it no longer receives security patches).",
    remediationSteps: "Set runtime to a supported runtime (e.g. nodejs22.x, python3.13, java21).",
    severity: "medium",
    enforcementLevel: "advisory",
    controls: {},
    validateResource: validateResourceOfType(aws.lambda.Function, (fn, args, report) => {
        const label = describe(args);
        const runtime = known(() => fn.runtime, "runtime");
        if (!runtime.known) {
            report(unverifiable(label, runtime.path, "be a runtime AWS still supports"));
        } else if (typeof runtime.value === "string" && DEPRECATED.includes(runtime.value)) {
            report(`${label} runs on ${runtime.value} (runtime), which AWS has deprecated and no longer patches. Set runtime to a supported version.`);
        }
    }),
});
