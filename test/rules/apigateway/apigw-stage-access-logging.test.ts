import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { ACCESS_LOG_FORMAT, afterDeployment, LOG_GROUP_ARN, logGroup, restApi, stage } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "apigw-stage-access-logging";

describe(RULE, () => {
    it("passes the compliant baseline: a destination and a format with request id, source IP and status", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                stage("logged", restApi("api"), { accessLogSettings: { destinationArn: LOG_GROUP_ARN, format: ACCESS_LOG_FORMAT } });
            }),
        );
    });

    it("accepts a destination taken from a log group resource", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const group = logGroup("access");
                stage("logged", restApi("api"), { accessLogSettings: { destinationArn: group.arn, format: ACCESS_LOG_FORMAT } });
            }),
        );
    });

    it("rejects every stage without access log settings", async () => {
        const found = await ruleFindings(RULE, () => {
            const api = restApi("api");
            stage("unlogged", api);
            stage("unlogged-too", api);
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "unlogged", message: [/Stage "unlogged" writes no access logs/, /accessLogSettings\.destinationArn is not set/] },
            { resource: "unlogged-too", message: [/accessLogSettings\.destinationArn/] },
        ]);
    });

    it("rejects a format that lacks a required field, naming only the missing one", async () => {
        const format = JSON.stringify({ requestId: "$context.requestId", ip: "$context.identity.sourceIp" });
        assertFindings(
            await ruleFindings(RULE, () => {
                stage("partial", restApi("api"), { accessLogSettings: { destinationArn: LOG_GROUP_ARN, format } });
            }),
            RULE,
            "mandatory",
            [{ resource: "partial", message: [/accessLogSettings\.format\) lacks \$context\.status;/] }],
        );
    });

    it("a format or whole access log settings built from outputs are judged once known, and reported as unverifiable at a first preview", async () => {
        const partial = JSON.stringify({ requestId: "$context.requestId", ip: "$context.identity.sourceIp" });
        const found = await ruleFindingsByMode(RULE, () => {
            const api = restApi("api");
            stage("format", api, { accessLogSettings: { destinationArn: LOG_GROUP_ARN, format: afterDeployment(partial) } });
            stage("whole", api, { accessLogSettings: afterDeployment({ destinationArn: LOG_GROUP_ARN, format: partial }) });
            stage("no-destination", api, { accessLogSettings: afterDeployment({ destinationArn: "", format: ACCESS_LOG_FORMAT }) });
        });
        const fields = /\$context\.requestId, \$context\.identity\.sourceIp and \$context\.status\./;
        const whole = (s: string) =>
            new RegExp(`Stage "${s}"\\.accessLogSettings is unknown; it must set destinationArn to a CloudWatch log group ARN and a format containing `);
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "format", message: [/cannot be verified at preview: Stage "format"\.accessLogSettings\.format is unknown; it must contain /, fields] },
            { resource: "whole", message: [whole("whole"), fields] },
            { resource: "no-destination", message: [whole("no-destination"), fields] },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "format", message: [/Stage "format" access log format \(accessLogSettings\.format\) lacks \$context\.status;/] },
            { resource: "whole", message: [/Stage "whole" access log format \(accessLogSettings\.format\) lacks \$context\.status;/] },
            { resource: "no-destination", message: [/Stage "no-destination" writes no access logs \(accessLogSettings\.destinationArn is not set\)/] },
        ]);
    });
});
