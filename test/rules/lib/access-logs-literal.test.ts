/**
 * checkAccessLogSettings, literally: the exact finding for a stage with no access-log destination, for a format that
 * lacks one required field ("it") or several ("them", also when the format is unset), and for a format unknown at a
 * first preview (as a raw engine sentinel or through the SDK's proxy); an unknown destination is a destination.
 */
import * as assert from "assert";
import { ACCESS_LOG_FIELDS, AccessLoggedStage, checkAccessLogSettings } from "../../../policy-pack/rules/lib/access-logs";
import { previewProps, U } from "./preview-values";

const LABEL = 'Stage "s"';
const DESTINATION = "arn:aws:logs:us-east-1:111122223333:log-group:access";
const FULL = '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","status":"$context.status"}';
const FIELDS = "$context.requestId, $context.identity.sourceIp and $context.status";

const findings = (stage: AccessLoggedStage): string[] => {
    const found: string[] = [];
    checkAccessLogSettings(stage, LABEL, (m) => found.push(m));
    return found;
};

describe("checkAccessLogSettings (literal)", () => {
    it("names the required fields in order", () => {
        assert.strictEqual(ACCESS_LOG_FIELDS, FIELDS);
    });

    it("reports a stage with no access-log settings, or an empty destination, and says what to set", () => {
        const message =
            'Stage "s" writes no access logs (accessLogSettings.destinationArn is not set), so requests to it leave no trace. ' +
            `Set accessLogSettings with a CloudWatch log group destinationArn and a JSON format containing ${FIELDS}.`;
        assert.deepStrictEqual(findings({}), [message]);
        assert.deepStrictEqual(findings({ accessLogSettings: { destinationArn: "", format: FULL } }), [message]);
    });

    it("reports an unset format as lacking every field ('them')", () => {
        assert.deepStrictEqual(findings({ accessLogSettings: { destinationArn: DESTINATION } }), [
            `Stage "s" access log format (accessLogSettings.format) lacks ${FIELDS}; add them so each request can be traced to a caller.`,
        ]);
    });

    it("reports a format lacking two fields ('them') or one field ('it')", () => {
        assert.deepStrictEqual(findings({ accessLogSettings: { destinationArn: DESTINATION, format: '{"status":"$context.status"}' } }), [
            'Stage "s" access log format (accessLogSettings.format) lacks $context.requestId and $context.identity.sourceIp; add them so each request can be traced to a caller.',
        ]);
        assert.deepStrictEqual(
            findings({ accessLogSettings: { destinationArn: DESTINATION, format: '{"r":"$context.requestId","i":"$context.identity.sourceIp"}' } }),
            ['Stage "s" access log format (accessLogSettings.format) lacks $context.status; add it so each request can be traced to a caller.'],
        );
    });

    it("passes a format with every field, also when the destination is unknown at preview", () => {
        assert.deepStrictEqual(findings({ accessLogSettings: { destinationArn: DESTINATION, format: FULL } }), []);
        assert.deepStrictEqual(findings({ accessLogSettings: { destinationArn: U, format: FULL } }), []);
        assert.deepStrictEqual(findings(previewProps({ accessLogSettings: { destinationArn: U, format: FULL } })), []);
    });

    it("reports a format unknown at preview as unverifiable, with its path, raw or through the SDK's proxy", () => {
        const message = `cannot be verified at preview: Stage "s".accessLogSettings.format is unknown; it must contain ${FIELDS}.`;
        assert.deepStrictEqual(findings({ accessLogSettings: { destinationArn: DESTINATION, format: U } }), [message]);
        assert.deepStrictEqual(findings(previewProps({ accessLogSettings: { destinationArn: DESTINATION, format: U } })), [message]);
    });
});
