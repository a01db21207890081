/**
 * The access-log check shared by REST (`aws.apigateway.Stage`) and v2
 * (`aws.apigatewayv2.Stage`) stages: both take the same
 * `accessLogSettings { destinationArn, format }`.
 */
import { REQUIRED_ACCESS_LOG_FIELDS } from "../../baseline";
import { isSet, known } from "./known";
import { listing, unverifiable } from "./messages";

/** The required fields, as findings and descriptions name them. */
export const ACCESS_LOG_FIELDS = listing(REQUIRED_ACCESS_LOG_FIELDS);

/** The part of a stage (either API Gateway version) the check reads. */
export interface AccessLoggedStage {
    readonly accessLogSettings?: { readonly destinationArn?: string; readonly format?: string };
}

/** Reports a stage that writes no access logs, or whose format lacks a required field (or is unknown at preview). */
export function checkAccessLogSettings(stage: AccessLoggedStage, label: string, report: (message: string) => void): void {
    const destination = known(() => stage.accessLogSettings?.destinationArn, "accessLogSettings.destinationArn");
    // An unknown destination (e.g. `logGroup.arn` at preview) is a destination.
    if (!isSet(destination)) {
        report(
            `${label} writes no access logs (accessLogSettings.destinationArn is not set), so requests to it leave no trace. ` +
                `Set accessLogSettings with a CloudWatch log group destinationArn and a JSON format containing ${ACCESS_LOG_FIELDS}.`,
        );
        return;
    }
    const format = known(() => stage.accessLogSettings?.format, "accessLogSettings.format");
    if (!format.known) {
        report(unverifiable(label, format.path, `contain ${ACCESS_LOG_FIELDS}`));
        return;
    }
    const missing = REQUIRED_ACCESS_LOG_FIELDS.filter((f) => !(format.value ?? "").includes(f));
    if (missing.length > 0) {
        report(
            `${label} access log format (accessLogSettings.format) lacks ${listing(missing)}; add ${missing.length === 1 ? "it" : "them"} so each request can be traced to a caller.`,
        );
    }
}
