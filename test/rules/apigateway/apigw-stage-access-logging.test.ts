import { ruleFindings } from "../../rule-harness";
import { ACCESS_LOG_FORMAT, LOG_GROUP_ARN, logGroup, restApi, stage } from "../builders";
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
});
