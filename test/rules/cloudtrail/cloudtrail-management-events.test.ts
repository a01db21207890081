import * as aws from "@pulumi/aws";
import { ruleFindings } from "../../rule-harness";
import { trail } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "cloudtrail-management-events";
type Basic = aws.types.input.cloudtrail.TrailEventSelector;
type Advanced = aws.types.input.cloudtrail.TrailAdvancedEventSelector;
const basic =
    (...eventSelectors: Basic[]) =>
    () => {
        trail("trail", { eventSelectors });
    };
const advanced =
    (...advancedEventSelectors: Advanced[]) =>
    () => {
        trail("trail", { advancedEventSelectors });
    };
const CATEGORY = { field: "eventCategory", equals: ["Management"] };
const MANAGEMENT: Advanced = { name: "management", fieldSelectors: [CATEGORY] };
const S3_DATA: Advanced = {
    name: "objects",
    fieldSelectors: [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::S3::Object"] },
    ],
};

describe(RULE, () => {
    it("passes the compliant baseline: no selectors (CloudTrail's default), All management events, or an advanced Management selector", async () => {
        assertNoFindings(await ruleFindings(RULE, () => trail("trail")));
        assertNoFindings(await ruleFindings(RULE, basic({ readWriteType: "All", includeManagementEvents: true })));
        assertNoFindings(await ruleFindings(RULE, basic({ dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] })));
        assertNoFindings(await ruleFindings(RULE, advanced(MANAGEMENT, S3_DATA)));
    });

    it("reports event selectors that drop management events, writes or reads", async () => {
        for (const selector of [
            { readWriteType: "All", includeManagementEvents: false },
            { readWriteType: "ReadOnly", includeManagementEvents: true },
            { readWriteType: "WriteOnly" },
            { readWriteType: "All", excludeManagementEventSources: ["kms.amazonaws.com"] },
        ]) {
            assertFindings(await ruleFindings(RULE, basic(selector)), RULE, "mandatory", [
                { resource: "trail", message: [/eventSelectors record no full set of management events/, /readWriteType: "All"/] },
            ]);
        }
    });

    it("passes when one of several event selectors records everything", async () => {
        assertNoFindings(await ruleFindings(RULE, basic({ readWriteType: "ReadOnly" }, { readWriteType: "All", includeManagementEvents: true })));
    });

    it("reports advanced selectors with data events only, or management events filtered by readOnly or eventSource", async () => {
        const readOnly: Advanced = { name: "writes", fieldSelectors: [CATEGORY, { field: "readOnly", equals: ["false"] }] };
        const noKms: Advanced = { name: "no-kms", fieldSelectors: [CATEGORY, { field: "eventSource", notEquals: ["kms.amazonaws.com"] }] };
        for (const selectors of [[S3_DATA], [readOnly], [noKms, S3_DATA]]) {
            assertFindings(await ruleFindings(RULE, advanced(...selectors)), RULE, "mandatory", [
                { resource: "trail", message: [/advancedEventSelectors record no full set of management events/, /eventCategory/] },
            ]);
        }
    });

    it("reports every trail that drops management events", async () => {
        const found = await ruleFindings(RULE, () => {
            trail("a", { eventSelectors: [{ readWriteType: "WriteOnly" }] });
            trail("b", { advancedEventSelectors: [S3_DATA] });
            trail("c");
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "a", message: [/eventSelectors record no full set/] },
            { resource: "b", message: [/advancedEventSelectors record no full set/] },
        ]);
    });
});
