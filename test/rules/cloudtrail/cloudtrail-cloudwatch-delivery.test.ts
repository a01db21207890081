import { ruleFindings } from "../../rule-harness";
import { trail } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "cloudtrail-cloudwatch-delivery";

describe(RULE, () => {
    it("passes the compliant baseline: a log group and a role", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                trail("t");
            }),
        );
    });

    it("reports (advisory) a trail without delivery, naming both settings", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                trail("t", { cloudWatchLogsGroupArn: undefined, cloudWatchLogsRoleArn: undefined });
            }),
            RULE,
            "advisory",
            [{ resource: "t", message: [/does not deliver to CloudWatch Logs \(cloudWatchLogsGroupArn is not set and cloudWatchLogsRoleArn is not set\)/] }],
        );
    });

    it("names only the missing role when the group is set", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                trail("t", { cloudWatchLogsRoleArn: undefined });
            }),
            RULE,
            "advisory",
            [{ resource: "t", message: [/\(cloudWatchLogsRoleArn is not set\); set cloudWatchLogsRoleArn so/] }],
        );
    });

    it("reports every trail without delivery", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                trail("a", { cloudWatchLogsGroupArn: undefined });
                trail("b", { cloudWatchLogsGroupArn: undefined });
            }),
            RULE,
            "advisory",
            [
                { resource: "a", message: [/cloudWatchLogsGroupArn is not set/] },
                { resource: "b", message: [/cloudWatchLogsGroupArn is not set/] },
            ],
        );
    });
});
